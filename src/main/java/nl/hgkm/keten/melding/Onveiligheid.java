package nl.hgkm.keten.melding;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.springframework.stereotype.Component;

/**
 * Acute and structural unsafety of a report, by the decisions {@code acute-onveiligheid} and
 * {@code structurele-onveiligheid} (COLLECT: one {@code grond} per signal that applies). Used for a vervolgmelding,
 * whose report does not start a process of its own; a new case lets process {@code melding} decide.
 */
@Component
class Onveiligheid {

  static final String ACUTE_ONVEILIGHEID = "acute-onveiligheid";
  static final String STRUCTURELE_ONVEILIGHEID = "structurele-onveiligheid";

  /** @param acuteGronden and {@code structureleGronden}: the names of the signals that made it so */
  record Beoordeling(List<String> acuteGronden, List<String> structureleGronden) {
    boolean acuut() {
      return !acuteGronden.isEmpty();
    }

    boolean structureel() {
      return !structureleGronden.isEmpty();
    }
  }

  private final DecisionService decisionService;

  Onveiligheid(DecisionService decisionService) {
    this.decisionService = decisionService;
  }

  Beoordeling beoordeel(Map<String, Boolean> signalen) {
    Map<String, Object> invoer = Signalen.volledig(signalen);
    return new Beoordeling(gronden(ACUTE_ONVEILIGHEID, invoer), gronden(STRUCTURELE_ONVEILIGHEID, invoer));
  }

  private List<String> gronden(String beslissing, Map<String, Object> invoer) {
    DmnDecisionResult resultaat = decisionService.evaluateDecisionByKey(beslissing).variables(invoer).evaluate();
    return resultaat.collectEntries("grond").stream().map(String::valueOf).toList();
  }
}
