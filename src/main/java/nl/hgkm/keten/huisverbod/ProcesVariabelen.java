package nl.hgkm.keten.huisverbod;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Optional;
import nl.hgkm.keten.engine.StapUitvoering;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Reading the variables the huisverbod delegates need. Date-times arrive as {@code java.util.Date} or, when a
 * Camunda Form submitted them, as ISO-8601 text with an offset (contract §3); both are accepted. A required variable
 * that is missing is a modelling error: an exception, which becomes a retry and then an incident.
 */
final class ProcesVariabelen {

  static final String SYSTEEM = "systeem";

  private ProcesVariabelen() {}

  static String tekst(DelegateExecution execution, String naam) {
    return optioneleTekst(execution, naam).orElseThrow(() -> ontbreekt(execution, naam));
  }

  static Optional<String> optioneleTekst(DelegateExecution execution, String naam) {
    Object waarde = execution.getVariable(naam);
    if (waarde == null || waarde.toString().isBlank()) {
      return Optional.empty();
    }
    return Optional.of(waarde.toString().strip());
  }

  static Instant tijdstip(DelegateExecution execution, String naam) {
    return optioneelTijdstip(execution, naam).orElseThrow(() -> ontbreekt(execution, naam));
  }

  static Optional<Instant> optioneelTijdstip(DelegateExecution execution, String naam) {
    Object waarde = execution.getVariable(naam);
    if (waarde == null) {
      return Optional.empty();
    }
    if (waarde instanceof Date datum) {
      return Optional.of(datum.toInstant());
    }
    if (waarde instanceof String tekst && !tekst.isBlank()) {
      try {
        return Optional.of(OffsetDateTime.parse(tekst.strip()).toInstant());
      } catch (DateTimeParseException ongeldig) {
        throw new IllegalStateException("Variabele " + naam + " van " + execution.getProcessBusinessKey()
            + " is geen datum-tijd met tijdzone: " + tekst, ongeldig);
      }
    }
    throw new IllegalStateException("Variabele " + naam + " van " + execution.getProcessBusinessKey()
        + " is geen datum-tijd maar " + waarde.getClass().getSimpleName());
  }

  /** True only for Boolean true (or the text "true", as a form may submit it). */
  static boolean waar(DelegateExecution execution, String naam) {
    Object waarde = execution.getVariable(naam);
    return Boolean.TRUE.equals(waarde) || "true".equals(waarde);
  }

  /** The zaaknummer: variable {@code zaaknummer}, else the business key. */
  static String zaaknummer(DelegateExecution execution) {
    return optioneleTekst(execution, "zaaknummer")
        .or(() -> Optional.ofNullable(execution.getProcessBusinessKey()))
        .orElseThrow(() -> ontbreekt(execution, "zaaknummer"));
  }

  /** Who did it: the user who completed the step in Tasklist, or the system (a job). */
  static String actor(DelegateExecution execution) {
    // IdentityService's public API, though its return type lives in an impl package: not imported here.
    var authenticatie = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authenticatie == null || authenticatie.getUserId() == null ? SYSTEEM : authenticatie.getUserId();
  }

  /**
   * The request id of one step of one execution ({@code zaaknummer.activityId.executionId}) for what the step writes
   * in the case file in the engine's own transaction (a document): a failed attempt leaves nothing behind, and a
   * second pass of the step on the same execution finds what the first pass wrote.
   */
  static String verzoekId(DelegateExecution execution, String zaaknummer) {
    return zaaknummer + "." + execution.getCurrentActivityId() + "." + execution.getId();
  }

  /**
   * The id of a mail a step sends ({@code zaaknummer.activityId.<job id>}, {@link StapUitvoering}): the mail journal
   * keeps it outside the step's transaction, so it must be the same on every attempt of the step, also when the
   * engine moves the waiting job to another execution.
   */
  static String berichtId(DelegateExecution execution, String zaaknummer) {
    return zaaknummer + "." + execution.getCurrentActivityId() + "." + StapUitvoering.id(execution);
  }

  private static IllegalStateException ontbreekt(DelegateExecution execution, String naam) {
    return new IllegalStateException("Variabele " + naam + " ontbreekt in " + execution.getProcessDefinitionId()
        + " (" + execution.getProcessBusinessKey() + ", stap " + execution.getCurrentActivityId() + ")");
  }
}
