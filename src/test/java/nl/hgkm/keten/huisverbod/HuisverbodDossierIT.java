package nl.hgkm.keten.huisverbod;

import static nl.hgkm.keten.huisverbod.HuisverbodApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import nl.hgkm.keten.support.KetenIntegratieTest;
import nl.hgkm.keten.support.TestKlok;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reading the case file ({@code GET /api/huisverboden/{zaaknummer}}, {@code .../documenten/{id}}) and recording
 * where the uithuisgeplaatste can be reached ({@code PUT .../bereikbaarheid}, Wth art. 2(6)), over HTTP. The case
 * files are written straight into the tables, so these tests do not depend on the huisverbod model.
 */
@KetenIntegratieTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HuisverbodDossierIT {

  private static final Instant NU = OffsetDateTime.parse("2027-04-23T10:00:00+02:00").toInstant();
  private static final Instant INCIDENT = OffsetDateTime.parse("2027-04-23T01:30:00+02:00").toInstant();
  private static final String WACHTEND_MODEL = "test-huisverbod-api-bereikbaarheid";

  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;
  @Autowired IdentityService identityService;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  private HuisverbodApi api;
  private Deployment deployment;

  @BeforeAll
  void bereidVoor() {
    HuisverbodTestGebruikers.zorgVoor(identityService);
    api = new HuisverbodApi(rest);
    // Stands in for a huisverbod model that waits for the reachability (the message name is ours, not the contract's)
    BpmnModelInstance model = Bpmn.createExecutableProcess(WACHTEND_MODEL)
        .camundaHistoryTimeToLive(1)
        .startEvent()
        .intermediateCatchEvent("WachtOpBereikbaarheid").message(HuisverbodBereikbaarheid.BERICHT)
        .userTask("Daarna")
        .endEvent()
        .done();
    deployment = repositoryService.createDeployment().name(WACHTEND_MODEL)
        .addModelInstance(WACHTEND_MODEL + ".bpmn", model).deploy();
  }

  @AfterAll
  void ruimOp() {
    repositoryService.deleteDeployment(deployment.getId(), true);
  }

  @BeforeEach
  void zetKlok() {
    ClockUtil.setCurrentTime(Date.from(NU));
  }

  @AfterEach
  void herstelKlok() {
    TestKlok.terug();
  }

  // ------------------------------------------------------------------ the case file

  @ParameterizedTest
  @CsvSource({"agent", "hovj", "burgemeester", "auditor", "arts"})
  @DisplayName("Politie, hulpofficier, burgemeester, auditor en Veilig Thuis zien het dossier; inzage in de audittrail")
  void dossierZichtbaarVoorDeBetrokkenRollen(String gebruiker) {
    String zaaknummer = HuisverbodTestDossier.leg(jdbc, INCIDENT);
    long documentId = HuisverbodTestDossier.document(jdbc, zaaknummer, "Brief aan de achterblijvers",
        "Tekst van de brief", NU);

    ResponseEntity<String> antwoord = api.haal(gebruiker, "/api/huisverboden/" + zaaknummer);

    assertThat(antwoord.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode dossier = json(antwoord);
    assertThat(dossier.get("zaaknummer").asText()).isEqualTo(zaaknummer);
    assertThat(dossier.get("gemeente").asText()).isEqualTo("amsterdam");
    assertThat(dossier.get("woning").asText()).isEqualTo(HuisverbodTestDossier.WONING);
    assertThat(dossier.get("incidentOp").asText()).isEqualTo("2027-04-23T01:30:00+02:00");
    assertThat(dossier.get("advies").asText()).isEqualTo("HUISVERBOD_IN_BEGINSEL");
    assertThat(dossier.get("rihg").get("roodPleger").asInt()).isEqualTo(3);
    assertThat(dossier.get("personen")).hasSize(4);
    assertThat(dossier.get("personen").get(0).get("rol").asText()).isEqualTo("PLEGER");
    assertThat(dossier.get("personen").get(1).get("naam").asText()).isEqualTo(HuisverbodTestDossier.SLACHTOFFER);
    assertThat(dossier.get("personen").get(1).get("contactverbod").asBoolean()).isTrue();
    assertThat(dossier.get("documenten")).hasSize(1);
    JsonNode document = dossier.get("documenten").get(0);
    assertThat(document.get("id").asLong()).isEqualTo(documentId);
    assertThat(document.get("soort").asText()).isEqualTo("BRIEF");
    assertThat(document.get("titel").asText()).isEqualTo("Brief aan de achterblijvers");
    assertThat(document.get("aangemaaktOp").asText()).isEqualTo("2027-04-23T10:00:00+02:00");
    assertThat(document.has("inhoud")).isFalse();
    JsonNode audit = dossier.get("audit");
    assertThat(audit).hasSize(1);
    assertThat(audit.get(0).get("soort").asText()).isEqualTo("DOSSIER_INGEZIEN");
    assertThat(audit.get(0).get("actor").asText()).isEqualTo(gebruiker);
  }

  @Test
  @DisplayName("Een document wordt als platte tekst (UTF-8) gegeven en de inzage vastgelegd")
  void documentAlsTekst() {
    String zaaknummer = HuisverbodTestDossier.leg(jdbc, INCIDENT);
    long documentId = HuisverbodTestDossier.document(jdbc, zaaknummer, "Beschikking", "Beëindiging per 3 mei", NU);

    ResponseEntity<byte[]> antwoord = rest.withBasicAuth("burgemeester", "demo")
        .getForEntity("/api/huisverboden/" + zaaknummer + "/documenten/" + documentId, byte[].class);

    assertThat(antwoord.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(antwoord.getHeaders().getContentType())
        .isEqualTo(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8));
    assertThat(new String(antwoord.getBody(), StandardCharsets.UTF_8)).isEqualTo("Beëindiging per 3 mei");
    assertThat(auditSoorten(zaaknummer)).containsExactly("DOCUMENT_INGEZIEN");
  }

  @Test
  @DisplayName("Wijkteam ziet dossier noch document (403); zonder inloggen 401")
  void anderenZienHetDossierNiet() {
    String zaaknummer = HuisverbodTestDossier.leg(jdbc, INCIDENT);
    long documentId = HuisverbodTestDossier.document(jdbc, zaaknummer, "Beschikking", "Tekst", NU);

    assertThat(api.haal("wijkteam", "/api/huisverboden/" + zaaknummer).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(api.haal("wijkteam", "/api/huisverboden/" + zaaknummer + "/documenten/" + documentId)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(api.haal(null, "/api/huisverboden/" + zaaknummer).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(auditSoorten(zaaknummer)).isEmpty();
  }

  @Test
  @DisplayName("Onbekende zaak, onbekend document of een document van een andere zaak: 404 problem+json")
  void onbekendIsNietGevonden() {
    String zaaknummer = HuisverbodTestDossier.leg(jdbc, INCIDENT);
    String andere = HuisverbodTestDossier.leg(jdbc, INCIDENT);
    long documentVanAndere = HuisverbodTestDossier.document(jdbc, andere, "Beschikking", "Tekst", NU);

    ResponseEntity<String> onbekendeZaak = api.haal("agent", "/api/huisverboden/HV-1999-000001");
    assertThat(onbekendeZaak.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(onbekendeZaak.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .isTrue();
    assertThat(json(onbekendeZaak).get("detail").asText()).contains("HV-1999-000001");
    assertThat(api.haal("agent", "/api/huisverboden/" + zaaknummer + "/documenten/" + documentVanAndere)
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(api.haal("agent", "/api/huisverboden/" + zaaknummer + "/documenten/abc").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(api.haal("agent", "/api/huisverboden/HV-1999-000001/documenten/" + documentVanAndere)
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  // ------------------------------------------------------------------ reachability (art. 2(6))

  @Test
  @DisplayName("Bereikbaarheid vastgelegd terwijl geen proces erop wacht: 200, in het dossier en de audittrail")
  void bereikbaarheidZonderWachtendProces() {
    String zaaknummer = HuisverbodTestDossier.leg(jdbc, INCIDENT);

    ResponseEntity<String> antwoord = api.stuur("agent", HttpMethod.PUT,
        "/api/huisverboden/" + zaaknummer + "/bereikbaarheid",
        "{\"adres\": \"Logeeradres: Kerkstraat 5, 1234 CD Amsterdam; tel. 06-12345678\"}");

    assertThat(antwoord.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode body = json(antwoord);
    assertThat(body.get("berichtAfgeleverd").asBoolean()).isFalse();
    assertThat(body.get("vastgelegdOp").asText()).isEqualTo("2027-04-23T10:00:00+02:00");
    // The moment read as OffsetDateTime explicitly: a row map holds H2's OffsetDateTime but PostgreSQL's Timestamp.
    Map.Entry<String, OffsetDateTime> rij = jdbc.sql("""
            select bereikbaarheid, bereikbaarheid_vastgelegd_op from huisverbod where zaaknummer = ?""")
        .params(zaaknummer).query((rs, i) -> Map.entry(rs.getString("bereikbaarheid"),
            rs.getObject("bereikbaarheid_vastgelegd_op", OffsetDateTime.class))).single();
    assertThat(rij.getKey()).isEqualTo("Logeeradres: Kerkstraat 5, 1234 CD Amsterdam; tel. 06-12345678");
    assertThat(rij.getValue().toInstant()).isEqualTo(NU);
    assertThat(auditSoorten(zaaknummer)).containsExactly("BEREIKBAARHEID_VASTGELEGD");
    assertThat(auditOmschrijvingen(zaaknummer).get(0)).contains("geen wachtend proces").doesNotContain("Kerkstraat");
  }

  @Test
  @DisplayName("Bereikbaarheid met opgegeven tijdstip wordt als bericht BereikbaarheidVastgelegd afgeleverd")
  void bereikbaarheidWordtAanHetWachtendeProcesGemeld() {
    String zaaknummer = HuisverbodTestDossier.leg(jdbc, INCIDENT);
    ProcessInstance wachtend = runtimeService.startProcessInstanceByKey(WACHTEND_MODEL, zaaknummer,
        Map.of("regio", "amsterdam-amstelland"));

    ResponseEntity<String> antwoord = api.stuur("hovj", HttpMethod.PUT,
        "/api/huisverboden/" + zaaknummer + "/bereikbaarheid",
        "{\"adres\": \"Via zijn zus, 06-87654321\", \"vastgelegdOp\": \"2027-04-23T08:15:00+02:00\"}");

    assertThat(antwoord.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(json(antwoord).get("berichtAfgeleverd").asBoolean()).isTrue();
    assertThat(taskService.createTaskQuery().processInstanceId(wachtend.getId()).taskDefinitionKey("Daarna")
        .count()).isEqualTo(1);
    assertThat(runtimeService.getVariable(wachtend.getId(), "bereikbaarheidVastgelegdOp"))
        .isEqualTo(Date.from(OffsetDateTime.parse("2027-04-23T08:15:00+02:00").toInstant()));
    assertThat(jdbc.sql("select bereikbaarheid_vastgelegd_op from huisverbod where zaaknummer = ?")
        .params(zaaknummer).query(OffsetDateTime.class).single().toInstant())
        .isEqualTo(OffsetDateTime.parse("2027-04-23T06:15:00Z").toInstant());
    assertThat(auditOmschrijvingen(zaaknummer).get(0)).contains("afgeleverd bij " + wachtend.getId());
    runtimeService.deleteProcessInstance(wachtend.getId(), "test klaar");
  }

  @Test
  @DisplayName("Ongeldige bereikbaarheid: 400 met alle fouten, niets veranderd")
  void ongeldigeBereikbaarheid() {
    String zaaknummer = HuisverbodTestDossier.leg(jdbc, INCIDENT);

    ResponseEntity<String> antwoord = api.stuur("agent", HttpMethod.PUT,
        "/api/huisverboden/" + zaaknummer + "/bereikbaarheid",
        "{\"adres\": \"" + "x".repeat(301) + "\", \"vastgelegdOp\": \"2027-04-23T10:00:01+02:00\"}");
    ResponseEntity<String> zonderAdres = api.stuur("agent", HttpMethod.PUT,
        "/api/huisverboden/" + zaaknummer + "/bereikbaarheid", "{\"vastgelegdOp\": \"gisteren\"}");

    assertThat(antwoord.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json(antwoord).get("detail").asText()).isEqualTo("De bereikbaarheid bevat 2 fouten.");
    assertThat(velden(json(antwoord))).containsExactly("adres", "vastgelegdOp");
    assertThat(zonderAdres.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(velden(json(zonderAdres))).containsExactly("adres", "vastgelegdOp");
    assertThat(jdbc.sql("select bereikbaarheid from huisverbod where zaaknummer = ?").params(zaaknummer)
        .query(String.class).optional()).isEmpty();
    assertThat(auditSoorten(zaaknummer)).isEmpty();
  }

  @Test
  @DisplayName("Bereikbaarheid: onbekende zaak 404; burgemeester en wijkteam 403")
  void bereikbaarheidAlleenVoorPolitieEnBekendeZaken() {
    String zaaknummer = HuisverbodTestDossier.leg(jdbc, INCIDENT);
    String body = "{\"adres\": \"Kerkstraat 5\"}";

    assertThat(api.stuur("agent", HttpMethod.PUT, "/api/huisverboden/HV-1999-000001/bereikbaarheid", body)
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(api.stuur("burgemeester", HttpMethod.PUT, "/api/huisverboden/" + zaaknummer + "/bereikbaarheid",
        body).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(api.stuur("wijkteam", HttpMethod.PUT, "/api/huisverboden/" + zaaknummer + "/bereikbaarheid",
        body).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(auditSoorten(zaaknummer)).isEmpty();
  }

  private List<String> auditSoorten(String zaaknummer) {
    return jdbc.sql("select soort from audit_gebeurtenis where zaaknummer = ? order by id").params(zaaknummer)
        .query(String.class).list();
  }

  private List<String> auditOmschrijvingen(String zaaknummer) {
    return jdbc.sql("select omschrijving from audit_gebeurtenis where zaaknummer = ? order by id")
        .params(zaaknummer).query(String.class).list();
  }

  private static List<String> velden(JsonNode probleem) {
    return java.util.stream.StreamSupport.stream(probleem.get("errors").spliterator(), false)
        .map(f -> f.get("field").asText()).toList();
  }
}
