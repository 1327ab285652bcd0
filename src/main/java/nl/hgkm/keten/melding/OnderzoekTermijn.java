package nl.hgkm.keten.melding;

import java.time.format.DateTimeFormatter;
import java.util.Date;
import nl.hgkm.keten.engine.ProcesBean;
import nl.hgkm.keten.kalender.Klok;
import nl.hgkm.keten.kalender.Termijn;
import nl.hgkm.keten.kalender.Werkdagenkalender;
import nl.hgkm.keten.termijn.TermijnProperties;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Starts the term of a Veilig Thuis onderzoek: at most 10 weeks (parameter) after the veiligheidsbeoordeling. Sets
 * the due date ({@code onderzoekUiterlijk}), the escalation moment ({@code onderzoekVerstreken}) and the Tasklist
 * column {@code deadline}.
 */
@Component("onderzoekTermijn")
@ProcesBean
class OnderzoekTermijn implements ExecutionListener {

  private final Werkdagenkalender kalender;
  private final TermijnProperties termijnen;
  private final Klok klok;

  OnderzoekTermijn(Werkdagenkalender kalender, TermijnProperties termijnen, Klok klok) {
    this.kalender = kalender;
    this.termijnen = termijnen;
    this.klok = klok;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Termijn termijn = kalender.kalendertermijn(klok.nu(), termijnen.onderzoek());
    execution.setVariable("onderzoekUiterlijk", Date.from(termijn.einde()));
    execution.setVariable("onderzoekVerstreken", Date.from(termijn.verstreken()));
    execution.setVariable("deadline", termijn.uiterlijk().format(DateTimeFormatter.ISO_LOCAL_DATE));
  }
}
