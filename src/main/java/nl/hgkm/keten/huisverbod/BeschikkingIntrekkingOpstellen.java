package nl.hgkm.keten.huisverbod;

import java.util.HashMap;
import java.util.Map;
import nl.hgkm.keten.engine.ProcesBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Writes the beschikking that withdraws the huisverbod (Wth art. 2(9)): the uithuisgeplaatste accepted a care offer,
 * confirmed by the care agency, including not obstructing help to the household; the reason; from when the order
 * and its contact ban no longer apply; the legal remedy. Withdrawing cannot be mandated (art. 3).
 *
 * <p>Reads {@code zaaknummer}, {@code opgelegdOp}, {@code bevestigdDoor} (the care agency), optional
 * {@code intrekkingMotivering}, {@code beslisser} (BURGEMEESTER, default, or LOCOBURGEMEESTER); sets
 * {@code beschikkingIntrekkingDocumentId} (Long). The withdrawal takes effect at the moment the step runs.
 */
@Component("beschikkingIntrekkingOpstellen")
@ProcesBean
class BeschikkingIntrekkingOpstellen implements JavaDelegate {

  private final Beschikkingen beschikkingen;

  BeschikkingIntrekkingOpstellen(Beschikkingen beschikkingen) {
    this.beschikkingen = beschikkingen;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String zaaknummer = ProcesVariabelen.zaaknummer(execution);
    Beschikkingen.Dossier dossier = beschikkingen.dossier(zaaknummer);
    String beslisser = ProcesVariabelen.optioneleTekst(execution, "beslisser").orElse("BURGEMEESTER");
    if (!beslisser.matches("BURGEMEESTER|LOCOBURGEMEESTER")) {
      throw new IllegalStateException("Huisverbod " + zaaknummer + ": alleen de burgemeester trekt in (art. 3 Wth), "
          + "niet " + beslisser);
    }

    Map<String, Object> waarden = new HashMap<>();
    waarden.put("zaaknummer", zaaknummer);
    waarden.put("gemeente", beschikkingen.gemeentenaam(dossier.huisverbod().gemeente()));
    waarden.put("datum", beschikkingen.vandaag());
    waarden.put("pleger", dossier.pleger().naam());
    waarden.put("woning", beschikkingen.woning(execution, dossier));
    waarden.put("opgelegdOp", beschikkingen.datumTijd(ProcesVariabelen.tijdstip(execution, "opgelegdOp")));
    waarden.put("ingetrokkenOp", beschikkingen.datumTijd(beschikkingen.nu()));
    waarden.put("bevestigdDoor", ProcesVariabelen.tekst(execution, "bevestigdDoor"));
    waarden.put("contactverbod", beschikkingen.contactverbod(dossier));
    waarden.put("intrekkingMotivering",
        ProcesVariabelen.optioneleTekst(execution, "intrekkingMotivering").orElse(null));
    waarden.put("doorBurgemeester", beslisser.equals("BURGEMEESTER"));
    waarden.put("doorLocoburgemeester", beslisser.equals("LOCOBURGEMEESTER"));

    long documentId = beschikkingen.schrijfEenmaal(execution, zaaknummer, Beschikkingen.BESCHIKKING_INTREKKING,
        "beschikking-intrekking", waarden);
    execution.setVariable("beschikkingIntrekkingDocumentId", documentId);
  }
}
