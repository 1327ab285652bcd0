package nl.hgkm.keten.integratie;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import nl.hgkm.keten.gemeente.Gemeente;
import nl.hgkm.keten.gemeente.Gemeenten;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the police and care systems are told about a huisverbod, read from the case file (tables {@code huisverbod},
 * {@code huisverbod_persoon}, {@code zaak_document}). Read-only: the huisverbod feature owns these tables.
 */
@Component
public class HuisverbodDossier {

  private final JdbcClient jdbc;
  private final Gemeenten gemeenten;

  public HuisverbodDossier(JdbcClient jdbc, Gemeenten gemeenten) {
    this.jdbc = jdbc;
    this.gemeenten = gemeenten;
  }

  /**
   * @throws IllegalStateException when the case file has no huisverbod with this zaaknummer
   */
  public Huisverbod huisverbod(String zaaknummer) {
    Huisverbod zonderPersonen = jdbc.sql("select gemeente, woning_adres from huisverbod where zaaknummer = :z")
        .param("z", zaaknummer)
        .query((rs, i) -> new Huisverbod(zaaknummer, rs.getString("gemeente"), rs.getString("woning_adres"),
            List.of()))
        .optional()
        .orElseThrow(() -> new IllegalStateException("Zaak " + zaaknummer + ": geen huisverbod in het dossier"));
    List<DossierPersoon> personen = jdbc.sql("""
            select rol, naam, geboortedatum, bsn, contactverbod
            from huisverbod_persoon where zaaknummer = :z order by id""")
        .param("z", zaaknummer)
        .query((rs, i) -> new DossierPersoon(
            new Persoon(rs.getString("rol"), rs.getString("naam"), rs.getObject("geboortedatum", LocalDate.class),
                rs.getString("bsn")),
            rs.getBoolean("contactverbod")))
        .list();
    // The case file keeps the CBS code; the police and care systems get the name, as a letter writes it.
    String gemeente = gemeenten.vind(zonderPersonen.gemeente()).map(Gemeente::naam).orElse(zonderPersonen.gemeente());
    return new Huisverbod(zaaknummer, gemeente, zonderPersonen.woningAdres(), personen);
  }

  /** The newest document of a kind (by creation time, then id), e.g. {@code BESCHIKKING_OPLEGGING}. */
  public Optional<Document> nieuwsteDocument(String zaaknummer, String soort) {
    return jdbc.sql("""
            select id, titel, inhoud, aangemaakt_op from zaak_document
            where zaaknummer = :z and soort = :soort
            order by aangemaakt_op desc, id desc""")
        .param("z", zaaknummer)
        .param("soort", soort)
        .query((rs, i) -> new Document(rs.getLong("id"), soort, rs.getString("titel"), rs.getString("inhoud"),
            rs.getObject("aangemaakt_op", OffsetDateTime.class)))
        .list().stream().findFirst();
  }

  public record Huisverbod(String zaaknummer, String gemeente, String woningAdres, List<DossierPersoon> personen) {

    public static final String PLEGER = "PLEGER";

    /** The person ordered out of the home (rol PLEGER). */
    public Persoon uithuisgeplaatste() {
      return personen.stream().map(DossierPersoon::persoon).filter(p -> PLEGER.equals(p.rol())).findFirst()
          .orElseThrow(() -> new IllegalStateException(
              "Zaak " + zaaknummer + ": geen uithuisgeplaatste (rol PLEGER) in het dossier"));
    }

    /** The achterblijvers the contact ban covers, as named in the beschikking (Wth art. 2(4)). */
    public List<Persoon> contactverbod() {
      return personen.stream()
          .filter(p -> p.contactverbod() && !PLEGER.equals(p.persoon().rol()))
          .map(DossierPersoon::persoon).toList();
    }

    /** Everyone in the household, the uithuisgeplaatste included: care is for the whole household. */
    public List<Persoon> allePersonen() {
      return personen.stream().map(DossierPersoon::persoon).toList();
    }

    /** The home (Wth art. 2(4): place); required once the order is imposed. */
    public String woning() {
      if (woningAdres == null || woningAdres.isBlank()) {
        throw new IllegalStateException("Zaak " + zaaknummer + ": adres van de woning ontbreekt in het dossier");
      }
      return woningAdres;
    }
  }

  public record DossierPersoon(Persoon persoon, boolean contactverbod) {}

  public record Document(long id, String soort, String titel, String inhoud, OffsetDateTime aangemaaktOp) {}
}
