package nl.hgkm.keten.huisverbod;

import java.util.HashMap;
import java.util.Map;
import nl.hgkm.keten.engine.ProcesBean;
import nl.hgkm.keten.gemeente.Gemeente;
import nl.hgkm.keten.gemeente.Gemeenten;
import nl.hgkm.keten.notificatie.Mail;
import nl.hgkm.keten.notificatie.MailSjablonen;
import nl.hgkm.keten.notificatie.Mailer;
import nl.hgkm.keten.regio.Regio;
import nl.hgkm.keten.regio.Regios;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Tells the municipality (the burgemeester's mailbox) and the region's Veilig Thuis (its intake mailbox, else the
 * team leaders') that the huisverbod ended and why, so that care and monitoring can follow on. No names.
 *
 * <p>Reads {@code zaaknummer}, {@code gemeente}, {@code regio}, {@code beeindigingsreden} (VERLOPEN,
 * VOORZIENINGENRECHTER, INGETROKKEN), {@code opgelegdOp} and, for VERLOPEN, {@code huisverbodEindigtOp}. Two mails,
 * message ids {@code zaaknummer.activityId.executionId.burgemeester} and {@code ....veilig-thuis}.
 */
@Component("huisverbodEindeMelden")
@ProcesBean
class HuisverbodEindeMelden implements JavaDelegate {

  private final Mailer mailer;
  private final MailSjablonen sjablonen;
  private final Gemeenten gemeenten;
  private final Regios regios;
  private final Beschikkingen beschikkingen;
  private final HuisverbodRepository dossiers;

  HuisverbodEindeMelden(Mailer mailer, MailSjablonen sjablonen, Gemeenten gemeenten,
      Regios regios, Beschikkingen beschikkingen, HuisverbodRepository dossiers) {
    this.mailer = mailer;
    this.sjablonen = sjablonen;
    this.gemeenten = gemeenten;
    this.regios = regios;
    this.beschikkingen = beschikkingen;
    this.dossiers = dossiers;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String zaaknummer = ProcesVariabelen.zaaknummer(execution);
    String reden = ProcesVariabelen.tekst(execution, "beeindigingsreden");
    String gemeenteCode = ProcesVariabelen.tekst(execution, "gemeente");
    String regioCode = ProcesVariabelen.tekst(execution, "regio");
    Gemeente gemeente = gemeenten.vind(gemeenteCode)
        .orElseThrow(() -> new IllegalStateException("Onbekende gemeente " + gemeenteCode));
    String burgemeesterEmail = regios.burgemeesterEmail(gemeente)
        .orElseThrow(() -> new IllegalStateException("Geen e-mailadres van de burgemeester voor gemeente "
            + gemeenteCode + " (keten.burgemeesters of keten.postbussen.burgemeester)"));
    Regio regio = regios.regio(regioCode).orElse(null);
    if (regio == null || regio.intakeOfTeamleiderEmail() == null) {
      throw new IllegalStateException("Geen e-mailadres van Veilig Thuis voor regio " + regioCode);
    }

    Map<String, Object> waarden = new HashMap<>();
    waarden.put("zaaknummer", zaaknummer);
    waarden.put("gemeente", gemeente.naam());
    waarden.put("organisatie", regio.naam());
    waarden.put("opgelegdOp", beschikkingen.datumTijd(ProcesVariabelen.tijdstip(execution, "opgelegdOp")));
    waarden.put("beeindigdOp", beschikkingen.datumTijd(beschikkingen.nu()));
    waarden.put("reden", redenTekst(execution, reden));

    String berichtId = ProcesVariabelen.berichtId(execution, zaaknummer);
    MailSjablonen.Opgemaakt aanGemeente = sjablonen.maakOp("huisverbod-einde",
        met(waarden, "aanhef", "Geachte burgemeester,"));
    mailer.verstuur(new Mail(burgemeesterEmail, aanGemeente.onderwerp(), aanGemeente.tekst(),
        berichtId + ".burgemeester"));
    MailSjablonen.Opgemaakt aanVeiligThuis = sjablonen.maakOp("huisverbod-einde",
        met(waarden, "aanhef", "Beste collega's van " + regio.naam() + ","));
    mailer.verstuur(new Mail(regio.intakeOfTeamleiderEmail(), aanVeiligThuis.onderwerp(), aanVeiligThuis.tekst(),
        berichtId + ".veilig-thuis"));
    dossiers.audit(zaaknummer, ProcesVariabelen.SYSTEEM, "EINDE_GEMELD", "Einde van het huisverbod (" + reden
        + ") gemeld aan de burgemeester van " + gemeente.naam() + " en aan " + regio.naam());
  }

  private String redenTekst(DelegateExecution execution, String reden) {
    return switch (reden) {
      case "VERLOPEN" -> "De duur van het huisverbod is verstreken op "
          + beschikkingen.datumTijd(ProcesVariabelen.tijdstip(execution, "huisverbodEindigtOp"))
          + "; het is niet (verder) verlengd.";
      case "VOORZIENINGENRECHTER" -> "De voorzieningenrechter heeft het verzoek om een voorlopige voorziening "
          + "toegewezen; het huisverbod geldt niet meer.";
      case "INGETROKKEN" -> "De burgemeester heeft het huisverbod ingetrokken nadat het hulpaanbod was aanvaard "
          + "(artikel 2, negende lid, Wet tijdelijk huisverbod).";
      default -> throw new IllegalStateException("Onbekende beeindigingsreden " + reden
          + " (VERLOPEN, VOORZIENINGENRECHTER of INGETROKKEN)");
    };
  }

  private static Map<String, Object> met(Map<String, Object> waarden, String naam, Object waarde) {
    Map<String, Object> kopie = new HashMap<>(waarden);
    kopie.put(naam, waarde);
    return kopie;
  }
}
