package nl.hgkm.keten.zaak;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.UUID;
import nl.hgkm.keten.identiteit.Groepen;
import nl.hgkm.keten.support.KetenIntegratieTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** GET /api/zaken/{zaaknummer}: who sees which case file, and never the protected reporter outside Veilig Thuis. */
@KetenIntegratieTest
class DossierInzageIT {

  /** A test-only process (its own key, removed afterwards) that gives the wijkteam a task in a case. */
  static final String WIJKTEAM_PROCES = "test-dossierinzage-wijkteamtaak";
  static String deploymentId;

  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper objectMapper;
  @Autowired DossierRepository dossierRepository;
  @Autowired ZaaknummerGenerator zaaknummers;
  @Autowired AuditLog audit;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  String melderNaam;
  String zaaknummer;

  @BeforeAll
  static void gebruikersEnProces(@Autowired IdentityService identityService,
      @Autowired RepositoryService repositoryService) {
    TestGebruikers.zorgVoorAlle(identityService);
    BpmnModelInstance model = Bpmn.createExecutableProcess(WIJKTEAM_PROCES)
        .camundaHistoryTimeToLive(1)
        .startEvent()
        .userTask("overdracht").name("Overdracht aan het wijkteam").camundaCandidateGroups(Groepen.WIJKTEAM)
        .endEvent()
        .done();
    deploymentId = repositoryService.createDeployment().name(WIJKTEAM_PROCES)
        .addModelInstance(WIJKTEAM_PROCES + ".bpmn", model).deploy().getId();
  }

  @AfterAll
  static void procesWeg(@Autowired RepositoryService repositoryService) {
    repositoryService.deleteDeployment(deploymentId, true);
  }

  @BeforeEach
  void dossierMetAnoniemeMelder() {
    melderNaam = "Buurvrouw " + UUID.randomUUID();
    zaaknummer = new TestDossiers(dossierRepository, zaaknummers, audit)
        .zaakMetAnoniemeMelder("utrecht", melderNaam, "buurvrouw@example.org", "Kind " + UUID.randomUUID());
  }

  @Test
  void veiligThuisZietDeBeschermdeIdentiteit() throws Exception {
    for (String gebruiker : new String[] {TestGebruikers.MEDEWERKER, TestGebruikers.INTAKE}) {
      JsonNode dossier = ok(haal(gebruiker, zaaknummer));
      JsonNode melder = dossier.at("/meldingen/0/melder");

      assertThat(melder.path("naam").asText()).isEqualTo(melderNaam);
      assertThat(melder.path("email").asText()).isEqualTo("buurvrouw@example.org");
      assertThat(melder.path("identiteitBeschermd").asBoolean()).isTrue();
    }
  }

  @Test
  void deAuditorZietAllesBehalveDeBeschermdeIdentiteit() throws Exception {
    String body = haal(TestGebruikers.AUDITOR, zaaknummer).getBody();
    JsonNode dossier = objectMapper.readTree(body);

    assertThat(dossier.at("/zaak/zaaknummer").asText()).isEqualTo(zaaknummer);
    assertThat(dossier.at("/meldingen/0/melder/naam").asText()).isEqualTo(DossierInzage.ANONIEM);
    assertThat(dossier.at("/meldingen/0/melder/email").isMissingNode()).isTrue();
    assertThat(dossier.at("/meldingen/0/betrokkenen/0/rol").asText()).isEqualTo("KIND");
    assertThat(dossier.at("/meldingen/0/signalen/kindStelselmatigGetuigeHG").asBoolean()).isTrue();
    assertThat(dossier.at("/audit/0/soort").asText()).isEqualTo("MELDING_ONTVANGEN");
    assertThat(body).doesNotContain(melderNaam).doesNotContain("buurvrouw@example.org");
  }

  @Test
  void eenMelderZonderToezeggingIsVoorIedereMetInzageZichtbaar() throws Exception {
    String ander = new TestDossiers(dossierRepository, zaaknummers, audit)
        .zaakMetPersoon(Zaaktype.MELDING, "utrecht", "Kind " + UUID.randomUUID(), null, null);

    JsonNode melder = ok(haal(TestGebruikers.AUDITOR, ander)).at("/meldingen/0/melder");

    assertThat(melder.path("naam").asText()).isEqualTo("Team Centrum");
    assertThat(melder.path("identiteitBeschermd").asBoolean()).isFalse();
  }

  @Test
  void hetWijkteamZietAlleenZakenWaarinHetEenTaakHadEnNooitDeBeschermdeIdentiteit() throws Exception {
    ResponseEntity<String> zonderTaak = haal(TestGebruikers.WIJKTEAM, zaaknummer);
    assertProbleem(zonderTaak, HttpStatus.FORBIDDEN);

    runtimeService.startProcessInstanceByKey(WIJKTEAM_PROCES, zaaknummer, Map.of("regio", "utrecht"));
    ResponseEntity<String> metOpenTaak = haal(TestGebruikers.WIJKTEAM, zaaknummer);
    assertThat(ok(metOpenTaak).at("/meldingen/0/melder/naam").asText()).isEqualTo(DossierInzage.ANONIEM);
    assertThat(metOpenTaak.getBody()).doesNotContain(melderNaam);

    // Once the task is done the case stays visible: the wijkteam had a task in it.
    taskService.complete(taskService.createTaskQuery().processInstanceBusinessKey(zaaknummer).singleResult().getId());
    assertThat(haal(TestGebruikers.WIJKTEAM, zaaknummer).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void andereGroepenKrijgen403() throws Exception {
    assertProbleem(haal(TestGebruikers.AGENT, zaaknummer), HttpStatus.FORBIDDEN);
    assertProbleem(haal(TestGebruikers.PROFESSIONAL, zaaknummer), HttpStatus.FORBIDDEN);
  }

  @Test
  void eenOnbekendeZaakGeeft404() throws Exception {
    assertProbleem(haal(TestGebruikers.MEDEWERKER, "VT-1999-999999"), HttpStatus.NOT_FOUND);
  }

  @Test
  void zonderGeldigeInloggegevens401() throws Exception {
    assertProbleem(http.getForEntity("/api/zaken/" + zaaknummer, String.class), HttpStatus.UNAUTHORIZED);
    assertProbleem(http.withBasicAuth(TestGebruikers.VERKEERD_WACHTWOORD, "fout").getForEntity("/api/zaken/" + zaaknummer,
        String.class), HttpStatus.UNAUTHORIZED);
  }

  private ResponseEntity<String> haal(String gebruiker, String zaak) {
    return http.withBasicAuth(gebruiker, TestGebruikers.WACHTWOORD).getForEntity("/api/zaken/" + zaak, String.class);
  }

  private JsonNode ok(ResponseEntity<String> antwoord) throws Exception {
    assertThat(antwoord.getStatusCode()).isEqualTo(HttpStatus.OK);
    return objectMapper.readTree(antwoord.getBody());
  }

  private void assertProbleem(ResponseEntity<String> antwoord, HttpStatus status) throws Exception {
    assertThat(antwoord.getStatusCode()).isEqualTo(status);
    assertThat(antwoord.getHeaders().getContentType()).isNotNull();
    assertThat(antwoord.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    assertThat(objectMapper.readTree(antwoord.getBody()).path("status").asInt()).isEqualTo(status.value());
  }
}
