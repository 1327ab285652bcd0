package nl.hgkm.keten.metriek;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import nl.hgkm.keten.engine.EngineSchemaMigratie;
import nl.hgkm.keten.metriek.EngineStand.IncidentAantal;
import nl.hgkm.keten.metriek.EngineStand.Stand;
import nl.hgkm.keten.metriek.EngineStand.TaakAantal;
import nl.hgkm.keten.metriek.EngineStand.VerstrekenAantal;
import nl.hgkm.keten.support.TestKlok;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SQL of {@link EngineStand} on a real PostgreSQL 17 (embedded; fsync off, which does not matter here) with the
 * engine schema and the project's tables, both by Flyway as in production. A bare engine of its own and small models of its own; no Spring context.
 */
class EngineStandPostgresIT {

  private static final Instant NU = Instant.parse("2027-04-23T10:00:00Z");

  static EmbeddedPostgres postgres;
  static ProcessEngine engine;
  static EngineStand engineStand;
  static JdbcClient jdbc;

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    DataSource dataSource = postgres.getPostgresDatabase();
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/keten").table("keten_schema_history")
        .load().migrate();
    // The engine schema as production gets it: Camunda's scripts by Flyway (EngineSchemaMigratie).
    new EngineSchemaMigratie(dataSource).migreer();
    engine = ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
        .setProcessEngineName("metriek-postgres")
        .setDataSource(dataSource)
        .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE)
        .setJobExecutorActivate(false)
        .setHistory(ProcessEngineConfiguration.HISTORY_NONE)
        .buildProcessEngine();
    jdbc = JdbcClient.create(dataSource);
    // The engine writes its counters at the engine clock's time; they count from this node's start.
    Instant gestart = TestKlok.nu().minusSeconds(60);
    engineStand = new EngineStand(engine, jdbc, new CamundaBpmProperties(), () -> gestart);

    engine.getRepositoryService().createDeployment()
        .addModelInstance("melding.bpmn", Bpmn.createExecutableProcess("melding").camundaHistoryTimeToLive(1)
            .startEvent()
            .userTask("veiligheidsbeoordeling").camundaCandidateGroups("vt-medewerker").camundaDueDate("${uiterlijk}")
            .endEvent().done())
        .addModelInstance("besluit.bpmn", Bpmn.createExecutableProcess("besluit").camundaHistoryTimeToLive(1)
            .startEvent()
            .userTask("besluit-oplegging").camundaCandidateGroups("hulpofficier,burgemeester")
            .endEvent().done())
        .addModelInstance("stuk.bpmn", Bpmn.createExecutableProcess("stuk").camundaHistoryTimeToLive(1)
            .startEvent()
            .serviceTask("bestaatNiet").camundaAsyncBefore().camundaExpression("${bestaatNiet.doe()}")
            .endEvent().done())
        .deploy();
  }

  @AfterAll
  static void stop() throws Exception {
    if (engine != null) {
      engine.close();
    }
    postgres.close();
  }

  @Test
  void deStandKomtUitGegroepeerdeQueriesOpPostgresql() {
    zaak("VT-2027-000001", "utrecht");
    zaak("VT-2027-000002", "amsterdam-amstelland");
    melding("VT-2027-000001", NU.minusSeconds(60));
    melding("VT-2027-000002", NU.minusSeconds(60));
    melding("VT-2027-000002", NU.plusSeconds(60));
    melding("VT-2027-999999", NU.minusSeconds(60)); // no case file: region unknown
    engine.getRuntimeService().startProcessInstanceByKey("besluit", Map.of("regio", "utrecht"));
    ProcessInstance stuk = engine.getRuntimeService().startProcessInstanceByKey("stuk", Map.of("regio", "utrecht"));
    Job job = engine.getManagementService().createJobQuery().processInstanceId(stuk.getId()).singleResult();
    for (int poging = 0; poging < 3; poging++) {
      assertThatThrownBy(() -> engine.getManagementService().executeJob(job.getId()));
    }
    engine.getRuntimeService().startProcessInstanceByKey("stuk", Map.of("regio", "utrecht"));
    engine.getManagementService().reportDbMetricsNow();

    Stand stand = engineStand.lees(NU, "melding", List.of("veiligheidsbeoordeling", "onderzoek"));

    assertThat(stand.takenOpen()).containsExactlyInAnyOrder(
        new TaakAantal("melding", "veiligheidsbeoordeling", "vt-medewerker", 4),
        new TaakAantal("besluit", "besluit-oplegging", "hulpofficier", 1),
        new TaakAantal("besluit", "besluit-oplegging", "burgemeester", 1));
    assertThat(stand.verstreken()).containsExactlyInAnyOrder(
        new VerstrekenAantal("veiligheidsbeoordeling", "utrecht", 1),
        new VerstrekenAantal("veiligheidsbeoordeling", "amsterdam-amstelland", 1),
        new VerstrekenAantal("veiligheidsbeoordeling", "onbekend", 1));
    assertThat(stand.incidenten()).containsExactly(new IncidentAantal("stuk", "failedJob", 1));
    // The second "stuk" waits for a job executor since its start; the failed one has no retries left.
    assertThat(stand.wachtendeJobs().aantal()).isEqualTo(1);
    assertThat(stand.wachtendeJobs().oudsteSinds()).isPresent();
    assertThat(stand.camundaTellers()).containsEntry(EngineStand.CamundaTeller.MISLUKT, 3L)
        .containsEntry(EngineStand.CamundaTeller.GESLAAGD, 0L);
  }

  private static void zaak(String zaaknummer, String regio) {
    jdbc.sql("insert into zaak (zaaknummer, zaaktype, regio, aangemaakt_op) values (?, 'MELDING', ?, ?)")
        .params(zaaknummer, regio, Timestamp.from(NU)).update();
  }

  private static void melding(String zaaknummer, Instant uiterlijk) {
    engine.getRuntimeService().startProcessInstanceByKey("melding", zaaknummer,
        Map.of("uiterlijk", Date.from(uiterlijk), "regio", "utrecht"));
  }
}
