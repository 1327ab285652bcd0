package nl.hgkm.keten.melding;

import java.time.format.DateTimeFormatter;
import java.util.Date;
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

/**
 * Tells the region's team leaders that a statutory term has passed (input {@code termijn}: veiligheidsbeoordeling
 * or onderzoek). The mail names the case, never the family.
 */
@Component("termijnEscalatieMail")
@ProcesBean
class TermijnEscalatieMail implements JavaDelegate {

  private static final DateTimeFormatter DATUM = DateTimeFormatter.ofPattern("d-M-yyyy");

  private final Mailer mailer;
  private final MailSjablonen sjablonen;
  private final Regios regios;
  private final Werkdagenkalender kalender;

  TermijnEscalatieMail(Mailer mailer, MailSjablonen sjablonen, Regios regios, Werkdagenkalender kalender) {
    this.mailer = mailer;
    this.sjablonen = sjablonen;
    this.regios = regios;
    this.kalender = kalender;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String termijn = (String) execution.getVariable("termijn");
    String zaaknummer = (String) execution.getVariable("zaaknummer");
    String regioCode = (String) execution.getVariable("regio");
    Regio regio = regios.regio(regioCode).orElse(null);
    if (regio == null || regio.teamleiderEmail() == null) {
      throw new IllegalStateException("Geen teamleider-e-mailadres geconfigureerd voor regio " + regioCode);
    }
    Date uiterlijk = (Date) execution.getVariable(
        "onderzoek".equals(termijn) ? "onderzoekUiterlijk" : "veiligheidsbeoordelingUiterlijk");
    MailSjablonen.Opgemaakt tekst = sjablonen.maakOp("escalatie-" + termijn, Map.of(
        "zaaknummer", zaaknummer,
        "regio", regio.naam(),
        "uiterlijk", kalender.lokaleDatum(uiterlijk.toInstant()).format(DATUM)));
    mailer.verstuur(new Mail(regio.teamleiderEmail(), tekst.onderwerp(), tekst.tekst(),
        zaaknummer + "." + execution.getCurrentActivityId() + "." + StapUitvoering.id(execution)));
  }
}
