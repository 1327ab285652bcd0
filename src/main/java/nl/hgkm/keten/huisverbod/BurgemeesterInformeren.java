package nl.hgkm.keten.huisverbod;

import java.util.Map;
import nl.hgkm.keten.engine.ProcesBean;
import nl.hgkm.keten.gemeente.Gemeente;
import nl.hgkm.keten.gemeente.Gemeenten;
import nl.hgkm.keten.regio.Regios;
import nl.hgkm.keten.notificatie.Mail;
import nl.hgkm.keten.notificatie.MailSjablonen;
import nl.hgkm.keten.notificatie.Mailer;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells the burgemeester without delay that the hulpofficier van justitie imposed a huisverbod under mandate
 * (Wth art. 3(2)): case number, imposition, end, where to find the case. No names: a mail is not the case file.
 * When the order was not imposed under mandate there is nothing to tell: no mail, a line in the audit trail.
 *
 * <p>Reads {@code zaaknummer}, {@code gemeente}, {@code opgelegdDoor}, {@code opgelegdOp},
 * {@code huisverbodEindigtOp}. Message id {@code zaaknummer.activityId.executionId}. Call it from an asynchronous
 * step with the mail retry profile: a failed send becomes a retry, then an incident.
 */
@Component("burgemeesterInformeren")
@ProcesBean
class BurgemeesterInformeren implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(BurgemeesterInformeren.class);

  private final Mailer mailer;
  private final MailSjablonen sjablonen;
  private final Gemeenten gemeenten;
  private final Regios regios;
  private final Beschikkingen beschikkingen;
  private final HuisverbodRepository dossiers;
  private final HuisverbodProperties properties;

  BurgemeesterInformeren(Mailer mailer, MailSjablonen sjablonen, Gemeenten gemeenten, Regios regios,
      Beschikkingen beschikkingen, HuisverbodRepository dossiers, HuisverbodProperties properties) {
    this.mailer = mailer;
    this.sjablonen = sjablonen;
    this.gemeenten = gemeenten;
    this.regios = regios;
    this.beschikkingen = beschikkingen;
    this.dossiers = dossiers;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String zaaknummer = ProcesVariabelen.zaaknummer(execution);
    String opgelegdDoor = ProcesVariabelen.tekst(execution, "opgelegdDoor");
    if (!"HULPOFFICIER".equals(opgelegdDoor)) {
      LOG.info("Huisverbod {} opgelegd door {}: geen mandaat, de burgemeester hoeft niet te worden geïnformeerd",
          zaaknummer, opgelegdDoor);
      dossiers.audit(zaaknummer, ProcesVariabelen.SYSTEEM, "BURGEMEESTER_NIET_GEINFORMEERD",
          "Geen bericht aan de burgemeester: opgelegd door " + opgelegdDoor + ", niet onder mandaat");
      return;
    }
    String gemeenteCode = ProcesVariabelen.tekst(execution, "gemeente");
    Gemeente gemeente = gemeenten.vind(gemeenteCode)
        .orElseThrow(() -> new IllegalStateException("Onbekende gemeente " + gemeenteCode));
    String burgemeesterEmail = regios.burgemeesterEmail(gemeente)
        .orElseThrow(() -> new IllegalStateException("Geen e-mailadres van de burgemeester voor gemeente "
            + gemeenteCode + " (keten.burgemeesters of keten.postbussen.burgemeester)"));
    MailSjablonen.Opgemaakt tekst = sjablonen.maakOp("huisverbod-burgemeester-informeren", Map.of(
        "zaaknummer", zaaknummer,
        "gemeente", gemeente.naam(),
        "opgelegdOp", beschikkingen.datumTijd(ProcesVariabelen.tijdstip(execution, "opgelegdOp")),
        "eindigtOp", beschikkingen.datumTijd(ProcesVariabelen.tijdstip(execution, "huisverbodEindigtOp")),
        "tasklistUrl", properties.tasklistUrl()));
    mailer.verstuur(new Mail(burgemeesterEmail, tekst.onderwerp(), tekst.tekst(),
        ProcesVariabelen.berichtId(execution, zaaknummer)));
    dossiers.audit(zaaknummer, ProcesVariabelen.SYSTEEM, "BURGEMEESTER_GEINFORMEERD",
        "Burgemeester van " + gemeente.naam() + " per mail geïnformeerd over de oplegging onder mandaat "
            + "(art. 3 lid 2 Wth)");
  }
}
