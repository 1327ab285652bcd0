package nl.hgkm.keten.meldcode;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The five questions of the afwegingskader, in the order they are asked (domain §3; NJI model text, Basisdocument
 * Rijksoverheid). {@link #naam()} is the input of decision {@code meldcode-afwegingskader} (contract §4) and the key
 * in the API.
 */
public enum Afwegingsvraag {

  VERMOEDEN(1, "q1Vermoeden", "Vermoeden",
      "Heb ik op basis van de stappen 1 tot en met 4 een vermoeden van (dreiging van) huiselijk geweld en/of "
          + "kindermishandeling?"),
  VEILIGHEID(2, "q2AcuutOfStructureel", "Veiligheid",
      "Schat ik op basis van de stappen 1 tot en met 4 in dat er sprake is van acute onveiligheid en/of structurele "
          + "onveiligheid?"),
  HULP(3, "q3EffectieveHulpMogelijk", "Hulp",
      "Ben ik in staat effectieve hulp te bieden of te organiseren om de dreiging van (toekomstig) huiselijk geweld "
          + "en/of kindermishandeling af te wenden?"),
  AANVAARDEN(4, "q4HulpAanvaard", "Aanvaarden van hulp",
      "Aanvaarden de betrokkenen hulp om de dreiging van (toekomstig) huiselijk geweld en/of kindermishandeling af "
          + "te wenden en zijn zij bereid zich hiervoor in te zetten?"),
  RESULTAAT(5, "q5ResultaatBereikt", "Resultaat",
      "Leidt de hulp binnen de gestelde termijn tot de noodzakelijke resultaten ten aanzien van de veiligheid en/of "
          + "het welzijn (herstel) van alle betrokkenen?");

  public static final List<String> NAMEN = Arrays.stream(values()).map(Afwegingsvraag::naam).toList();

  private final int nummer;
  private final String naam;
  private final String kort;
  private final String vraag;

  Afwegingsvraag(int nummer, String naam, String kort, String vraag) {
    this.nummer = nummer;
    this.naam = naam;
    this.kort = kort;
    this.vraag = vraag;
  }

  public int nummer() {
    return nummer;
  }

  public String naam() {
    return naam;
  }

  /** The question's short Dutch name, as the model text heads it ("Vermoeden", "Veiligheid", ...). */
  public String kort() {
    return kort;
  }

  /** The question in Dutch, in the professional's first person. */
  public String vraag() {
    return vraag;
  }

  /** "afweging 2 (Veiligheid)". */
  public String aanduiding() {
    return "afweging " + nummer + " (" + kort + ")";
  }

  public static Optional<Afwegingsvraag> vanNaam(String naam) {
    return Arrays.stream(values()).filter(v -> v.naam.equals(naam)).findFirst();
  }

  public static Afwegingsvraag vanNummer(int nummer) {
    return Arrays.stream(values()).filter(v -> v.nummer == nummer).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Geen afweging " + nummer));
  }
}
