package nl.hgkm.keten.integratie.politie;

import static nl.hgkm.keten.integratie.ProcesVariabelen.verzoekId;
import static nl.hgkm.keten.integratie.ProcesVariabelen.zaaknummer;

import nl.hgkm.keten.engine.ProcesBean;
import nl.hgkm.keten.integratie.HuisverbodDossier;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Asks the police to serve the written beschikking and to inform the household of the order and of the
 * consequences of breaking it (Wth art. 2(8), 11). Reads {@code zaaknummer} and the newest document of kind
 * {@code BESCHIKKING_OPLEGGING}; fails when there is none. Sets {@code politieUitreikingId}.
 */
@Component("politieUitreikingAanvragen")
@ProcesBean
class PolitieUitreikingAanvragen implements JavaDelegate {

  static final String BESCHIKKING_OPLEGGING = "BESCHIKKING_OPLEGGING";

  private final PolitieSysteem politie;
  private final HuisverbodDossier dossier;

  PolitieUitreikingAanvragen(PolitieSysteem politie, HuisverbodDossier dossier) {
    this.politie = politie;
    this.dossier = dossier;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String zaaknummer = zaaknummer(execution);
    HuisverbodDossier.Document beschikking = dossier.nieuwsteDocument(zaaknummer, BESCHIKKING_OPLEGGING)
        .orElseThrow(() -> new IllegalStateException("Zaak " + zaaknummer + ": geen document van soort "
            + BESCHIKKING_OPLEGGING + " in het dossier; de politie kan niets uitreiken"));
    String uitreikingId = politie.vraagUitreikingAan(new PolitieSysteem.Uitreiking(zaaknummer, beschikking.id(),
        beschikking.titel(), beschikking.inhoud()), verzoekId(execution));
    execution.setVariable("politieUitreikingId", uitreikingId);
  }
}
