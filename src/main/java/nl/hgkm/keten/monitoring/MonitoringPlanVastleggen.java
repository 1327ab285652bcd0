package nl.hgkm.keten.monitoring;

import java.time.Instant;
import java.time.Period;
import java.util.Date;
import nl.hgkm.keten.engine.ProcesBean;
import nl.hgkm.keten.kalender.Klok;
import nl.hgkm.keten.kalender.Werkdagenkalender;
import nl.hgkm.keten.zaak.AuditLog;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Fixes the plan that decision {@code monitoring-plan} gave ({@code monitoringInterval}, {@code monitoringDuur}): it
 * starts now and ends one duration later ({@code monitoringStart}, {@code monitoringEinde}, {@code planTot} as a date
 * for forms), counted on the one calendar of the chain. A plan without a single moment in it is a modelling error.
 */
@Component("monitoringPlanVastleggen")
@ProcesBean
class MonitoringPlanVastleggen implements JavaDelegate {

  private final Werkdagenkalender kalender;
  private final Klok klok;
  private final AuditLog audit;

  MonitoringPlanVastleggen(Werkdagenkalender kalender, Klok klok, AuditLog audit) {
    this.kalender = kalender;
    this.klok = klok;
    this.audit = audit;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String zaaknummer = MonitoringVariabelen.tekst(execution, "zaaknummer");
    Period interval = MonitoringVariabelen.periode(execution, "monitoringInterval");
    Period duur = MonitoringVariabelen.periode(execution, "monitoringDuur");
    Instant start = klok.nu();
    Instant einde = kalender.plusPeriode(start, duur);
    if (interval.isZero() || interval.isNegative() || kalender.plusPeriode(start, interval).isAfter(einde)) {
      throw new IllegalStateException("Monitoringplan van " + zaaknummer + " zonder monitoringsmoment: interval "
          + interval + ", duur " + duur);
    }
    execution.setVariable("monitoringStart", Date.from(start));
    execution.setVariable("monitoringEinde", Date.from(einde));
    execution.setVariable("planTot", kalender.lokaleDatum(einde).toString());
    execution.setVariable("momentNummer", 0);
    audit.schrijf(zaaknummer, MonitoringVariabelen.SYSTEEM, "MONITORING_GESTART", "Monitoring gestart na "
        + execution.getVariable("herkomst") + ": elke " + interval + " gedurende " + duur + ", tot "
        + kalender.lokaleDatum(einde) + "; risicoprofiel " + execution.getVariable("risicoprofiel")
        + " (kinderen betrokken: " + jaNee(execution.getVariable("kinderenBetrokken"))
        + ", eerdere meldingen in 12 maanden: " + execution.getVariable("eerdereMeldingen12Maanden")
        + ", acuut in de voorgeschiedenis: " + jaNee(execution.getVariable("acuutInVoorgeschiedenis"))
        + ", huisverbod opgelegd: " + jaNee(execution.getVariable("huisverbodOpgelegd")) + ")");
  }

  static String jaNee(Object waarde) {
    return waarde == null ? "niet ingevuld" : Boolean.TRUE.equals(waarde) ? "ja" : "nee";
  }
}
