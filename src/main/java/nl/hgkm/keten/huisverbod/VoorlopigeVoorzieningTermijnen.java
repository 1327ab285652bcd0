package nl.hgkm.keten.huisverbod;

import java.time.Instant;
import java.util.Date;
import nl.hgkm.keten.engine.ProcesBean;
import nl.hgkm.keten.kalender.Klok;
import nl.hgkm.keten.kalender.Werkdagenkalender;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Terms of a request for interim relief, counted from {@code ingediendOp} (default: now): counsel within 24 hours
 * (Wth art. 5(1)) and the hearing within 3 days (art. 6). Kept on the request's own scope, so a second request does
 * not move the terms of the first.
 */
@Component("voorlopigeVoorzieningTermijnen")
@ProcesBean
class VoorlopigeVoorzieningTermijnen implements ExecutionListener {

  private final Werkdagenkalender kalender;
  private final HuisverbodProperties termijnen;
  private final Klok klok;

  VoorlopigeVoorzieningTermijnen(Werkdagenkalender kalender, HuisverbodProperties termijnen, Klok klok) {
    this.kalender = kalender;
    this.termijnen = termijnen;
    this.klok = klok;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Instant ingediendOp = DatumTijd.lees("ingediendOp", execution.getVariable("ingediendOp"));
    if (ingediendOp == null) {
      ingediendOp = klok.nu();
    }
    execution.setVariableLocal("verzoekIngediendOp", Date.from(ingediendOp));
    execution.setVariableLocal("raadsmanUiterlijk", Date.from(ingediendOp.plus(termijnen.raadsman())));
    execution.setVariableLocal("zittingUiterlijk",
        Date.from(kalender.plusKalenderdagen(ingediendOp, termijnen.zittingDagen())));
  }
}
