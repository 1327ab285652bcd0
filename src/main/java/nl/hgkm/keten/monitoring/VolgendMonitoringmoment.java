package nl.hgkm.keten.monitoring;

import java.time.Instant;
import java.time.Period;
import java.util.Date;
import java.util.List;
import nl.hgkm.keten.engine.ProcesBean;
import nl.hgkm.keten.kalender.Termijn;
import nl.hgkm.keten.kalender.Werkdagenkalender;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Plans the next monitoring moment: moment n falls due n plan intervals after the start of the plan, so each moment
 * lies one interval after the previous one without drifting at the ends of months (contract §3). When that moment
 * would lie after the end of the plan, the plan is done ({@code planAfgerond}).
 *
 * <p>Otherwise sets {@code momentNummer}, {@code volgendMoment} (the timer), {@code momentDatum}, and the term of the
 * check-in: due at the end of the day {@code keten.monitoring.uiterlijk-na} after the moment ({@code momentUiterlijk},
 * Tasklist column {@code deadline}), late from the next day ({@code momentVerstreken}). The answers of the previous
 * check-in belong to that moment (history and audit trail keep them): they are cleared, so the next form starts empty
 * and a completion without them is refused.
 */
@Component("volgendMonitoringmoment")
@ProcesBean
class VolgendMonitoringmoment implements JavaDelegate {

  static final List<String> ANTWOORDEN = List.of("voorwaardenNageleefd", "stabielVeilig", "toelichting",
      "contactGezin", "contactProfessionals", "nalevingPerVoorwaarde");

  private final Werkdagenkalender kalender;
  private final MonitoringProperties properties;

  VolgendMonitoringmoment(Werkdagenkalender kalender, MonitoringProperties properties) {
    this.kalender = kalender;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int nummer = MonitoringVariabelen.getal(execution, "momentNummer") + 1;
    Instant start = MonitoringVariabelen.tijdstip(execution, "monitoringStart");
    Instant einde = MonitoringVariabelen.tijdstip(execution, "monitoringEinde");
    Period interval = MonitoringVariabelen.periode(execution, "monitoringInterval");
    Instant moment = kalender.plusPeriode(start, interval.multipliedBy(nummer));
    if (moment.isAfter(einde)) {
      execution.setVariable("planAfgerond", true);
      return;
    }
    Termijn termijn = kalender.kalendertermijn(moment, properties.uiterlijkNa());
    ANTWOORDEN.forEach(execution::removeVariable);
    execution.setVariable("planAfgerond", false);
    execution.setVariable("momentNummer", nummer);
    execution.setVariable("volgendMoment", Date.from(moment));
    execution.setVariable("momentDatum", kalender.lokaleDatum(moment).toString());
    execution.setVariable("momentUiterlijk", Date.from(termijn.einde()));
    execution.setVariable("momentVerstreken", Date.from(termijn.verstreken()));
    execution.setVariable("deadline", termijn.uiterlijk().toString());
  }
}
