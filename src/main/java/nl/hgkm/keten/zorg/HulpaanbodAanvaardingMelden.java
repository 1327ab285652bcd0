package nl.hgkm.keten.zorg;

import java.util.Map;
import nl.hgkm.keten.engine.ProcesBean;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The uithuisgeplaatste accepted the care offer: the care agency's confirmation goes to the running huisverbod as
 * {@code HulpaanbodAanvaard}, which lets the burgemeester decide on withdrawal (Wth art. 2(9)). When the order has
 * already ended there is nothing to withdraw; that is recorded, not an error.
 */
@Component("hulpaanbodAanvaardingMelden")
@ProcesBean
class HulpaanbodAanvaardingMelden implements JavaDelegate {

  private final RuntimeService runtimeService;
  private final ZorgProperties zorg;

  HulpaanbodAanvaardingMelden(RuntimeService runtimeService, ZorgProperties zorg) {
    this.runtimeService = runtimeService;
    this.zorg = zorg;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String zaaknummer = (String) execution.getVariable("zaaknummer");
    // The huisverbod that called this hulpaanbod is of the same tenant (region).
    var wachtend = runtimeService.createExecutionQuery().tenantIdIn(execution.getTenantId())
        .processInstanceBusinessKey(zaaknummer)
        .processDefinitionKey("huisverbod").messageEventSubscriptionName("HulpaanbodAanvaard").list();
    if (wachtend.isEmpty()) {
      execution.setVariable("aanvaardingGemeld", false);
      return;
    }
    // By instance id, which fixes the tenant: the engine refuses a tenant id next to an instance id.
    runtimeService.createMessageCorrelation("HulpaanbodAanvaard")
        .processInstanceId(wachtend.get(0).getProcessInstanceId())
        .setVariables(Map.of("bevestigdDoor", zorg.instelling()))
        .correlate();
    execution.setVariable("aanvaardingGemeld", true);
  }
}
