package nl.hgkm.keten.integratie.zorg;

import static nl.hgkm.keten.integratie.ProcesVariabelen.tijdstip;
import static nl.hgkm.keten.integratie.ProcesVariabelen.verzoekId;
import static nl.hgkm.keten.integratie.ProcesVariabelen.zaaknummer;

import nl.hgkm.keten.engine.ProcesBean;
import nl.hgkm.keten.integratie.HuisverbodDossier;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Refers the household to the care agency (Wth art. 2(8)): "het in gang zetten van een hulpverleningstraject heeft
 * prioriteit gedurende het huisverbod". Reads {@code zaaknummer}, {@code huisverbodEindigtOp} and, from the case
 * file, the gemeente and every person with their role. Sets {@code zorgVerwijzingId}.
 */
@Component("zorgVerwijzen")
@ProcesBean
class ZorgVerwijzen implements JavaDelegate {

  private final ZorgSysteem zorg;
  private final HuisverbodDossier dossier;

  ZorgVerwijzen(ZorgSysteem zorg, HuisverbodDossier dossier) {
    this.zorg = zorg;
    this.dossier = dossier;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String zaaknummer = zaaknummer(execution);
    HuisverbodDossier.Huisverbod huisverbod = dossier.huisverbod(zaaknummer);
    String verwijzingId = zorg.verwijs(new ZorgSysteem.Verwijzing(zaaknummer, huisverbod.gemeente(),
        huisverbod.allePersonen(), tijdstip(execution, "huisverbodEindigtOp")), verzoekId(execution));
    execution.setVariable("zorgVerwijzingId", verwijzingId);
  }
}
