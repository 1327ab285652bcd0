package nl.hgkm.keten.zorg;

import nl.hgkm.keten.engine.ProcesBean;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Component;

/**
 * The care system's referral id of a huisverbod, for telling the care agency that the order ended. The referral
 * happens in the called hulpaanbod, which may still be running when the order ends.
 */
@Component("hulpaanbodVerwijzing")
@ProcesBean
public class HulpaanbodVerwijzing {

  private final HistoryService historyService;

  public HulpaanbodVerwijzing(HistoryService historyService) {
    this.historyService = historyService;
  }

  public String verwijzingId(DelegateExecution huisverbod) {
    Object bekend = huisverbod.getVariable("zorgVerwijzingId");
    if (bekend instanceof String id) {
      return id;
    }
    return historyService.createHistoricProcessInstanceQuery()
        .superProcessInstanceId(huisverbod.getProcessInstanceId()).list().stream()
        .map(sub -> historyService.createHistoricVariableInstanceQuery().processInstanceId(sub.getId())
            .variableName("zorgVerwijzingId").list())
        .flatMap(java.util.List::stream)
        .map(HistoricVariableInstance::getValue)
        .filter(String.class::isInstance).map(String.class::cast)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("Huisverbod " + huisverbod.getProcessBusinessKey()
            + ": nog geen verwijzing bij de zorg bekend"));
  }
}
