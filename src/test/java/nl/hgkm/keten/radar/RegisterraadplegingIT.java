package nl.hgkm.keten.radar;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static nl.hgkm.keten.radar.RadarApi.persoon;
import static nl.hgkm.keten.support.Buitensystemen.REGISTER_BETROKKENHEDEN;
import static nl.hgkm.keten.support.Buitensystemen.REGISTER_RAADPLEGINGEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.BasicCredentials;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.hgkm.keten.support.Buitensysteem;
import nl.hgkm.keten.support.Buitensystemen;
import nl.hgkm.keten.support.KetenIntegratieTest;
import nl.hgkm.keten.support.TestKlok;
import nl.hgkm.keten.zaak.AuditGebeurtenis;
import nl.hgkm.keten.zaak.AuditLog;
import nl.hgkm.keten.zaak.TestBsn;
import nl.hgkm.keten.zaak.TestGebruikers;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The national Veilig Thuis-register after an intake, as the engine runs it (process registerraadpleging, its
 * asynchronous steps with retry profile {@code retry.register}), against the register as a WireMock server.
 * Together the stories pass every flow node of {@code registerraadpleging}.
 */
@KetenIntegratieTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegisterraadplegingIT {

  static final OffsetDateTime ONTVANGEN = OffsetDateTime.parse("2027-02-15T09:00:00+01:00");
  static final BasicCredentials TESTGEBRUIKER = new BasicCredentials("keten-test", "test-register");
  static final String RAADPLEGEN = "Taak_RegisterRaadplegen";
  static final String REGISTREREN = "Taak_BetrokkenheidRegistreren";

  @Autowired TestRestTemplate http;
  @Autowired JdbcClient jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired AuditLog audit;
  @Autowired HistoryService historyService;
  @Autowired RepositoryService repositoryService;

  private final Buitensysteem register = Buitensystemen.register();
  RadarApi api;
  String naam;
  String bsn;

  /** The cases this class looked up, for the coverage check at the end. */
  private final Set<String> zaken = new HashSet<>();

  @BeforeAll
  void gebruikers(@Autowired IdentityService identityService) {
    TestGebruikers.zorgVoorAlle(identityService);
  }

  @BeforeEach
  void opzetten() {
    Buitensystemen.reset();
    api = new RadarApi(http, jdbc);
    naam = "Persoon " + UUID.randomUUID();
    bsn = TestBsn.nieuw();
  }

  @AfterEach
  void opruimen() {
    register.weerOp();
    TestKlok.terug();
  }

  @Test
  @DisplayName("Treffer in een andere regio: in het dossier, de nieuwe melding wordt een hermelding met radarsignaal")
  void eenTrefferInEenAndereRegioIsEerdereBetrokkenheid() {
    bekendIn("rotterdam-rijnmond", "Veilig Thuis Rotterdam Rijnmond", true);
    JsonNode melding = api.meld(api.melding(ONTVANGEN, "POLITIE", persoon("SLACHTOFFER", naam, "1990-01-31", bsn)));
    String zaaknummer = melding.path("zaaknummer").asText();
    String meldingPid = melding.path("processInstanceId").asText();
    assertThat(melding.path("categorie").asText()).isEqualTo("NIEUWE_MELDING");
    assertThat(register.verzoeken()).as("de intake wacht niet op het register").isEmpty();

    ProcessInstance raadpleging = raadpleging(zaaknummer);
    Job job = job(raadpleging, RAADPLEGEN);
    managementService.executeJob(job.getId());

    long betrokkene = betrokkeneIds(zaaknummer).get(0);
    register.wiremock().verify(1, postRequestedFor(urlPathEqualTo(REGISTER_RAADPLEGINGEN))
        .withBasicAuth(TESTGEBRUIKER)
        .withHeader("Idempotency-Key", equalTo(zaaknummer + "." + RAADPLEGEN + "." + job.getId() + "."
            + betrokkene))
        .withRequestBody(equalToJson("{\"regio\": \"utrecht\", \"persoon\": {\"bsn\": \"" + bsn
            + "\"}}")));
    assertThat(runtimeService.getVariable(raadpleging.getId(), "registerTreffers")).isEqualTo(1);
    assertThat(runtimeService.getVariable(meldingPid, "categorie")).isEqualTo("HERMELDING");
    assertThat(runtimeService.getVariable(meldingPid, "radarSignaal")).isEqualTo(true);

    JsonNode dossier = api.dossier(TestGebruikers.MEDEWERKER, zaaknummer);
    assertThat(dossier.at("/meldingen/0/categorie").asText()).isEqualTo("HERMELDING");
    JsonNode treffer = dossier.at("/radar/registerTreffers/0");
    assertThat(treffer.path("regio").asText()).isEqualTo("rotterdam-rijnmond");
    assertThat(treffer.path("regioNaam").asText()).isEqualTo("Veilig Thuis Rotterdam Rijnmond");
    assertThat(treffer.path("actueel").asBoolean()).isTrue();
    assertThat(treffer.path("betrokkene").asText()).isEqualTo("SLACHTOFFER " + naam);
    assertThat(audit(zaaknummer, "REGISTER_GERAADPLEEGD")).singleElement().asString()
        .contains("Veilig Thuis Rotterdam Rijnmond (nu betrokken)").doesNotContain(naam, bsn);
    assertThat(audit(zaaknummer, "RADAR")).last().asString()
        .contains("van NIEUWE_MELDING naar HERMELDING", "Veilig Thuis Rotterdam Rijnmond");

    // Another region is involved right now: a hermelding within the period, a candidate for MDA++.
    ProcessInstance signaal = runtimeService.createProcessInstanceQuery().processDefinitionKey("radarsignaal")
        .processInstanceBusinessKey(zaaknummer).singleResult();
    assertThat(runtimeService.getVariables(signaal.getId()))
        .containsEntry("signaalHermelding", true)
        .containsEntry("registerVerhaal", "- Veilig Thuis Rotterdam Rijnmond: nu betrokken");
  }

  @Test
  @DisplayName("Een beëindigde betrokkenheid elders: hermelding, maar zonder datum geen signaal aan de teamleider")
  void eenBeeindigdeBetrokkenheidEldersIsGeenSignaal() {
    bekendIn("haaglanden", "Veilig Thuis Haaglanden", false);
    JsonNode melding = api.meld(api.melding(ONTVANGEN, "POLITIE", persoon("SLACHTOFFER", naam, null, bsn)));
    String zaaknummer = melding.path("zaaknummer").asText();

    managementService.executeJob(job(raadpleging(zaaknummer), RAADPLEGEN).getId());

    assertThat(api.dossier(TestGebruikers.MEDEWERKER, zaaknummer).at("/meldingen/0/categorie").asText())
        .isEqualTo("HERMELDING");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("radarsignaal")
        .processInstanceBusinessKey(zaaknummer).count()).isZero();
  }

  @Test
  @DisplayName("Registratie: onze betrokkenheid per te herkennen persoon, met het zaaknummer als eigen referentie")
  void registreertOnzeBetrokkenheid() {
    JsonNode melding = api.meld(api.melding(ONTVANGEN, "BURGER", persoon("SLACHTOFFER", naam, null, bsn),
        persoon("KIND", "Kind zonder kenmerken " + UUID.randomUUID(), null, null)));
    String zaaknummer = melding.path("zaaknummer").asText();
    ProcessInstance raadpleging = raadpleging(zaaknummer);
    Job job = job(raadpleging, REGISTREREN);

    managementService.executeJob(job.getId());

    long betrokkene = betrokkeneIds(zaaknummer).get(0);
    register.wiremock().verify(1, postRequestedFor(urlPathEqualTo(REGISTER_BETROKKENHEDEN))
        .withBasicAuth(TESTGEBRUIKER)
        .withHeader("Idempotency-Key", equalTo(zaaknummer + "." + REGISTREREN + "." + job.getId() + "."
            + betrokkene))
        .withRequestBody(equalToJson("{\"regio\": \"utrecht\", \"referentie\": \"" + zaaknummer
            + "\", \"persoon\": {\"bsn\": \"" + bsn + "\"}}")));
    assertThat(register.verzoeken()).as("het kind zonder BSN en geboortedatum is niet te herkennen").hasSize(1);
    assertThat(runtimeService.getVariable(raadpleging.getId(), "registerRegistraties")).isEqualTo(1);
    assertThat(audit(zaaknummer, "REGISTER_BETROKKENHEID")).singleElement().asString().contains("1 persoon");
  }

  @Test
  @DisplayName("Register plat: de intake geeft gewoon 201; de raadpleging faalt, telt af, en slaagt als het register terug is")
  void registerPlatEnWeerOp() {
    register.plat();
    JsonNode melding = api.meld(api.melding(ONTVANGEN, "POLITIE", persoon("SLACHTOFFER", naam, null, bsn)));
    String zaaknummer = melding.path("zaaknummer").asText();
    ProcessInstance raadpleging = raadpleging(zaaknummer);
    assertThat(job(raadpleging, RAADPLEGEN).getRetries()).as("R10/PT5M: tien pogingen").isEqualTo(10);

    assertThatThrownBy(() -> managementService.executeJob(job(raadpleging, RAADPLEGEN).getId()))
        .isInstanceOf(RuntimeException.class);
    Job naEerste = job(raadpleging, RAADPLEGEN);
    assertThat(naEerste.getRetries()).isEqualTo(9);
    assertThat(naEerste.getDuedate().toInstant()).isEqualTo(ONTVANGEN.toInstant().plus(Duration.ofMinutes(5)));
    assertThat(naEerste.getExceptionMessage())
        .contains("Veilig Thuis-register", "raadpleeg", "HTTP 503", "POST /api/v1/raadplegingen");

    ClockUtil.setCurrentTime(naEerste.getDuedate());
    assertThatThrownBy(() -> managementService.executeJob(naEerste.getId())).isInstanceOf(RuntimeException.class);
    Job naTweede = job(raadpleging, RAADPLEGEN);
    assertThat(naTweede.getRetries()).isEqualTo(8);

    register.weerOp();
    ClockUtil.setCurrentTime(naTweede.getDuedate());
    managementService.executeJob(naTweede.getId());

    assertThat(jobs(raadpleging, RAADPLEGEN)).isEmpty();
    assertThat(register.geslaagd(REGISTER_RAADPLEGINGEN)).isEqualTo(1);
    assertThat(register.aantalPerIdempotencyKey(REGISTER_RAADPLEGINGEN)).hasSize(1).containsValue(3L);
    assertThat(audit(zaaknummer, "REGISTER_GERAADPLEEGD")).singleElement().asString()
        .contains("geen andere regio betrokken");
    assertThat(api.dossier(TestGebruikers.MEDEWERKER, zaaknummer).at("/meldingen/0/categorie").asText())
        .isEqualTo("NIEUWE_MELDING");
  }

  @Test
  @DisplayName("Een herhaalde raadpleging houdt haar Idempotency-Key, ook als de registratie ernaast intussen klaar is")
  void eenHerhalingHoudtHaarSleutelOokAlsDeAndereTakIntussenKlaarIs() {
    // Only the lookup fails; the registration beside it, in the other branch, succeeds before the retry.
    register.plat(REGISTER_RAADPLEGINGEN);
    JsonNode melding = api.meld(api.melding(ONTVANGEN, "POLITIE", persoon("SLACHTOFFER", naam, null, bsn)));
    ProcessInstance raadpleging = raadpleging(melding.path("zaaknummer").asText());
    Job eerstePoging = job(raadpleging, RAADPLEGEN);
    assertThatThrownBy(() -> managementService.executeJob(eerstePoging.getId())).isInstanceOf(RuntimeException.class);

    managementService.executeJob(job(raadpleging, REGISTREREN).getId());
    // The other branch has ended: the engine folds the two branches back into one execution and the waiting job
    // moves to it. The job, and so the step's Idempotency-Key, stays the same.
    Job herhaling = job(raadpleging, RAADPLEGEN);
    assertThat(herhaling.getId()).isEqualTo(eerstePoging.getId());
    assertThat(herhaling.getExecutionId()).as("uitvoering van de wachtende job").isNotEqualTo(
        eerstePoging.getExecutionId());

    register.weerOp();
    ClockUtil.setCurrentTime(herhaling.getDuedate());
    managementService.executeJob(herhaling.getId());

    assertThat(jobs(raadpleging, RAADPLEGEN)).isEmpty();
    assertThat(register.aantalPerIdempotencyKey(REGISTER_RAADPLEGINGEN)).as("één sleutel voor beide pogingen")
        .hasSize(1).containsValue(2L);
    assertThat(register.effecten()).filteredOn(effect -> effect.pad().equals(REGISTER_RAADPLEGINGEN)).hasSize(1);
  }

  @Test
  @DisplayName("Register blijft plat: na de laatste poging een incident dat het register noemt; de zaak loopt door")
  void naDeLaatstePogingEenIncident() {
    register.plat();
    JsonNode melding = api.meld(api.melding(ONTVANGEN, "POLITIE", persoon("SLACHTOFFER", naam, null, bsn)));
    ProcessInstance raadpleging = raadpleging(melding.path("zaaknummer").asText());

    int pogingen = 0;
    while (job(raadpleging, RAADPLEGEN).getRetries() > 0) {
      assertThat(++pogingen).as("pogingen").isLessThanOrEqualTo(10);
      Job job = job(raadpleging, RAADPLEGEN);
      assertThatThrownBy(() -> managementService.executeJob(job.getId())).isInstanceOf(RuntimeException.class);
    }

    assertThat(pogingen).isEqualTo(10);
    Incident incident = runtimeService.createIncidentQuery().processInstanceId(raadpleging.getId()).singleResult();
    assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
    assertThat(incident.getActivityId()).isEqualTo(RAADPLEGEN);
    assertThat(incident.getIncidentMessage()).contains("Veilig Thuis-register", "raadpleeg", "HTTP 503");
    assertThat(runtimeService.getActiveActivityIds(melding.path("processInstanceId").asText()))
        .as("de melding wacht gewoon op de veiligheidsbeoordeling").containsExactly("veiligheidsbeoordeling");

    // What an operator does in Cockpit once the register is back: retry the job.
    register.weerOp();
    Job job = job(raadpleging, RAADPLEGEN);
    managementService.setJobRetries(job.getId(), 1);
    managementService.executeJob(job.getId());
    assertThat(runtimeService.createIncidentQuery().processInstanceId(raadpleging.getId()).count()).isZero();
    assertThat(register.geslaagd(REGISTER_RAADPLEGINGEN)).isEqualTo(1);
  }

  @AfterAll
  void elkStroomelementVanRegisterraadplegingIsDoorlopen() {
    String definitieId = repositoryService.createProcessDefinitionQuery().processDefinitionKey("registerraadpleging")
        .latestVersion().singleResult().getId();
    Set<String> alle = repositoryService.getBpmnModelInstance(definitieId).getModelElementsByType(FlowNode.class)
        .stream().map(FlowNode::getId).collect(Collectors.toSet());
    Set<String> doorlopen = zaken.stream()
        .flatMap(zaak -> historyService.createHistoricProcessInstanceQuery()
            .processDefinitionKey("registerraadpleging").processInstanceBusinessKey(zaak).list().stream())
        .flatMap(pi -> historyService.createHistoricActivityInstanceQuery().processInstanceId(pi.getId()).list()
            .stream())
        .map(activiteit -> activiteit.getActivityId())
        .collect(Collectors.toSet());
    assertThat(doorlopen).containsAll(alle);
  }

  // ------------------------------------------------------------------ helpers

  /** The register knows this test's BSN in {@code regio}. */
  private void bekendIn(String regio, String naamRegio, boolean actueel) {
    register.wiremock().stubFor(post(urlPathEqualTo(REGISTER_RAADPLEGINGEN)).atPriority(2)
        .withBasicAuth(TESTGEBRUIKER.username, TESTGEBRUIKER.password)
        .withRequestBody(matchingJsonPath("$.persoon.bsn", equalTo(bsn)))
        .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
            .withBody("{\"id\": \"RPL-2027-000042\", \"betrokkenheden\": [{\"regio\": \"" + regio + "\", \"naam\": \""
                + naamRegio + "\", \"actueel\": " + actueel + "}]}")));
  }

  private ProcessInstance raadpleging(String zaaknummer) {
    zaken.add(zaaknummer);
    return runtimeService.createProcessInstanceQuery().processDefinitionKey("registerraadpleging")
        .processInstanceBusinessKey(zaaknummer).singleResult();
  }

  private Job job(ProcessInstance instantie, String activiteit) {
    List<Job> jobs = jobs(instantie, activiteit);
    assertThat(jobs).hasSize(1);
    return jobs.get(0);
  }

  private List<Job> jobs(ProcessInstance instantie, String activiteit) {
    return managementService.createJobQuery().processInstanceId(instantie.getId()).activityId(activiteit).list();
  }

  private List<Long> betrokkeneIds(String zaaknummer) {
    return jdbc.sql("select id from betrokkene where zaaknummer = ? order by id").param(zaaknummer)
        .query(Long.class).list();
  }

  private List<String> audit(String zaaknummer, String soort) {
    return audit.van(zaaknummer).stream().filter(a -> a.soort().equals(soort))
        .map(AuditGebeurtenis::omschrijving).toList();
  }
}
