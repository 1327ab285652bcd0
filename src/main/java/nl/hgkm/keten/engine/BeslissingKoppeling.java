package nl.hgkm.keten.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionEvaluationEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionInstanceEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Links a decision that Java code evaluates through the DecisionService on behalf of a case (a task listener that
 * guards a decision, e.g. {@code huisverbod-verlenging}) to that case. The engine records such an evaluation as
 * standalone, without process instance, so the auditor's decision trail would not find it. Wrap the evaluation:
 *
 * <pre>
 *   String uitkomst = BeslissingKoppeling.voorZaak(zaaknummer, processInstanceId, () -&gt; decisionService...);
 * </pre>
 *
 * and this history handler, placed after the one that writes the engine's rows (so the history ids exist), writes
 * {@code beslissing_zaak} in the same transaction: a rolled-back evaluation (a refused task completion) leaves
 * neither.
 */
public final class BeslissingKoppeling implements HistoryEventHandler {

  private static final ThreadLocal<Zaak> HUIDIGE_ZAAK = new ThreadLocal<>();

  private record Zaak(String zaaknummer, String processInstanceId) {}

  private final JdbcClient jdbc;

  BeslissingKoppeling(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Evaluates {@code evaluatie} with every decision it records linked to {@code zaaknummer}. */
  public static <T> T voorZaak(String zaaknummer, String processInstanceId, Supplier<T> evaluatie) {
    Zaak vorige = HUIDIGE_ZAAK.get();
    HUIDIGE_ZAAK.set(new Zaak(zaaknummer, processInstanceId));
    try {
      return evaluatie.get();
    } finally {
      if (vorige == null) {
        HUIDIGE_ZAAK.remove();
      } else {
        HUIDIGE_ZAAK.set(vorige);
      }
    }
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    Zaak zaak = HUIDIGE_ZAAK.get();
    if (zaak == null || !(event instanceof HistoricDecisionEvaluationEvent evaluatie)) {
      return;
    }
    List<HistoricDecisionInstanceEntity> instanties = new ArrayList<>();
    instanties.add(evaluatie.getRootHistoricDecisionInstance());
    if (evaluatie.getRequiredHistoricDecisionInstances() != null) {
      instanties.addAll(evaluatie.getRequiredHistoricDecisionInstances());
    }
    for (HistoricDecisionInstanceEntity instantie : instanties) {
      if (instantie.getId() == null || instantie.getProcessInstanceId() != null) {
        continue;
      }
      jdbc.sql("""
              insert into beslissing_zaak (decision_instance_id, zaaknummer, process_instance_id)
              values (:id, :zaaknummer, :pi)""")
          .param("id", instantie.getId())
          .param("zaaknummer", zaak.zaaknummer())
          .param("pi", zaak.processInstanceId())
          .update();
    }
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    events.forEach(this::handleEvent);
  }
}
