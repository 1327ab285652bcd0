package nl.hgkm.keten.integratie.politie;

import static nl.hgkm.keten.integratie.ProcesVariabelen.tijdstip;
import static nl.hgkm.keten.integratie.ProcesVariabelen.verzoekId;
import static nl.hgkm.keten.integratie.ProcesVariabelen.zaaknummer;

import nl.hgkm.keten.engine.ProcesBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Tells the police the order was extended (Wth art. 9). Reads {@code zaaknummer} and {@code huisverbodEindigtOp}
 * (the new end).
 */
@Component("politieVerlengingRegistreren")
@ProcesBean
class PolitieVerlengingRegistreren implements JavaDelegate {

  private final PolitieSysteem politie;

  PolitieVerlengingRegistreren(PolitieSysteem politie) {
    this.politie = politie;
  }

  @Override
  public void execute(DelegateExecution execution) {
    politie.registreerVerlenging(new PolitieSysteem.Verlenging(zaaknummer(execution),
        tijdstip(execution, "huisverbodEindigtOp")), verzoekId(execution));
  }
}
