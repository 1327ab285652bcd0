package nl.hgkm.keten.integratie.politie;

import static nl.hgkm.keten.integratie.ProcesVariabelen.tekst;
import static nl.hgkm.keten.integratie.ProcesVariabelen.tijdstip;
import static nl.hgkm.keten.integratie.ProcesVariabelen.verzoekId;
import static nl.hgkm.keten.integratie.ProcesVariabelen.zaaknummer;

import nl.hgkm.keten.engine.ProcesBean;
import nl.hgkm.keten.integratie.HuisverbodDossier;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Registers an imposed huisverbod and its contact ban with the police.
 * Reads {@code zaaknummer}, {@code opgelegdOp}, {@code huisverbodEindigtOp}, {@code opgelegdDoor} and, from the case
 * file, the gemeente, the home, the uithuisgeplaatste and the persons under the contact ban.
 * Sets {@code politieRegistratieId}. Use with {@code camunda:asyncBefore} and {@code ${retry.politie}}.
 */
@Component("politieHuisverbodRegistreren")
@ProcesBean
class PolitieHuisverbodRegistreren implements JavaDelegate {

  private final PolitieSysteem politie;
  private final HuisverbodDossier dossier;

  PolitieHuisverbodRegistreren(PolitieSysteem politie, HuisverbodDossier dossier) {
    this.politie = politie;
    this.dossier = dossier;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String zaaknummer = zaaknummer(execution);
    HuisverbodDossier.Huisverbod huisverbod = dossier.huisverbod(zaaknummer);
    String registratieId = politie.registreerHuisverbod(new PolitieSysteem.HuisverbodRegistratie(
        zaaknummer,
        huisverbod.gemeente(),
        huisverbod.woning(),
        huisverbod.uithuisgeplaatste(),
        huisverbod.contactverbod(),
        tijdstip(execution, "opgelegdOp"),
        tijdstip(execution, "huisverbodEindigtOp"),
        tekst(execution, "opgelegdDoor")), verzoekId(execution));
    execution.setVariable("politieRegistratieId", registratieId);
  }
}
