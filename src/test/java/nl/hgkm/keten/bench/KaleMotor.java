package nl.hgkm.keten.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;

/**
 * A bare Camunda 7 engine in the same JVM: a standalone {@code ProcessEngineConfiguration}, history full, no project
 * code, on a database of its own. It runs a generated process of the same shape as a chain case: as many decisions,
 * user tasks, asynchronous steps and timers, driven the same way (tasks completed, jobs and timers executed through
 * the ManagementService), with the engine API instead of HTTP.
 */
final class KaleMotor implements AutoCloseable {

  /** A small FIRST table, the size of the project's. */
  private static final String BESLISSING = """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="kaal" name="kaal" namespace="bench">
        <decision id="kaal-beslissing" name="Kaal" camunda:historyTimeToLive="180">
          <decisionTable id="t" hitPolicy="FIRST">
            <input id="i1"><inputExpression id="e1" typeRef="boolean"><text>a</text></inputExpression></input>
            <input id="i2"><inputExpression id="e2" typeRef="integer"><text>b</text></inputExpression></input>
            <output id="o1" name="uitkomst" typeRef="string" />
            <rule id="r1"><inputEntry id="r1a"><text>true</text></inputEntry><inputEntry id="r1b"><text>&gt;= 2</text></inputEntry><outputEntry id="r1o"><text>"HOOG"</text></outputEntry></rule>
            <rule id="r2"><inputEntry id="r2a"><text>true</text></inputEntry><inputEntry id="r2b"><text>-</text></inputEntry><outputEntry id="r2o"><text>"MIDDEN"</text></outputEntry></rule>
            <rule id="r3"><inputEntry id="r3a"><text>false</text></inputEntry><inputEntry id="r3b"><text>[1..5]</text></inputEntry><outputEntry id="r3o"><text>"LAAG"</text></outputEntry></rule>
            <rule id="r4"><inputEntry id="r4a"><text>-</text></inputEntry><inputEntry id="r4b"><text>-</text></inputEntry><outputEntry id="r4o"><text>"GEEN"</text></outputEntry></rule>
          </decisionTable>
        </decision>
      </definitions>
      """;

  final ProcessEngine engine;
  private final HikariDataSource pool;

  private KaleMotor(ProcessEngine engine, HikariDataSource pool) {
    this.engine = engine;
    this.pool = pool;
  }

  static KaleMotor start(Database database, SqlTeller teller) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(database.url);
    config.setUsername(database.gebruiker);
    config.setPassword(database.wachtwoord);
    config.setMaximumPoolSize(10);
    config.setPoolName("kaal-" + database.soort);
    HikariDataSource pool = new HikariDataSource(config);
    ProcessEngineConfigurationImpl configuratie = (ProcessEngineConfigurationImpl)
        ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration();
    configuratie.setProcessEngineName("kaal-" + database.soort + "-" + UUID.randomUUID());
    configuratie.setDataSource(teller.omhul("kaal", pool));
    configuratie.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    configuratie.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    configuratie.setJobExecutorActivate(false);
    // As the application: UUIDs as ids (the Spring Boot starter's default), removal time at the end.
    configuratie.setIdGenerator(new StrongUuidGenerator());
    configuratie.setHistoryRemovalTimeStrategy(ProcessEngineConfiguration.HISTORY_REMOVAL_TIME_STRATEGY_END);
    return new KaleMotor(configuratie.buildProcessEngine(), pool);
  }

  /** Deploys a process with the given shape; returns its key. */
  String rolUit(int beslissingen, int taken, int jobs, int timers) {
    AbstractFlowNodeBuilder<?, ?> stap = Bpmn.createExecutableProcess("kaal").camundaHistoryTimeToLive(180)
        .startEvent();
    for (int i = 0; i < beslissingen; i++) {
      stap = stap.businessRuleTask("beslissing" + i).camundaDecisionRef("kaal-beslissing")
          .camundaResultVariable("uitkomst" + i).camundaMapDecisionResult("singleEntry");
    }
    int wachtpunten = taken + timers;
    int taak = 0;
    int timer = 0;
    int jobsGedaan = 0;
    for (int w = 0; w < wachtpunten; w++) {
      // user tasks and timers alternate as far as their numbers allow, as in the chain case
      boolean alsTaak = timer >= timers || (taak < taken && taak <= timer);
      if (alsTaak) {
        stap = stap.userTask("taak" + taak).camundaCandidateGroups("medewerkers");
        taak++;
      } else {
        stap = stap.intermediateCatchEvent("timer" + timer).timerWithDuration("PT1H");
        timer++;
      }
      int hier = (jobs - jobsGedaan) / (wachtpunten - w);
      for (int j = 0; j < hier; j++) {
        stap = stap.serviceTask("stap" + jobsGedaan).camundaAsyncBefore().camundaExpression("${true}");
        jobsGedaan++;
      }
    }
    BpmnModelInstance model = stap.endEvent().done();
    engine.getRepositoryService().createDeployment().name("kaal")
        .addModelInstance("kaal.bpmn", model)
        .addInputStream("kaal.dmn", new ByteArrayInputStream(BESLISSING.getBytes(StandardCharsets.UTF_8)))
        .deploy();
    return "kaal";
  }

  /** One case: start, then complete every task and execute every job (timers too) until the instance ends. */
  void rijd(String sleutel, int volgnummer) {
    String pi = engine.getRuntimeService().startProcessInstanceByKey(sleutel, "KAAL-" + volgnummer,
        Map.of("a", volgnummer % 2 == 0, "b", volgnummer % 7)).getId();
    for (int ronde = 0; ronde < 200; ronde++) {
      if (SqlTeller.zonderTellen(() -> engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi)
          .count()) == 0) {
        return;
      }
      List<Task> taken = SqlTeller.zonderTellen(() -> engine.getTaskService().createTaskQuery().processInstanceId(pi)
          .list());
      for (Task taak : taken) {
        engine.getTaskService().complete(taak.getId(), Map.of("gedaan", true, "toelichting", "Afgerond"));
      }
      List<Job> jobs = SqlTeller.zonderTellen(() -> engine.getManagementService().createJobQuery()
          .processInstanceId(pi).list());
      for (Job job : jobs) {
        engine.getManagementService().executeJob(job.getId());
      }
    }
    throw new IllegalStateException("Kale zaak " + pi + " eindigt niet");
  }

  @Override
  public void close() {
    engine.close();
    pool.close();
  }
}
