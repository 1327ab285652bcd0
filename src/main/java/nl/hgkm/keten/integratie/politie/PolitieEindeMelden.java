package nl.hgkm.keten.integratie.politie;

import static nl.hgkm.keten.integratie.ProcesVariabelen.optioneelTijdstip;
import static nl.hgkm.keten.integratie.ProcesVariabelen.tekst;
import static nl.hgkm.keten.integratie.ProcesVariabelen.verzoekId;
import static nl.hgkm.keten.integratie.ProcesVariabelen.zaaknummer;

import nl.hgkm.keten.engine.ProcesBean;
import nl.hgkm.keten.kalender.Klok;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Tells the police the order ended. Reads {@code zaaknummer}, {@code beeindigdOp} (default: now) and
 * {@code beeindigingsreden}.
 */
@Component("politieEindeMelden")
@ProcesBean
class PolitieEindeMelden implements JavaDelegate {

  private final PolitieSysteem politie;
  private final Klok klok;

  PolitieEindeMelden(PolitieSysteem politie, Klok klok) {
    this.politie = politie;
    this.klok = klok;
  }

  @Override
  public void execute(DelegateExecution execution) {
    politie.meldEinde(new PolitieSysteem.Einde(zaaknummer(execution),
        optioneelTijdstip(execution, "beeindigdOp").orElseGet(klok::nu),
        tekst(execution, "beeindigingsreden")), verzoekId(execution));
  }
}
