package nl.hgkm.keten.melding;

import java.util.Date;
import nl.hgkm.keten.engine.ProcesBean;
import nl.hgkm.keten.kalender.Klok;
import nl.hgkm.keten.kalender.Termijn;
import nl.hgkm.keten.kalender.Werkdagenkalender;
import nl.hgkm.keten.termijn.TermijnProperties;
import nl.hgkm.keten.zaak.AuditLog;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A monitored household that is unsafe again re-enters the veiligheidsbeoordeling in the same case, with a new
 * statutory term of 5 working days (parameter) counted from now, as for a new melding: sets
 * {@code veiligheidsbeoordelingUiterlijk} (the task's due date), {@code veiligheidsbeoordelingVerstreken} (the
 * escalation timer) and the Tasklist column {@code deadline}.
 */
@Component("veiligheidsbeoordelingHeropenen")
@ProcesBean
class VeiligheidsbeoordelingHeropenen implements JavaDelegate {

  private final Werkdagenkalender kalender;
  private final TermijnProperties termijnen;
  private final Klok klok;
  private final AuditLog audit;

  VeiligheidsbeoordelingHeropenen(Werkdagenkalender kalender, TermijnProperties termijnen, Klok klok,
      AuditLog audit) {
    this.kalender = kalender;
    this.termijnen = termijnen;
    this.klok = klok;
    this.audit = audit;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Termijn termijn = kalender.werkdagtermijn(klok.nu(), termijnen.veiligheidsbeoordelingWerkdagen());
    execution.setVariable("veiligheidsbeoordelingUiterlijk", Date.from(termijn.einde()));
    execution.setVariable("veiligheidsbeoordelingVerstreken", Date.from(termijn.verstreken()));
    execution.setVariable("deadline", termijn.uiterlijk().toString());
    audit.schrijf((String) execution.getVariable("zaaknummer"), MeldingIntake.SYSTEEM, "VEILIGHEIDSBEOORDELING_HEROPEND",
        "Monitoring: het huishouden is opnieuw onveilig; nieuwe veiligheidsbeoordeling uiterlijk "
            + termijn.uiterlijk());
  }
}
