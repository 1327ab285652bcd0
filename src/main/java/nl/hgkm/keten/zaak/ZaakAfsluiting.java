package nl.hgkm.keten.zaak;

import nl.hgkm.keten.engine.ProcesBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Records why a case ends, from the end events of the models:
 * {@code <camunda:executionListener expression="${afsluiting.vastleggen(execution, 'OVERGEDRAGEN')}" event="start"/>}.
 * Sets process variable {@code afsluitreden} (for Cockpit, history and the calling process) and writes the reason in
 * the case's audit trail, so that no path of the chain ends without monitoring or a recorded reason why none is
 * needed.
 */
@Component("afsluiting")
@ProcesBean
public class ZaakAfsluiting {

  private final AuditLog audit;

  public ZaakAfsluiting(AuditLog audit) {
    this.audit = audit;
  }

  public void vastleggen(DelegateExecution execution, String code) {
    Afsluitreden reden = Afsluitreden.valueOf(code);
    Object zaaknummer = execution.getVariable("zaaknummer");
    execution.setVariable("afsluitreden", reden.name());
    audit.schrijf(zaaknummer != null ? zaaknummer.toString() : execution.getProcessBusinessKey(), "systeem",
        "ZAAK_AFGESLOTEN", reden.omschrijving());
  }
}
