package nl.hgkm.keten.integratie.politie;

import static nl.hgkm.keten.integratie.ProcesVariabelen.tekst;
import static nl.hgkm.keten.integratie.ProcesVariabelen.tijdstip;
import static nl.hgkm.keten.integratie.ProcesVariabelen.verzoekId;
import static nl.hgkm.keten.integratie.ProcesVariabelen.zaaknummer;

import nl.hgkm.keten.engine.ProcesBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Reports a breach of the order for the criminal track (Wth art. 11). Reads {@code zaaknummer},
 * {@code overtredingOp} (ISO-8601 with offset, or a Date) and {@code omschrijving}; sets
 * {@code overtredingReferentie} (e.g. the proces-verbaal number).
 *
 * <p>The request id contains the execution id: model each breach in its own execution (e.g. a non-interrupting
 * event subprocess per message), or a second breach through the same execution counts as a repeat of the first.
 */
@Component("politieOvertredingMelden")
@ProcesBean
class PolitieOvertredingMelden implements JavaDelegate {

  private final PolitieSysteem politie;

  PolitieOvertredingMelden(PolitieSysteem politie) {
    this.politie = politie;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String referentie = politie.meldOvertreding(new PolitieSysteem.Overtreding(zaaknummer(execution),
        tijdstip(execution, "overtredingOp"), tekst(execution, "omschrijving")), verzoekId(execution));
    execution.setVariable("overtredingReferentie", referentie);
  }
}
