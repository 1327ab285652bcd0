package nl.hgkm.keten.meldcode;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.hgkm.keten.engine.OngeldigeTaakInvoerException;
import nl.hgkm.keten.engine.ProcesBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Process {@code meldcode-afweging}, first step: records the weighing of the start form through the same service and
 * the same checks as {@code POST /api/meldcode/afweging}, in the professional's own record, and hands the outcome to
 * the model.
 *
 * <p>Reads {@code eigenaar} (the start event's initiator), {@code afweging1..5} ("ja"/"nee", absent when the form did
 * not ask it) and {@code toelichting1..5}. Sets {@code afwegingId} (also the business key), {@code besluit},
 * {@code volgendeAfweging}, {@code melden} and {@code uitkomst} (Dutch). A refused weighing, or one that stops
 * halfway, refuses the start: Tasklist shows the message and nothing is stored.
 */
@Component("meldcodeAfwegingVastleggen")
@ProcesBean
class AfwegingVastleggen implements JavaDelegate {

  private final AfwegingValidatie validatie;
  private final MeldcodeAfwegingen afwegingen;
  private final ObjectMapper objectMapper;

  AfwegingVastleggen(AfwegingValidatie validatie, MeldcodeAfwegingen afwegingen, ObjectMapper objectMapper) {
    this.validatie = validatie;
    this.afwegingen = afwegingen;
    this.objectMapper = objectMapper;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String eigenaar = (String) execution.getVariable("eigenaar");
    if (eigenaar == null || eigenaar.isBlank()) {
      throw new OngeldigeTaakInvoerException("Start de meldcode-afweging als ingelogde professional in Tasklist.");
    }
    ObjectNode body = objectMapper.createObjectNode();
    ObjectNode antwoorden = body.putObject("antwoorden");
    ObjectNode toelichting = body.putObject("toelichting");
    for (Afwegingsvraag vraag : Afwegingsvraag.values()) {
      Object antwoord = execution.getVariable("afweging" + vraag.nummer());
      if ("ja".equals(antwoord) || Boolean.TRUE.equals(antwoord)) {
        antwoorden.put(vraag.naam(), true);
      } else if ("nee".equals(antwoord) || Boolean.FALSE.equals(antwoord)) {
        antwoorden.put(vraag.naam(), false);
      } else if (antwoord != null && !"".equals(antwoord)) {
        antwoorden.put(vraag.naam(), String.valueOf(antwoord));
      }
      if (execution.getVariable("toelichting" + vraag.nummer()) instanceof String tekst && !tekst.isBlank()) {
        toelichting.put(vraag.naam(), tekst);
      }
    }

    MeldcodeAfwegingen.Gewogen gewogen;
    try {
      AfwegingValidatie.Gelezen gelezen = validatie.lees(body);
      gewogen = afwegingen.weeg(eigenaar, gelezen.verzoek(), gelezen.fouten(), execution.getProcessInstanceId());
    } catch (OngeldigeAfwegingException fout) {
      throw new OngeldigeTaakInvoerException(Formulierfouten.tekst(fout.fouten()));
    }
    AfwegingUitkomst uitkomst = gewogen.uitkomst();
    if (uitkomst.besluit() == Besluit.IN_AFWEGING) {
      throw new OngeldigeTaakInvoerException("De afweging is nog niet af: " + uitkomst.uitkomst());
    }
    execution.setProcessBusinessKey(uitkomst.afwegingId());
    execution.setVariable("afwegingId", uitkomst.afwegingId());
    execution.setVariable("besluit", uitkomst.besluit().name());
    execution.setVariable("volgendeAfweging", uitkomst.volgendeAfweging());
    execution.setVariable("melden", uitkomst.melden());
    execution.setVariable("uitkomst", uitkomst.uitkomst());
  }
}
