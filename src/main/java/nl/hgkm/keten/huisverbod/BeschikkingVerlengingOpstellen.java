package nl.hgkm.keten.huisverbod;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import nl.hgkm.keten.engine.ProcesBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Writes the beschikking that extends the huisverbod (Wth art. 9; art. 2(4) applies to it too): the new end, that
 * the danger continues, the reasons, place and the names under the contact ban, the consequences of breaking it and
 * the legal remedy. Only the burgemeester (or the locoburgemeester) extends: art. 3 allows no mandate for it, and
 * the extension ends at most four weeks after the order was imposed (art. 9(1), calendar days, art. 13).
 *
 * <p>Reads {@code zaaknummer}, {@code opgelegdOp}, {@code huisverbodEindigtOp} (the new end), {@code dreigingZetVoort}
 * (must be true), optional {@code verlengingMotivering}, {@code beslisser} (BURGEMEESTER, default, or
 * LOCOBURGEMEESTER), {@code woningAdres}; sets {@code beschikkingVerlengingDocumentId} (Long).
 */
@Component("beschikkingVerlengingOpstellen")
@ProcesBean
class BeschikkingVerlengingOpstellen implements JavaDelegate {

  static final int MAXIMALE_DUUR_DAGEN = 28;

  private final Beschikkingen beschikkingen;

  BeschikkingVerlengingOpstellen(Beschikkingen beschikkingen) {
    this.beschikkingen = beschikkingen;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String zaaknummer = ProcesVariabelen.zaaknummer(execution);
    Beschikkingen.Dossier dossier = beschikkingen.dossier(zaaknummer);
    HuisverbodRepository.Huisverbod huisverbod = dossier.huisverbod();
    Instant opgelegdOp = ProcesVariabelen.tijdstip(execution, "opgelegdOp");
    Instant eindigtOp = ProcesVariabelen.tijdstip(execution, "huisverbodEindigtOp");
    if (eindigtOp.isAfter(beschikkingen.plusKalenderdagen(opgelegdOp, MAXIMALE_DUUR_DAGEN))) {
      throw new IllegalStateException("Huisverbod " + zaaknummer + ": verlenging tot " + eindigtOp + " ligt meer dan "
          + "vier weken na de oplegging (art. 9 lid 1 Wth)");
    }
    if (!ProcesVariabelen.waar(execution, "dreigingZetVoort")) {
      throw new IllegalStateException("Huisverbod " + zaaknummer + ": verlenging zonder voortdurende dreiging "
          + "(dreigingZetVoort) heeft geen grondslag (art. 9 lid 1 Wth)");
    }
    String beslisser = ProcesVariabelen.optioneleTekst(execution, "beslisser").orElse("BURGEMEESTER");
    if (!beslisser.matches("BURGEMEESTER|LOCOBURGEMEESTER")) {
      throw new IllegalStateException("Huisverbod " + zaaknummer + ": alleen de burgemeester verlengt (art. 3 Wth), "
          + "niet " + beslisser);
    }

    Map<String, Object> waarden = new HashMap<>();
    waarden.put("zaaknummer", zaaknummer);
    waarden.put("gemeente", beschikkingen.gemeentenaam(huisverbod.gemeente()));
    waarden.put("datum", beschikkingen.vandaag());
    waarden.put("pleger", dossier.pleger().naam());
    waarden.put("plegerGeboortedatum", dossier.pleger().geboortedatum() == null
        ? "(onbekend)" : beschikkingen.datum(dossier.pleger().geboortedatum()));
    waarden.put("woning", beschikkingen.woning(execution, dossier));
    waarden.put("opgelegdOp", beschikkingen.datumTijd(opgelegdOp));
    waarden.put("eindigtOp", beschikkingen.datumTijd(eindigtOp));
    waarden.put("totaleDuurDagen", beschikkingen.kalenderdagen(opgelegdOp, eindigtOp));
    waarden.put("contactverbod", beschikkingen.contactverbod(dossier));
    waarden.put("verlengingMotivering",
        ProcesVariabelen.optioneleTekst(execution, "verlengingMotivering").orElse(null));
    waarden.put("doorBurgemeester", beslisser.equals("BURGEMEESTER"));
    waarden.put("doorLocoburgemeester", beslisser.equals("LOCOBURGEMEESTER"));

    long documentId = beschikkingen.schrijfEenmaal(execution, zaaknummer, Beschikkingen.BESCHIKKING_VERLENGING,
        "beschikking-verlenging", waarden);
    execution.setVariable("beschikkingVerlengingDocumentId", documentId);
  }
}
