package nl.hgkm.keten.integratie;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Optional;
import nl.hgkm.keten.engine.StapUitvoering;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Reading the small, primitive process variables the integration delegates need, with Dutch messages when one is
 * missing or malformed (those become the job's failure and, in the end, the incident's message).
 */
public final class ProcesVariabelen {

  private ProcesVariabelen() {}

  /** The case's zaaknummer: variable {@code zaaknummer}, else the business key (the zaaknummer by contract). */
  public static String zaaknummer(DelegateExecution execution) {
    Object waarde = execution.getVariable("zaaknummer");
    String zaaknummer = waarde != null ? waarde.toString() : execution.getProcessBusinessKey();
    if (zaaknummer == null || zaaknummer.isBlank()) {
      throw new IllegalStateException("Procesvariabele zaaknummer ontbreekt (en er is geen business key)");
    }
    return zaaknummer;
  }

  /**
   * The request id sent as {@code Idempotency-Key}: zaaknummer + "." + activity id + "." + the id of the job that
   * runs the step ({@link StapUitvoering}). Stable across every attempt of the step, also when the engine moves the
   * waiting job to another execution; different for another step or another pass, e.g. a second pass through an
   * event subprocess.
   */
  public static String verzoekId(DelegateExecution execution) {
    return zaaknummer(execution) + "." + execution.getCurrentActivityId() + "." + StapUitvoering.id(execution);
  }

  public static String tekst(DelegateExecution execution, String naam) {
    return optioneleTekst(execution, naam).orElseThrow(() -> ontbreekt(naam));
  }

  public static Optional<String> optioneleTekst(DelegateExecution execution, String naam) {
    Object waarde = execution.getVariable(naam);
    return waarde == null || waarde.toString().isBlank() ? Optional.empty() : Optional.of(waarde.toString());
  }

  public static Instant tijdstip(DelegateExecution execution, String naam) {
    return optioneelTijdstip(execution, naam).orElseThrow(() -> ontbreekt(naam));
  }

  /**
   * A date-time variable as contract §3 allows it: an ISO-8601 string with an offset
   * ({@code 2026-03-25T12:00:00+01:00}, as Camunda Forms submit it) or a Camunda {@code Date} value.
   */
  public static Optional<Instant> optioneelTijdstip(DelegateExecution execution, String naam) {
    Object waarde = execution.getVariable(naam);
    if (waarde == null || (waarde instanceof String tekst && tekst.isBlank())) {
      return Optional.empty();
    }
    if (waarde instanceof Date datum) {
      return Optional.of(datum.toInstant());
    }
    if (waarde instanceof Instant instant) {
      return Optional.of(instant);
    }
    if (waarde instanceof OffsetDateTime tijd) {
      return Optional.of(tijd.toInstant());
    }
    if (waarde instanceof ZonedDateTime tijd) {
      return Optional.of(tijd.toInstant());
    }
    if (waarde instanceof String tekst) {
      try {
        return Optional.of(OffsetDateTime.parse(tekst.strip()).toInstant());
      } catch (DateTimeParseException fout) {
        throw new IllegalArgumentException("Procesvariabele " + naam + " ('" + tekst
            + "') is geen ISO-8601 datum-tijd met offset, zoals 2026-03-25T12:00:00+01:00", fout);
      }
    }
    throw new IllegalArgumentException("Procesvariabele " + naam + " is een " + waarde.getClass().getSimpleName()
        + ", verwacht een datum-tijd (ISO-8601-tekst met offset of Date)");
  }

  private static IllegalStateException ontbreekt(String naam) {
    return new IllegalStateException("Procesvariabele " + naam + " ontbreekt");
  }
}
