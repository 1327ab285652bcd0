package nl.hgkm.keten.integratie.zorg;

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
 * Tells the care agency the order ended. Reads {@code zaaknummer}, {@code zorgVerwijzingId} (set by
 * {@code zorgVerwijzen}), {@code beeindigingsreden} and {@code beeindigdOp} (default: now).
 */
@Component("zorgEindeMelden")
@ProcesBean
class ZorgEindeMelden implements JavaDelegate {

  private final ZorgSysteem zorg;
  private final Klok klok;

  ZorgEindeMelden(ZorgSysteem zorg, Klok klok) {
    this.zorg = zorg;
    this.klok = klok;
  }

  @Override
  public void execute(DelegateExecution execution) {
    zorg.meldEinde(new ZorgSysteem.EindeHuisverbod(tekst(execution, "zorgVerwijzingId"), zaaknummer(execution),
        optioneelTijdstip(execution, "beeindigdOp").orElseGet(klok::nu), tekst(execution, "beeindigingsreden")),
        verzoekId(execution));
  }
}
