package nl.hgkm.keten.engine;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;

/**
 * The engine's history, minus the personal data that a start form has to pass through process variables on its way
 * to the case file (a professional's melding: names, birth dates, BSNs, free text). That data lives in the case
 * file's own tables with their own access rules; a second copy in the engine history would outlive and escape them.
 * Which variables of which process are kept out is configuration ({@code keten.historie.niet-bewaren}).
 */
class PersoonsgegevensBuitenHistorie extends DbHistoryEventHandler {

  private final Map<String, Set<String>> nietBewaren;

  PersoonsgegevensBuitenHistorie(Map<String, List<String>> nietBewaren) {
    this.nietBewaren = nietBewaren.entrySet().stream()
        .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> Set.copyOf(e.getValue())));
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    if (event instanceof HistoricVariableUpdateEventEntity variabele
        && nietBewaren.getOrDefault(variabele.getProcessDefinitionKey(), Set.of())
            .contains(variabele.getVariableName())) {
      return;
    }
    super.handleEvent(event);
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    events.forEach(this::handleEvent);
  }
}
