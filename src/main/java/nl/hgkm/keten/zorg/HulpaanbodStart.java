package nl.hgkm.keten.zorg;

import java.util.Date;
import java.util.List;
import nl.hgkm.keten.engine.ProcesBean;
import nl.hgkm.keten.huisverbod.HuisverbodProperties;
import nl.hgkm.keten.kalender.Klok;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * At the start of a hulpaanbod: every person of the huisverbod needs a first contact, within the regional term
 * (keten.huisverbod.eerste-contact, default 24 hours). A huisverbod without persons in its case file is an error
 * here, not a care offer that silently reaches nobody.
 */
@Component("hulpaanbodStart")
@ProcesBean
class HulpaanbodStart implements ExecutionListener {

  private final HulpaanbodPersonen personen;
  private final HuisverbodProperties termijnen;
  private final Klok klok;

  HulpaanbodStart(HulpaanbodPersonen personen, HuisverbodProperties termijnen, Klok klok) {
    this.personen = personen;
    this.termijnen = termijnen;
    this.klok = klok;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String zaaknummer = (String) execution.getVariable("zaaknummer");
    List<Long> ids = personen.van(zaaknummer);
    if (ids.isEmpty()) {
      throw new IllegalStateException("Huisverbod " + zaaknummer + " heeft geen personen in het dossier");
    }
    execution.setVariable("eersteContactUiterlijk", Date.from(klok.nu().plus(termijnen.eersteContact())));
  }
}
