package nl.hgkm.keten.monitoring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.hgkm.keten.engine.ProcesBean;
import nl.hgkm.keten.engine.StapUitvoering;
import nl.hgkm.keten.gemeente.Gemeenten;
import nl.hgkm.keten.kalender.Werkdagenkalender;
import nl.hgkm.keten.notificatie.Mail;
import nl.hgkm.keten.notificatie.MailSjablonen;
import nl.hgkm.keten.notificatie.Mailer;
import nl.hgkm.keten.regio.Regio;
import nl.hgkm.keten.regio.Regios;
import nl.hgkm.keten.zaak.AuditLog;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Tells the partners that a household stayed stably safe for the whole plan and that the case closes: always the
 * region's Veilig Thuis (its intake mailbox, else the team leaders'); the burgemeester's office of the municipality
 * when the monitoring follows a huisverbod ({@code gemeente}); the region's lokale teams
 * ({@code keten.monitoring.lokaal-team-email}) when the case was handed over ({@code overdrachtAan}). One mail per
 * partner, message id {@code zaaknummer.activityId.executionId.<partner>}, so a retried step is recognisable.
 */
@Component("monitoringPartnersInformeren")
@ProcesBean
class MonitoringPartnersInformeren implements JavaDelegate {

  private final Mailer mailer;
  private final MailSjablonen sjablonen;
  private final Regios regios;
  private final Gemeenten gemeenten;
  private final MonitoringProperties properties;
  private final Werkdagenkalender kalender;
  private final AuditLog audit;

  MonitoringPartnersInformeren(Mailer mailer, MailSjablonen sjablonen, Regios regios,
      Gemeenten gemeenten, MonitoringProperties properties, Werkdagenkalender kalender, AuditLog audit) {
    this.mailer = mailer;
    this.sjablonen = sjablonen;
    this.regios = regios;
    this.gemeenten = gemeenten;
    this.properties = properties;
    this.kalender = kalender;
    this.audit = audit;
  }

  private record Partner(String sleutel, String naam, String adres, String aanhef) {}

  @Override
  public void execute(DelegateExecution execution) {
    String zaaknummer = MonitoringVariabelen.tekst(execution, "zaaknummer");
    String regioCode = MonitoringVariabelen.tekst(execution, "regio");
    Regio regio = regios.regio(regioCode).orElse(null);
    if (regio == null || regio.intakeOfTeamleiderEmail() == null) {
      throw new IllegalStateException("Geen e-mailadres van Veilig Thuis voor regio " + regioCode);
    }
    List<Partner> partners = new ArrayList<>();
    partners.add(new Partner("veilig-thuis", regio.naam(), regio.intakeOfTeamleiderEmail(),
        "Beste collega's van " + regio.naam() + ","));
    MonitoringVariabelen.optioneleTekst(execution, "gemeente")
        .flatMap(gemeenten::vind)
        .ifPresent(gemeente -> regios.burgemeesterEmail(gemeente).ifPresent(adres -> partners.add(new Partner(
            "gemeente", "de gemeente " + gemeente.naam(), adres,
            "Geachte burgemeester van " + gemeente.naam() + ","))));
    if (MonitoringVariabelen.optioneleTekst(execution, "overdrachtAan").isPresent()) {
      properties.lokaalTeamEmail(regioCode).ifPresent(adres -> partners.add(new Partner("lokaal-team",
          "het lokale team", adres, "Beste collega's van het lokale team,")));
    }

    Map<String, Object> waarden = new HashMap<>();
    waarden.put("zaaknummer", zaaknummer);
    waarden.put("organisatie", regio.naam());
    waarden.put("start", kalender.lokaleDatum(MonitoringVariabelen.tijdstip(execution, "monitoringStart"))
        .format(MonitoringVariabelen.DATUM));
    waarden.put("einde", kalender.lokaleDatum(MonitoringVariabelen.tijdstip(execution, "monitoringEinde"))
        .format(MonitoringVariabelen.DATUM));
    waarden.put("aantal", MonitoringVariabelen.getal(execution, "momentNummer"));
    String berichtId = zaaknummer + "." + execution.getCurrentActivityId() + "." + StapUitvoering.id(execution);
    for (Partner partner : partners) {
      Map<String, Object> metAanhef = new HashMap<>(waarden);
      metAanhef.put("aanhef", partner.aanhef());
      MailSjablonen.Opgemaakt tekst = sjablonen.maakOp("monitoring-afgesloten", metAanhef);
      mailer.verstuur(new Mail(partner.adres(), tekst.onderwerp(), tekst.tekst(), berichtId + "." + partner.sleutel()));
    }
    audit.schrijf(zaaknummer, MonitoringVariabelen.SYSTEEM, "MONITORING_AFGESLOTEN", "Monitoring afgesloten: "
        + "stabiel veilig bij alle " + waarden.get("aantal") + " monitoringsmomenten; bericht aan "
        + String.join(", ", partners.stream().map(Partner::naam).toList()));
  }
}
