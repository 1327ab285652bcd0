package nl.hgkm.keten.monitoring;

import java.time.Instant;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Reading the variables of process {@code monitoring}. A required variable that is missing is a modelling error: an
 * exception, which becomes a retry and then an incident.
 */
final class MonitoringVariabelen {

  static final String SYSTEEM = "systeem";
  /** Dates in mails, as the chain's other mails write them. */
  static final DateTimeFormatter DATUM = DateTimeFormatter.ofPattern("d-M-yyyy");

  private MonitoringVariabelen() {}

  static String tekst(VariableScope scope, String naam) {
    return optioneleTekst(scope, naam).orElseThrow(() -> ontbreekt(naam));
  }

  static Optional<String> optioneleTekst(VariableScope scope, String naam) {
    Object waarde = scope.getVariable(naam);
    return waarde == null || waarde.toString().isBlank() ? Optional.empty() : Optional.of(waarde.toString().strip());
  }

  static Instant tijdstip(VariableScope scope, String naam) {
    if (scope.getVariable(naam) instanceof Date datum) {
      return datum.toInstant();
    }
    throw ontbreekt(naam);
  }

  static int getal(VariableScope scope, String naam) {
    if (scope.getVariable(naam) instanceof Number getal) {
      return getal.intValue();
    }
    throw ontbreekt(naam);
  }

  /** An ISO-8601 period (P3M) as decision monitoring-plan gives it. */
  static Period periode(VariableScope scope, String naam) {
    String tekst = tekst(scope, naam);
    try {
      return Period.parse(tekst);
    } catch (RuntimeException ongeldig) {
      throw new IllegalStateException("Variabele " + naam + " is geen ISO-8601-periode: " + tekst, ongeldig);
    }
  }

  private static IllegalStateException ontbreekt(String naam) {
    return new IllegalStateException("Variabele " + naam + " ontbreekt of heeft het verkeerde type");
  }
}
