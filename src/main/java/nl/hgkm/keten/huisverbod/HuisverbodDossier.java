package nl.hgkm.keten.huisverbod;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The case file of a huisverbod as {@code GET /api/huisverboden/{zaaknummer}} shows it: the order, the persons, the
 * documents (without their text: {@code GET .../documenten/{id}}) and the audit trail. Times in Europe/Amsterdam.
 */
public record HuisverbodDossier(
    String zaaknummer,
    String processInstanceId,
    String externeReferentie,
    String regio,
    String gemeente,
    OffsetDateTime incidentOp,
    String woning,
    boolean kindermishandeling,
    boolean plegerMeerderjarig,
    Rihg rihg,
    String feiten,
    String advies,
    String ingediendDoor,
    OffsetDateTime ingediendOp,
    Bereikbaarheid bereikbaarheid,
    List<Persoon> personen,
    List<Document> documenten,
    List<AuditRegel> audit) {

  public record Rihg(int roodPleger, int roodIncident, int roodGezin, boolean woontOfVerblijftNietIncidenteel,
      boolean ernstigOnmiddellijkGevaarOordeel) {}

  /** Wth art. 2(6); null until the uithuisgeplaatste has stated it. */
  public record Bereikbaarheid(String adres, OffsetDateTime vastgelegdOp) {}

  /** @param rol PLEGER, SLACHTOFFER, KIND or OVERIG */
  public record Persoon(String rol, String naam, LocalDate geboortedatum, String bsn, boolean contactverbod) {}

  public record Document(long id, String soort, String titel, OffsetDateTime aangemaaktOp) {}

  public record AuditRegel(OffsetDateTime tijdstip, String actor, String soort, String omschrijving) {}
}
