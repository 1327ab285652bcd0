package nl.hgkm.keten.huisverbod;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import nl.hgkm.keten.engine.ProcesBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Writes the beschikking that imposes the tijdelijk huisverbod (Wth art. 2(4)) into the case file: place (the home),
 * duration, the facts and circumstances with the RiHG outcome, the names under the contact ban, who imposed it (the
 * burgemeester, the locoburgemeester, or the hulpofficier under mandate, art. 3), the reasons, the oral order put in
 * writing (art. 2(7)), the consequences of breaking it (art. 11) and the legal remedy (art. 5, 6).
 *
 * <p>Reads {@code zaaknummer}, {@code opgelegdOp}, {@code huisverbodEindigtOp} (Date or ISO text), {@code opgelegdDoor}
 * (BURGEMEESTER, LOCOBURGEMEESTER, HULPOFFICIER), optional {@code motivering}, {@code mondelingOpgelegd},
 * {@code advies}, {@code woningAdres}; sets {@code beschikkingDocumentId} (Long).
 */
@Component("beschikkingOpstellen")
@ProcesBean
class BeschikkingOpstellen implements JavaDelegate {

  private final Beschikkingen beschikkingen;

  BeschikkingOpstellen(Beschikkingen beschikkingen) {
    this.beschikkingen = beschikkingen;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String zaaknummer = ProcesVariabelen.zaaknummer(execution);
    Beschikkingen.Dossier dossier = beschikkingen.dossier(zaaknummer);
    HuisverbodRepository.Huisverbod huisverbod = dossier.huisverbod();
    Instant opgelegdOp = ProcesVariabelen.tijdstip(execution, "opgelegdOp");
    Instant eindigtOp = ProcesVariabelen.tijdstip(execution, "huisverbodEindigtOp");
    if (!eindigtOp.isAfter(opgelegdOp)) {
      throw new IllegalStateException("Huisverbod " + zaaknummer + ": einde " + eindigtOp + " ligt niet na "
          + "oplegging " + opgelegdOp);
    }
    String opgelegdDoor = ProcesVariabelen.tekst(execution, "opgelegdDoor");
    if (!opgelegdDoor.matches("BURGEMEESTER|LOCOBURGEMEESTER|HULPOFFICIER")) {
      throw new IllegalStateException("opgelegdDoor moet BURGEMEESTER, LOCOBURGEMEESTER of HULPOFFICIER zijn, niet "
          + opgelegdDoor);
    }
    String advies = ProcesVariabelen.optioneleTekst(execution, "advies").orElse(huisverbod.advies());

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
    waarden.put("duurDagen", beschikkingen.kalenderdagen(opgelegdOp, eindigtOp));
    waarden.put("contactverbod", beschikkingen.contactverbod(dossier));
    waarden.put("incidentOp", beschikkingen.datumTijd(huisverbod.incidentOp()));
    waarden.put("feiten", huisverbod.feiten());
    waarden.put("roodPleger", huisverbod.roodPleger());
    waarden.put("roodIncident", huisverbod.roodIncident());
    waarden.put("roodGezin", huisverbod.roodGezin());
    waarden.put("adviesTekst", Beschikkingen.adviesTekst(advies));
    waarden.put("motivering", ProcesVariabelen.optioneleTekst(execution, "motivering").orElse(null));
    waarden.put("mondelingOpgelegd", ProcesVariabelen.waar(execution, "mondelingOpgelegd"));
    waarden.put("doorBurgemeester", opgelegdDoor.equals("BURGEMEESTER"));
    waarden.put("doorLocoburgemeester", opgelegdDoor.equals("LOCOBURGEMEESTER"));
    waarden.put("doorHulpofficier", opgelegdDoor.equals("HULPOFFICIER"));

    long documentId = beschikkingen.schrijfEenmaal(execution, zaaknummer, Beschikkingen.BESCHIKKING_OPLEGGING,
        "beschikking-oplegging", waarden);
    execution.setVariable("beschikkingDocumentId", documentId);
  }
}
