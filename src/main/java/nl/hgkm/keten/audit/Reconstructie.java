package nl.hgkm.keten.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The replay of one case (contract §6): the JSON of {@code GET /api/audit/zaken/{zaaknummer}} and what the page and
 * the export show. Times are Europe/Amsterdam with offset. The fields contract §6 names are always present, also when
 * null (a line of the case's own audit trail has no process).
 */
public record Reconstructie(
    String zaaknummer,
    String zaaktype,
    String regio,
    List<GekoppeldeZaak> gekoppeldeZaken,
    List<Proces> processen,
    List<Gebeurtenis> tijdlijn,
    List<Beslissing> beslissingen,
    List<Inzage> inzage,
    OffsetDateTime opgesteldOp,
    String opgesteldDoor) {

  /** Another case that this one started or received (a huisverbod and the Veilig Thuis case it informed). */
  public record GekoppeldeZaak(String zaaknummer, String relatie) {}

  /** One process instance of the case, with what its diagram shows. */
  public record Proces(String id, String proces, String naam, String definitieId, int versie, String versieLabel,
      String zaaknummer, String bovenliggendId, String aanroependeActiviteit, OffsetDateTime start,
      OffsetDateTime einde, String status, List<Activiteit> activiteiten, List<Pad> paden, List<String> huidig,
      List<Aanroep> aanroepen) {}

  /** How often an element of the diagram was passed, first start and last end, and whether it is open now. */
  public record Activiteit(String activiteitId, String naam, String type, int aantal, OffsetDateTime eerste,
      OffsetDateTime laatste, boolean open) {}

  /** A sequence flow the case took: inferred from the order of the activities (Camunda 7 stores no flows). */
  public record Pad(String flowId, boolean afgeleid) {}

  /** A call activity and the process instance(s) it started. */
  public record Aanroep(String activiteitId, List<String> processInstanceIds) {}

  /**
   * One line of the timeline.
   *
   * @param soort  ACTIVITEIT, TAAK, BERICHT, TIMER, BUITENSYSTEEM, INCIDENT, BEWERKING or BESLISSING
   * @param bron   where it comes from: an engine history table or the case's own audit trail
   */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Gebeurtenis(OffsetDateTime tijdstip, String soort, String proces, String processInstanceId,
      String activiteit, String activiteitId, String gebruiker, String omschrijving, Map<String, Object> details,
      String bron) {}

  /** One DMN evaluation with its inputs, outputs, matched rules and the table version used. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Beslissing(String id, String beslissing, String naam, int versie, String versieLabel,
      String definitieId, OffsetDateTime tijdstip, String proces, String processInstanceId, String activiteit,
      String gebruiker, String hitPolicy, List<Waarde> invoer, List<Waarde> uitvoer, List<Regel> regels) {}

  /** An input or output value; for outputs the rule that produced it. */
  public record Waarde(String id, String naam, String label, Object waarde, String regelId) {}

  /** A matched rule with its position in the table and its annotation (the legal source). */
  public record Regel(String id, int volgorde, String annotatie) {}

  /** One line of the read-access log. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Inzage(OffsetDateTime tijdstip, String gebruiker, String rollen, String wat, String uitkomst,
      String adres) {}
}
