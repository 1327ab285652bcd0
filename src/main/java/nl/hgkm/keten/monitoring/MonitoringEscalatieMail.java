package nl.hgkm.keten.monitoring;

import java.time.Instant;
import java.util.Map;
import nl.hgkm.keten.engine.ProcesBean;
import nl.hgkm.keten.engine.StapUitvoering;
import nl.hgkm.keten.kalender.Werkdagenkalender;
import nl.hgkm.keten.notificatie.Mail;
import nl.hgkm.keten.notificatie.MailSjablonen;
import nl.hgkm.keten.notificatie.Mailer;
import nl.hgkm.keten.regio.Regio;
import nl.hgkm.keten.regio.Regios;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Tells the region's team leaders that a check-in is late. The mail names the case and the moment, never the family. */
@Component("monitoringEscalatieMail")
@ProcesBean
class MonitoringEscalatieMail implements JavaDelegate {

  private final Mailer mailer;
  private final MailSjablonen sjablonen;
  private final Regios regios;
  private final Werkdagenkalender kalender;

  MonitoringEscalatieMail(Mailer mailer, MailSjablonen sjablonen, Regios regios,
      Werkdagenkalender kalender) {
    this.mailer = mailer;
    this.sjablonen = sjablonen;
    this.regios = regios;
    this.kalender = kalender;
  }

  private String datum(Instant moment) {
    return kalender.lokaleDatum(moment).format(MonitoringVariabelen.DATUM);
  }

  @Override
  public void execute(DelegateExecution execution) {
    String zaaknummer = MonitoringVariabelen.tekst(execution, "zaaknummer");
    String regioCode = MonitoringVariabelen.tekst(execution, "regio");
    Regio regio = regios.regio(regioCode).orElse(null);
    if (regio == null || regio.teamleiderEmail() == null) {
      throw new IllegalStateException("Geen teamleider-e-mailadres geconfigureerd voor regio " + regioCode);
    }
    MailSjablonen.Opgemaakt tekst = sjablonen.maakOp("escalatie-monitoringmoment", Map.of(
        "zaaknummer", zaaknummer,
        "regio", regio.naam(),
        "moment", MonitoringVariabelen.getal(execution, "momentNummer"),
        "momentDatum", datum(MonitoringVariabelen.tijdstip(execution, "volgendMoment")),
        "uiterlijk", datum(MonitoringVariabelen.tijdstip(execution, "momentUiterlijk"))));
    mailer.verstuur(new Mail(regio.teamleiderEmail(), tekst.onderwerp(), tekst.tekst(),
        zaaknummer + "." + execution.getCurrentActivityId() + "." + StapUitvoering.id(execution)));
  }
}
