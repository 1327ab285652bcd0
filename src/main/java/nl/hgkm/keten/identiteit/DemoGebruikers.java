package nl.hgkm.keten.identiteit;

import java.util.List;
import nl.hgkm.keten.regio.Werkgebied;

/**
 * The demo users of contract §2: one per group, password {@value #WACHTWOORD}. Seeded only in the {@code demo}
 * profile; {@link ProdStartControle} refuses to start {@code prod} while any of them still has that password.
 */
public final class DemoGebruikers {

  public static final String WACHTWOORD = "demo";

  /**
   * @param werkgebied where the user works: the regions whose tenant the user is a member of
   *                   (docs/rollen-en-rechten.md, "Regio's")
   */
  public record DemoGebruiker(String id, String groep, String voornaam, String achternaam, Werkgebied werkgebied) {
    public String email() {
      return id + "@demo.keten-hgkm.example";
    }
  }

  /** The demo's own municipalities, for the mayor and the local team: those of the demo regions' examples. */
  private static final String[] DEMO_GEMEENTEN = {"amsterdam", "amstelveen", "utrecht", "nieuwegein", "s-gravenhage"};

  public static final List<DemoGebruiker> ALLE = List.of(
      new DemoGebruiker("intake", Groepen.VT_INTAKE, "Iris", "de Vries", Werkgebied.landelijk()),
      new DemoGebruiker("medewerker", Groepen.VT_MEDEWERKER, "Mehmet", "Yilmaz", Werkgebied.regio("utrecht")),
      new DemoGebruiker("teamleider", Groepen.VT_TEAMLEIDER, "Tineke", "Jansen", Werkgebied.regio("utrecht")),
      new DemoGebruiker("medewerker-haaglanden", Groepen.VT_MEDEWERKER, "Hatice", "Bakker",
          Werkgebied.regio("haaglanden")),
      new DemoGebruiker("teamleider-haaglanden", Groepen.VT_TEAMLEIDER, "Henk", "Dekker",
          Werkgebied.regio("haaglanden")),
      new DemoGebruiker("arts", Groepen.VERTROUWENSARTS, "Anouk", "van Dijk",
          Werkgebied.regio("utrecht", "amsterdam-amstelland")),
      new DemoGebruiker("agent", Groepen.POLITIE, "Arjen", "Visser",
          Werkgebied.politieEenheden("amsterdam", "midden-nederland", "den-haag")),
      new DemoGebruiker("hovj", Groepen.HULPOFFICIER, "Hanneke", "Smit",
          Werkgebied.politieEenheden("amsterdam", "midden-nederland", "den-haag")),
      new DemoGebruiker("burgemeester", Groepen.BURGEMEESTER, "Bram", "de Boer", Werkgebied.gemeenten(DEMO_GEMEENTEN)),
      new DemoGebruiker("wijkteam", Groepen.WIJKTEAM, "Wendy", "Mulder", Werkgebied.gemeenten(DEMO_GEMEENTEN)),
      new DemoGebruiker("professional", Groepen.PROFESSIONAL, "Pieter", "Bos", Werkgebied.geen()),
      new DemoGebruiker("auditor", Groepen.AUDITOR, "Anton", "Meijer", Werkgebied.landelijk()),
      // Data-subject requests for the whole organisation (docs/privacy.md).
      new DemoGebruiker("privacy", Groepen.PRIVACYFUNCTIONARIS, "Priya", "Kramer", Werkgebied.landelijk()),
      new DemoGebruiker("demo", Groepen.CAMUNDA_ADMIN, "Demo", "Beheerder", Werkgebied.geen()));

  private DemoGebruikers() {}
}
