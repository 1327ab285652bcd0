package nl.hgkm.keten.huisverbod;

import nl.hgkm.keten.engine.OngeldigeTaakInvoerException;
import nl.hgkm.keten.engine.ProcesBean;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Guards the decision to withdraw (task {@code besluit-intrekking}, Wth art. 2(9)): only the burgemeester may
 * withdraw (art. 3), and a withdrawal needs its reasons.
 */
@Component("besluitIntrekkingControle")
@ProcesBean
class BesluitIntrekkingControle implements TaskListener {

  private final Beslisser beslisser;

  BesluitIntrekkingControle(Beslisser beslisser) {
    this.beslisser = beslisser;
  }

  @Override
  public void notify(DelegateTask taak) {
    Object intrekken = taak.getVariable("intrekken");
    if (!(intrekken instanceof Boolean)) {
      throw weiger("intrekken moet ja of nee zijn (Boolean)");
    }
    if (!(Boolean) intrekken) {
      return;
    }
    String rol = beslisser.rol(taak.getVariable("beslisser"));
    if (!"BURGEMEESTER".equals(rol) && !"LOCOBURGEMEESTER".equals(rol)) {
      throw weiger("alleen de burgemeester kan intrekken; intrekken is niet mandateerbaar (Wth art. 3)");
    }
    if (!(taak.getVariable("intrekkingMotivering") instanceof String m) || m.isBlank()) {
      throw weiger("intrekkingMotivering is verplicht bij intrekken");
    }
    taak.getExecution().setVariable("ingetrokkenDoor", rol);
  }

  private static OngeldigeTaakInvoerException weiger(String reden) {
    return new OngeldigeTaakInvoerException("Besluit over intrekking geweigerd: " + reden);
  }
}
