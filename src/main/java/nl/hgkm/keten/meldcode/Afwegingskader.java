package nl.hgkm.keten.meldcode;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Decision {@code meldcode-afwegingskader} (contract §4) through the engine's DecisionService, so that every
 * evaluation is in the decision history. The table is the only place that knows the order of the questions and their
 * outcomes; this class only hands it the answers.
 */
@Component
class Afwegingskader {

  static final String BESLISSING = "meldcode-afwegingskader";

  /** Where a weighing stands: the outcome so far and the next question (null when none is asked here). */
  record Stand(Besluit besluit, Integer volgendeAfweging) {

    /** The weighing stands at this question: it is the next one to answer. */
    boolean staatBij(Afwegingsvraag vraag) {
      return besluit.loopt() && volgendeAfweging != null && volgendeAfweging == vraag.nummer();
    }

    Afwegingsvraag volgendeVraag() {
      return besluit.loopt() && volgendeAfweging != null ? Afwegingsvraag.vanNummer(volgendeAfweging) : null;
    }
  }

  private final DecisionService decisionService;

  Afwegingskader(DecisionService decisionService) {
    this.decisionService = decisionService;
  }

  /** @param antwoorden the answers given; a question that is absent (or maps to null) is unanswered */
  Stand beslis(Map<Afwegingsvraag, Boolean> antwoorden) {
    VariableMap invoer = Variables.createVariables();
    for (Afwegingsvraag vraag : Afwegingsvraag.values()) {
      invoer.putValue(vraag.naam(), antwoorden.get(vraag));
    }
    DmnDecisionResultEntries uitkomst = decisionService.evaluateDecisionByKey(BESLISSING)
        .variables(invoer)
        .evaluate()
        .getSingleResult();
    Object volgende = uitkomst.getEntry("volgendeAfweging");
    return new Stand(Besluit.valueOf(uitkomst.getEntry("besluit")),
        volgende == null ? null : ((Number) volgende).intValue());
  }
}
