package nl.hgkm.keten.integratie;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * Runs one integration delegate as the engine runs it in the real models: a tiny test-only process
 * (key {@code test-integratie-<delegate>}) with one asynchronous service task {@code Taak_<delegate>} that uses the
 * delegate by expression and the named retry profile, followed by a wait state so variables stay readable.
 * {@link #opruimen()} deletes the deployments with their instances, jobs and incidents.
 */
public final class DelegateTestproces {

  private final ProcessEngine engine;
  private final List<String> deployments = new ArrayList<>();

  public DelegateTestproces(ProcessEngine engine) {
    this.engine = engine;
  }

  /** The service task's id for a delegate, e.g. {@code Taak_politieHuisverbodRegistreren}. */
  public static String taak(String delegate) {
    return "Taak_" + delegate;
  }

  /**
   * Deploys the process for {@code delegate} with retry profile {@code ${retry.<profiel>}} and starts it with the
   * zaaknummer as business key. The service task's job is then waiting, not yet executed.
   */
  public ProcessInstance start(String delegate, String profiel, String zaaknummer, Map<String, Object> variabelen) {
    String sleutel = "test-integratie-" + delegate;
    BpmnModelInstance model = Bpmn.createExecutableProcess(sleutel)
        .camundaHistoryTimeToLive(1)
        .startEvent()
        .serviceTask(taak(delegate))
          .camundaAsyncBefore()
          .camundaDelegateExpression("${" + delegate + "}")
          .camundaFailedJobRetryTimeCycle("${retry." + profiel + "}")
        .receiveTask("Wachten")
        .endEvent()
        .done();
    deployments.add(engine.getRepositoryService().createDeployment().name(sleutel)
        .addModelInstance(sleutel + ".bpmn", model).deploy().getId());
    // Every case belongs to a region (RegioTenantIdProvider); the test dossiers are of Amsterdam-Amstelland.
    Map<String, Object> metRegio = new java.util.HashMap<>(variabelen);
    metRegio.putIfAbsent("regio", "amsterdam-amstelland");
    return engine.getRuntimeService().startProcessInstanceByKey(sleutel, zaaknummer, metRegio);
  }

  /** The service task's job as it is now (retries, due date, last failure). */
  public Job job(ProcessInstance pi) {
    return engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).singleResult();
  }

  /** Executes the job until it has no retries left; answers how many attempts failed. Fails if one succeeds. */
  public int voerUitTotIncident(ProcessInstance pi, int maximum) {
    ManagementService managementService = engine.getManagementService();
    int pogingen = 0;
    while (job(pi).getRetries() > 0) {
      if (++pogingen > maximum) {
        throw new AssertionError("Meer dan " + maximum + " pogingen zonder incident");
      }
      try {
        managementService.executeJob(job(pi).getId());
        throw new AssertionError("Poging " + pogingen + " slaagde onverwacht");
      } catch (RuntimeException verwacht) {
        // the failure the test provoked; the engine has counted it
      }
    }
    return pogingen;
  }

  public void opruimen() {
    deployments.forEach(id -> engine.getRepositoryService().deleteDeployment(id, true));
    deployments.clear();
  }
}
