package nl.hgkm.keten.huisverbod;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import nl.hgkm.keten.engine.ProcesBean;
import nl.hgkm.keten.engine.TimerVerzetter;
import nl.hgkm.keten.kalender.Klok;
import nl.hgkm.keten.kalender.Werkdagenkalender;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Applies an allowed extension: the order now ends at {@code verlengdTot} (the end timer moves with it), and a
 * further evaluation is planned as many days before the new end as before the original one.
 */
@Component("verlengingVerwerken")
@ProcesBean
class VerlengingVerwerken implements JavaDelegate {

  static final String EINDE_TIMER = "Timer_HuisverbodEindigt";

  private final TimerVerzetter timers;
  private final Werkdagenkalender kalender;
  private final HuisverbodProperties termijnen;
  private final Klok klok;

  VerlengingVerwerken(TimerVerzetter timers, Werkdagenkalender kalender, HuisverbodProperties termijnen, Klok klok) {
    this.timers = timers;
    this.kalender = kalender;
    this.termijnen = termijnen;
    this.klok = klok;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Instant nieuwEinde = DatumTijd.lees("verlengdTot", execution.getVariable("verlengdTot"));
    timers.verzet(execution.getProcessInstanceId(), EINDE_TIMER, nieuwEinde);
    Instant evaluatie = kalender.plusKalenderdagen(nieuwEinde,
        termijnen.evaluatieNaDagen() - termijnen.duurDagen());
    Instant nu = klok.nu();
    execution.setVariable("huisverbodEindigtOp", Date.from(nieuwEinde));
    execution.setVariable("evaluatieOp", Date.from(evaluatie.isBefore(nu) ? nu : evaluatie));
    execution.setVariable("deadline", kalender.lokaleDatum(nieuwEinde).format(DateTimeFormatter.ISO_LOCAL_DATE));
  }
}
