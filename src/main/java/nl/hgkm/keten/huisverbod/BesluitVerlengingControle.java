package nl.hgkm.keten.huisverbod;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import nl.hgkm.keten.engine.BeslissingsRegio;
import nl.hgkm.keten.engine.OngeldigeTaakInvoerException;
import nl.hgkm.keten.engine.ProcesBean;
import nl.hgkm.keten.kalender.Klok;
import nl.hgkm.keten.kalender.Werkdagenkalender;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Guards the decision to extend (task {@code besluit-verlenging}) with the decision table {@code
 * huisverbod-verlenging}: only the burgemeester (art. 3: not mandatable), only while the order is in force, only when
 * the threat continues, and never past four weeks after imposition (art. 9). Anything else is refused and changes
 * nothing.
 */
@Component("besluitVerlengingControle")
@ProcesBean
class BesluitVerlengingControle implements TaskListener {

  private static final DateTimeFormatter DATUM_TIJD = DateTimeFormatter.ofPattern("d-M-yyyy HH:mm");

  private final DecisionService decisionService;
  private final Beslisser beslisser;
  private final Werkdagenkalender kalender;
  private final Klok klok;

  BesluitVerlengingControle(DecisionService decisionService, Beslisser beslisser, Werkdagenkalender kalender,
      Klok klok) {
    this.decisionService = decisionService;
    this.beslisser = beslisser;
    this.kalender = kalender;
    this.klok = klok;
  }

  @Override
  public void notify(DelegateTask taak) {
    DelegateExecution zaak = taak.getExecution();
    Object verlengen = taak.getVariable("verlengen");
    if (!(verlengen instanceof Boolean)) {
      throw weiger("verlengen moet ja of nee zijn (Boolean)");
    }
    if (!(Boolean) verlengen) {
      return;
    }
    Object dreiging = taak.getVariable("dreigingZetVoort");
    if (!(dreiging instanceof Boolean)) {
      throw weiger("dreigingZetVoort moet ja of nee zijn (Boolean)");
    }
    Instant verlengdTot = DatumTijd.lees("verlengdTot", taak.getVariable("verlengdTot"));
    if (verlengdTot == null) {
      throw weiger("verlengdTot is verplicht bij verlengen");
    }
    Instant opgelegdOp = DatumTijd.lees("opgelegdOp", zaak.getVariable("opgelegdOp"));
    Instant huidigEinde = DatumTijd.lees("huisverbodEindigtOp", zaak.getVariable("huisverbodEindigtOp"));
    Instant nu = klok.nu();
    String rol = beslisser.rol(taak.getVariable("beslisser"));
    int totaleDuurDagen = kalenderdagenTussen(opgelegdOp, verlengdTot);

    Map<String, Object> invoer = Map.of(
        "beslisser", rol == null ? "ONBEVOEGD" : rol,
        "huisverbodVanKracht", nu.isBefore(huidigEinde),
        "dreigingZetVoort", dreiging,
        "totaleDuurDagen", totaleDuurDagen);
    // Evaluated outside the process's own decision steps: its history gets the case's tenant by name.
    String uitkomst = BeslissingsRegio.binnen(zaak.getTenantId(), () -> (String) decisionService
        .evaluateDecisionTableByKey("huisverbod-verlenging", invoer).getSingleEntry());
    switch (uitkomst) {
      case "VERLENGING_TOEGESTAAN" -> { }
      case "NIET_BEVOEGD_GEEN_MANDAAT" -> throw weiger(
          "alleen de burgemeester kan verlengen; verlengen is niet mandateerbaar (Wth art. 3)");
      case "NIET_MOGELIJK_VERLOPEN" -> throw weiger(
          "het huisverbod is niet meer van kracht; een nieuw huisverbod vraagt nieuwe feiten");
      case "GEEN_GRONDSLAG" -> throw weiger(
          "verlengen kan alleen als de dreiging voortduurt (Wth art. 9 lid 1)");
      case "MAXIMUM_OVERSCHREDEN" -> throw weiger("verlengdTot " + lokaal(verlengdTot)
          + " ligt meer dan vier weken na de oplegging op " + lokaal(opgelegdOp) + " (Wth art. 9 lid 1)");
      default -> throw new IllegalStateException("Onbekende uitkomst van huisverbod-verlenging: " + uitkomst);
    }
    if (!verlengdTot.isAfter(huidigEinde)) {
      throw weiger("verlengdTot " + lokaal(verlengdTot) + " ligt niet na het huidige einde " + lokaal(huidigEinde));
    }
    zaak.setVariable("verlengingUitkomst", uitkomst);
    zaak.setVariable("verlengdDoor", rol);
  }

  /**
   * Calendar days from imposition to the new end at local clock time (Wth art. 13), rounded up: exactly four weeks
   * later at the same local time is 28, one minute later 29, also across a daylight-saving change.
   */
  private int kalenderdagenTussen(Instant van, Instant tot) {
    LocalDateTime begin = kalender.lokaal(van).toLocalDateTime();
    LocalDateTime einde = kalender.lokaal(tot).toLocalDateTime();
    long dagen = ChronoUnit.DAYS.between(begin, einde);
    return (int) (begin.plusDays(dagen).isBefore(einde) ? dagen + 1 : dagen);
  }

  private String lokaal(Instant moment) {
    return kalender.lokaal(moment).format(DATUM_TIJD);
  }

  private static OngeldigeTaakInvoerException weiger(String reden) {
    return new OngeldigeTaakInvoerException("Besluit over verlenging geweigerd: " + reden);
  }
}
