package nl.hgkm.keten.migratie;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nl.hgkm.keten.engine.ZakenNaarTenants;
import nl.hgkm.keten.migratie.Zaakrijder.Stand;
import nl.hgkm.keten.migratie.Zaakrijder.Zaak;
import nl.hgkm.keten.support.Buitensystemen;
import nl.hgkm.keten.support.VorigeRelease;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An installation upgrades: the current application starts on the database the previous release wrote
 * (src/test/resources/vorige-release/README.md: cases in most wait states, real history), deploys the current models,
 * and the administrator runs the release's migration for every running case. Then every case is worked to its end.
 * A context of its own (its own database); the job executor is off, jobs and timers are driven here. Its engine has
 * a name of its own and the context closes after the class: engines register by name in one static registry, and a
 * second engine called "default" would take /engine-rest of the shared test context over to this database, and on
 * closing take it away (Camunda ignores a name with a hyphen and calls the engine "default"; /engine-rest of the
 * shared context then answered 400 to every test after this class).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.process-engine-name=vorigeRelease")
@ActiveProfiles({"demo", "test"})
@DirtiesContext
class VorigeReleaseMigratieIT {

  @DynamicPropertySource
  static void databaseVanDeVorigeRelease(DynamicPropertyRegistry eigenschappen) throws Exception {
    Path map = Files.createTempDirectory("vorige-release");
    String url = VorigeRelease.database(map);
    eigenschappen.add("spring.datasource.url", () -> url);
    // A context of its own beside the shared one: its demo mail server needs a port of its own.
    int smtp;
    try (java.net.ServerSocket vrij = new java.net.ServerSocket(0)) {
      smtp = vrij.getLocalPort();
    }
    eigenschappen.add("keten.demo.smtp-poort", () -> smtp);
    eigenschappen.add("spring.mail.port", () -> smtp);
  }

  @Autowired Migratiedienst migratiedienst;
  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repositoryService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired ZakenNaarTenants zakenNaarTenants;

  @AfterEach
  void klokTerug() {
    ClockUtil.reset();
  }

  @Test
  void elkeLopendeZaakMigreertEnLooptAf() {
    Buitensystemen.reset();
    Set<String> zaken = new LinkedHashSet<>();
    runtimeService.createProcessInstanceQuery().list().forEach(p -> zaken.add(p.getBusinessKey()));
    assertThat(zaken).contains("VT-2026-000001", "HV-2026-000002", "HV-2026-000003");

    // Issue 9: the start of this release put every existing case into the tenant of its region, with its tasks,
    // timers and history; nothing of a case is left without tenant.
    assertThat(zakenNaarTenants.zonderTenant()).isEmpty();
    for (ProcessInstance zaak : runtimeService.createProcessInstanceQuery().list()) {
      if (!zaak.getProcessDefinitionId().startsWith("meldcode-afweging:")) {
        assertThat(zaak.getTenantId()).as(zaak.getBusinessKey())
            .isEqualTo(runtimeService.getVariable(zaak.getId(), "regio"));
      }
    }
    assertThat(taskService.createTaskQuery().withoutTenantId().list())
        .allSatisfy(t -> assertThat(t.getProcessDefinitionId()).startsWith("meldcode-afweging:"));
    assertThat(managementService.createJobQuery().withoutTenantId().list())
        .allSatisfy(j -> assertThat(j.getProcessDefinitionKey()).isEqualTo("meldcode-afweging"));

    Migratierapport rapport = migratiedienst.rapport(Modellen.RELEASE);
    List<String> problemen = new ArrayList<>();
    rapport.processen().forEach(p -> p.overgangen().forEach(o -> {
      problemen.addAll(o.fouten());
      problemen.addAll(o.gaten());
      o.blijven().forEach(b -> problemen.add(b.zaak() + " " + b.wachtIn() + ": " + b.waarom()));
    }));
    assertThat(problemen).as(String.join("\n", problemen)).isEmpty();
    assertThat(rapport.zonderPlan()).isEmpty();

    for (Migratiedienst.Gestart gestart : migratiedienst.voerUit(Modellen.RELEASE, "demo", List.of("camunda-admin"))
        .migraties()) {
      assertThat(gestart.status()).isIn("GESTART", "NIETS_TE_DOEN");
      if (gestart.batchId() != null) {
        voerBatchUit(gestart.batchId());
      }
    }
    // Nothing runs on an older version any more: every running case is on the newest definition of its process.
    for (ProcessInstance zaak : runtimeService.createProcessInstanceQuery().list()) {
      String sleutel = zaak.getProcessDefinitionId().substring(0, zaak.getProcessDefinitionId().indexOf(':'));
      assertThat(zaak.getProcessDefinitionId()).as("%s (%s)", zaak.getBusinessKey(), sleutel).isEqualTo(
          repositoryService.createProcessDefinitionQuery().processDefinitionKey(sleutel).latestVersion()
              .singleResult().getId());
    }

    Zaakrijder rijder = new Zaakrijder(runtimeService, taskService, managementService, identityService);
    Set<String> alle = Set.of("melding", "terugkoppeling", "monitoring", "registerraadpleging", "radarsignaal",
        "huisverbod", "hulpaanbod", "meldcode-afweging");
    for (String zaaknummer : zaken) {
      Zaak zaak = new Zaak(zaaknummer, alle);
      zaak.zaaknummer = zaaknummer;
      rijder.rijdTot(zaak, Stand::afgelopen, "het einde", ModelMigratieIT.ANTWOORDEN);
      assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(zaaknummer).count())
          .as("%s loopt nog", zaaknummer).isZero();
    }
  }

  private void voerBatchUit(String batchId) {
    Batch batch = managementService.createBatchQuery().batchId(batchId).singleResult();
    for (int ronde = 0; ronde < 1000 && managementService.createBatchQuery().batchId(batchId).count() > 0; ronde++) {
      List<Job> jobs = new ArrayList<>();
      for (String definitie : List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(),
          batch.getMonitorJobDefinitionId())) {
        jobs.addAll(managementService.createJobQuery().jobDefinitionId(definitie).list());
      }
      for (Job job : jobs) {
        managementService.executeJob(job.getId());
      }
    }
    assertThat(managementService.createBatchQuery().batchId(batchId).count()).isZero();
  }
}
