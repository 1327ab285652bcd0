package nl.hgkm.keten.regio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import nl.hgkm.keten.support.KetenIntegratieTest;
import nl.hgkm.keten.support.TestIdentiteit;
import nl.hgkm.keten.support.TestKlok;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The visibility matrix of issue 9: every role, in each of two regions (Utrecht, Haaglanden), on every surface that
 * shows a case (the engine REST API behind Tasklist and Cockpit: tasks, task forms, process instances, variables,
 * history of activities, tasks, variables and decisions, user operations, jobs, incidents, statistics; the domain
 * APIs {@code /api/zaken}, {@code /api/huisverboden} and its documents), reads 0 items of the other region's cases.
 * Positive controls make sure each role does see its own region where its rights reach, so that an empty answer is
 * not the test's own emptiness. Runs on H2 and, with the rest of the suite, on PostgreSQL.
 */
@KetenIntegratieTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ZichtbaarheidPerRegioIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final OffsetDateTime NU = OffsetDateTime.parse("2027-04-23T10:00:00+02:00");
  private static final String WACHTWOORD = "demo";
  private static final List<String> REGIOS = List.of("utrecht", "haaglanden");
  /** Every role that works cases, by group id. */
  private static final List<String> ROLLEN = List.of("vt-intake", "vt-medewerker", "vt-teamleider",
      "vertrouwensarts", "politie", "hulpofficier", "burgemeester", "wijkteam", "auditor");
  /** Who may open a Veilig Thuis case file at all (the wijkteam: only cases it had a task in). */
  private static final Set<String> VT_DOSSIER = Set.of("vt-intake", "vt-medewerker", "vt-teamleider",
      "vertrouwensarts", "auditor", "wijkteam");
  private static final Set<String> HV_DOSSIER = Set.of("politie", "hulpofficier", "burgemeester", "auditor",
      "vt-intake", "vt-medewerker", "vt-teamleider", "vertrouwensarts");
  private static final String ZONDER_REGIO = "zr-zonder-regio";

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired RepositoryService repositoryService;
  @Autowired JdbcClient jdbc;

  /** Per region: its melding, its huisverbod, a document of the huisverbod, a task of each. */
  private final Map<String, Zaken> zaken = new LinkedHashMap<>();
  private final List<String> gebruikers = new ArrayList<>();

  record Zaken(String melding, String meldingPi, String meldingTaak, String huisverbod, String huisverbodPi,
      String huisverbodTaak, long document) {}

  @BeforeAll
  void gebruikers() {
    for (String rol : ROLLEN) {
      for (String regio : REGIOS) {
        gebruiker(gebruikerId(rol, regio), rol, regio);
      }
    }
    gebruiker(ZONDER_REGIO, "vt-medewerker", null);
  }

  /** Once, in the first test (process test coverage records cases only inside a test). */
  @BeforeEach
  void tweeRegios() throws Exception {
    if (zaken.isEmpty()) {
      ClockUtil.setCurrentTime(Date.from(NU.toInstant()));
      zaken.put("utrecht", zaken("utrecht", "utrecht"));
      zaken.put("haaglanden", zaken("haaglanden", "den-haag"));
      TestKlok.terug();
    }
  }

  @AfterAll
  void ruimOp() {
    gebruikers.forEach(identityService::deleteUser);
    TestKlok.terug();
  }

  static Stream<Arguments> rollenEnRegios() {
    return ROLLEN.stream().flatMap(rol -> REGIOS.stream().map(regio -> Arguments.of(rol, regio)));
  }

  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("rollenEnRegios")
  @DisplayName("Engine REST (Tasklist, Cockpit): niets van de andere regio")
  void engineRestToontGeenAndereRegio(String rol, String regio) {
    String gebruiker = gebruikerId(rol, regio);
    Zaken ander = zaken.get(andere(regio));
    for (String pi : List.of(ander.meldingPi(), ander.huisverbodPi())) {
      for (String pad : List.of(
          "/engine-rest/task?processInstanceId=" + pi,
          "/engine-rest/history/task?processInstanceId=" + pi,
          "/engine-rest/process-instance?processInstanceIds=" + pi,
          "/engine-rest/history/process-instance?processInstanceId=" + pi,
          "/engine-rest/history/activity-instance?processInstanceId=" + pi,
          "/engine-rest/variable-instance?processInstanceIdIn=" + pi,
          "/engine-rest/history/variable-instance?processInstanceId=" + pi,
          "/engine-rest/history/detail?processInstanceId=" + pi,
          "/engine-rest/history/decision-instance?processInstanceId=" + pi,
          "/engine-rest/history/user-operation?processInstanceId=" + pi,
          "/engine-rest/job?processInstanceId=" + pi,
          "/engine-rest/incident?processInstanceId=" + pi,
          "/engine-rest/history/incident?processInstanceId=" + pi,
          "/engine-rest/history/job-log?processInstanceId=" + pi,
          "/engine-rest/process-instance/" + pi,
          "/engine-rest/process-instance/" + pi + "/variables",
          "/engine-rest/history/process-instance/" + pi)) {
        nietsGelezen(gebruiker, pad);
      }
    }
    for (String taak : List.of(ander.meldingTaak(), ander.huisverbodTaak())) {
      nietsGelezen(gebruiker, "/engine-rest/task/" + taak);
      nietsGelezen(gebruiker, "/engine-rest/task/" + taak + "/form-variables");
      nietsGelezen(gebruiker, "/engine-rest/task/" + taak + "/variables");
      nietsGelezen(gebruiker, "/engine-rest/history/task?taskId=" + taak);
    }
    // Decisions evaluated outside a process (intake, radar) carry the region as well.
    nietsGelezen(gebruiker, "/engine-rest/history/decision-instance?tenantIdIn=" + andere(regio));
    nietsGelezen(gebruiker, "/engine-rest/history/user-operation?entityType=Job&operationType=SetJobRetries"
        + "&processInstanceId=" + ander.meldingPi());
  }

  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("rollenEnRegios")
  @DisplayName("Cockpit-statistieken tellen alleen de eigen regio")
  void statistiekenTellenAlleenDeEigenRegio(String rol, String regio) throws Exception {
    String definitie = repositoryService.createProcessDefinitionQuery().processDefinitionKey("melding")
        .latestVersion().singleResult().getId();
    long eigen = runtimeService.createProcessInstanceQuery().processDefinitionId(definitie).tenantIdIn(regio)
        .count();
    ResponseEntity<String> antwoord = haal(gebruikerId(rol, regio), "/engine-rest/process-definition/statistics");
    if (!antwoord.getStatusCode().is2xxSuccessful()) {
      return;
    }
    for (JsonNode regel : JSON.readTree(antwoord.getBody())) {
      if (definitie.equals(regel.path("id").asText())) {
        assertThat(regel.path("instances").asLong()).as(rol + " in " + regio).isLessThanOrEqualTo(eigen);
        if (rol.equals("vt-teamleider")) {
          assertThat(regel.path("instances").asLong()).isEqualTo(eigen);
        }
      }
    }
  }

  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("rollenEnRegios")
  @DisplayName("Domein-API's: een zaak van de andere regio is 404 (niet 403) en staat als geweigerd in het inzagelog")
  void domeinApiAndereRegioIsNietGevonden(String rol, String regio) {
    String gebruiker = gebruikerId(rol, regio);
    Zaken ander = zaken.get(andere(regio));
    Map<String, Boolean> paden = new LinkedHashMap<>();
    paden.put("/api/zaken/" + ander.melding(), VT_DOSSIER.contains(rol));
    paden.put("/api/huisverboden/" + ander.huisverbod(), HV_DOSSIER.contains(rol));
    paden.put("/api/huisverboden/" + ander.huisverbod() + "/documenten/" + ander.document(), HV_DOSSIER.contains(rol));
    paden.forEach((pad, groepMag) -> {
      String zaaknummer = pad.split("/")[3];
      long logVoor = weigeringen(zaaknummer, gebruiker);
      ResponseEntity<String> antwoord = haal(gebruiker, pad);
      assertThat(antwoord.getStatusCode().value()).as(rol + " in " + regio + ": " + pad)
          .isEqualTo(groepMag ? 404 : 403);
      assertThat(antwoord.getBody()).doesNotContain(ander.melding().equals(zaaknummer) ? "meldingen" : "personen");
      if (groepMag) {
        assertThat(weigeringen(zaaknummer, gebruiker)).as("inzagelog " + pad).isEqualTo(logVoor + 1);
      }
    });
  }

  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("rollenEnRegios")
  @DisplayName("Controle: elke rol ziet de eigen regio waar haar rechten reiken")
  void eigenRegioWelZichtbaar(String rol, String regio) throws Exception {
    String gebruiker = gebruikerId(rol, regio);
    Zaken eigen = zaken.get(regio);
    if (VT_DOSSIER.contains(rol) && !rol.equals("wijkteam")) {
      assertThat(haal(gebruiker, "/api/zaken/" + eigen.melding()).getStatusCode()).isEqualTo(HttpStatus.OK);
    }
    if (HV_DOSSIER.contains(rol)) {
      assertThat(haal(gebruiker, "/api/huisverboden/" + eigen.huisverbod()).getStatusCode())
          .isEqualTo(HttpStatus.OK);
    }
    switch (rol) {
      case "vt-medewerker" -> assertThat(lijst(gebruiker, "/engine-rest/task?processInstanceId=" + eigen.meldingPi()))
          .isNotEmpty();
      case "hulpofficier", "burgemeester" -> assertThat(lijst(gebruiker, "/engine-rest/task?processInstanceId="
          + eigen.huisverbodPi())).isNotEmpty();
      case "auditor" -> {
        assertThat(lijst(gebruiker, "/engine-rest/history/activity-instance?processInstanceId=" + eigen.meldingPi()))
            .isNotEmpty();
        assertThat(lijst(gebruiker, "/engine-rest/history/incident?processInstanceId=" + eigen.meldingPi()))
            .isNotEmpty();
        assertThat(lijst(gebruiker, "/engine-rest/history/user-operation?processInstanceId=" + eigen.meldingPi()))
            .isNotEmpty();
        assertThat(lijst(gebruiker, "/engine-rest/history/decision-instance?tenantIdIn=" + regio)).isNotEmpty();
      }
      case "vt-teamleider" -> assertThat(lijst(gebruiker, "/engine-rest/process-instance?processInstanceIds="
          + eigen.meldingPi())).isNotEmpty();
      default -> { }
    }
  }

  @Test
  @DisplayName("Zonder regio: geen enkele zaak, en de domein-API zegt waarom")
  void zonderRegioZieJeNiets() throws Exception {
    for (Zaken z : zaken.values()) {
      assertThat(lijst(ZONDER_REGIO, "/engine-rest/task?processInstanceId=" + z.meldingPi())).isEmpty();
      nietsGelezen(ZONDER_REGIO, "/engine-rest/task/" + z.meldingTaak());
      ResponseEntity<String> dossier = haal(ZONDER_REGIO, "/api/zaken/" + z.melding());
      assertThat(dossier.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      JsonNode probleem = JSON.readTree(dossier.getBody());
      assertThat(probleem.path("title").asText()).isEqualTo("Geen regio");
      assertThat(probleem.path("detail").asText()).contains("geen enkele Veilig Thuis-regio lid");
      assertThat(dossier.getBody()).doesNotContain(z.melding() + " bestaat");
    }
    // The same answer for a zaaknummer that does not exist: nothing is confirmed.
    ResponseEntity<String> onbekend = haal(ZONDER_REGIO, "/api/zaken/VT-2027-999998");
    assertThat(onbekend.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(JSON.readTree(onbekend.getBody()).path("title").asText()).isEqualTo("Geen regio");
  }

  // ------------------------------------------------------------------ helpers

  private void nietsGelezen(String gebruiker, String pad) {
    ResponseEntity<String> antwoord = haal(gebruiker, pad);
    if (antwoord.getStatusCode().is2xxSuccessful()) {
      JsonNode inhoud;
      try {
        inhoud = JSON.readTree(antwoord.getBody());
      } catch (Exception e) {
        throw new AssertionError(gebruiker + " " + pad + ": geen JSON: " + antwoord.getBody(), e);
      }
      assertThat(inhoud.isArray()).as(gebruiker + " las " + pad + ": " + antwoord.getBody()).isTrue();
      assertThat(inhoud).as(gebruiker + " las " + pad).isEmpty();
    } else {
      assertThat(antwoord.getStatusCode().is4xxClientError()).as(gebruiker + " " + pad + ": "
          + antwoord.getStatusCode()).isTrue();
    }
  }

  private JsonNode lijst(String gebruiker, String pad) throws Exception {
    ResponseEntity<String> antwoord = haal(gebruiker, pad);
    assertThat(antwoord.getStatusCode()).as(gebruiker + " " + pad + ": " + antwoord.getBody())
        .isEqualTo(HttpStatus.OK);
    return JSON.readTree(antwoord.getBody());
  }

  private ResponseEntity<String> haal(String gebruiker, String pad) {
    HttpHeaders headers = new HttpHeaders();
    headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.ALL));
    return rest.withBasicAuth(gebruiker, WACHTWOORD).exchange(pad, HttpMethod.GET, new HttpEntity<>(headers),
        String.class);
  }

  private long weigeringen(String zaaknummer, String gebruiker) {
    return jdbc.sql("select count(*) from inzage_log where zaaknummer = ? and gebruiker = ? and uitkomst = 'GEWEIGERD'")
        .params(zaaknummer, gebruiker).query(Long.class).single();
  }

  private static String andere(String regio) {
    return regio.equals("utrecht") ? "haaglanden" : "utrecht";
  }

  private static String gebruikerId(String rol, String regio) {
    return "zr-" + rol + "-" + regio;
  }

  private void gebruiker(String id, String groep, String regio) {
    if (identityService.createUserQuery().userId(id).count() == 0) {
      User gebruiker = identityService.newUser(id);
      gebruiker.setFirstName(id);
      gebruiker.setLastName("Zichtbaarheid");
      gebruiker.setPassword(WACHTWOORD);
      identityService.saveUser(gebruiker);
      gebruikers.add(id);
    }
    if (identityService.createUserQuery().userId(id).memberOfGroup(groep).count() == 0) {
      identityService.createMembership(id, groep);
    }
    if (regio != null && identityService.createTenantQuery().tenantId(regio).userMember(id).count() == 0) {
      identityService.createTenantUserMembership(regio, id);
    }
  }

  /** A melding and a huisverbod in the region, each with an open task; a document; an incident; an operation log. */
  private Zaken zaken(String regio, String gemeente) throws Exception {
    JsonNode melding = post("intake", "/api/meldingen", """
        {"regio": "%s", "ontvangenOp": "%s",
         "melder": {"type": "POLITIE", "naam": "Team Centrum", "email": "centrum@example.org"},
         "betrokkenen": [{"rol": "SLACHTOFFER", "naam": "Zichtbaar %s", "geboortedatum": "1990-01-31"}],
         "signalen": {"kindStelselmatigGetuigeHG": true}, "omschrijving": "Matrix"}"""
        .formatted(regio, NU.minusHours(1), UUID.randomUUID()));
    String meldingPi = melding.get("processInstanceId").asText();
    String meldingTaak = taskService.createTaskQuery().processInstanceId(meldingPi)
        .taskDefinitionKey("veiligheidsbeoordeling").singleResult().getId();

    JsonNode huisverbod = post("agent", "/api/huisverboden", """
        {"regio": "%s", "gemeente": "%s", "incidentOp": "%s",
         "pleger": {"naam": "Pleger %s", "geboortedatum": "1985-06-01"},
         "achterblijvers": [{"naam": "Achterblijver", "geboortedatum": "1987-02-14", "rol": "SLACHTOFFER"}],
         "kindermishandeling": false,
         "rihg": {"roodPleger": 2, "roodIncident": 1, "roodGezin": 0,
                  "woontOfVerblijftNietIncidenteel": true, "ernstigOnmiddellijkGevaarOordeel": true},
         "feiten": "Matrix"}""".formatted(regio, gemeente, NU.minusHours(8), UUID.randomUUID()));
    String huisverbodPi = huisverbod.get("processInstanceId").asText();
    String hvZaak = huisverbod.get("zaaknummer").asText();
    String huisverbodTaak = taskService.createTaskQuery().processInstanceId(huisverbodPi)
        .taskDefinitionKey("besluit-oplegging").singleResult().getId();
    jdbc.sql("""
            insert into zaak_document (zaaknummer, soort, titel, inhoud, aangemaakt_op, aangemaakt_door)
            values (?, 'BRIEF', 'Brief', 'Tekst', ?, 'systeem')""")
        .params(hvZaak, OffsetDateTime.ofInstant(Instant.from(NU), ZoneOffset.UTC)).update();
    long document = jdbc.sql("select max(id) from zaak_document where zaaknummer = ?").params(hvZaak)
        .query(Long.class).single();

    // An incident, made by an administrator (so the user operation log has an entry of the case too).
    Job timer = managementService.createJobQuery().processInstanceId(meldingPi).timers().list().get(0);
    TestIdentiteit.alsGebruiker(identityService, "demo", List.of("camunda-admin"));
    try {
      managementService.setJobRetries(timer.getId(), 0);
    } finally {
      identityService.clearAuthentication();
    }
    return new Zaken(melding.get("zaaknummer").asText(), meldingPi, meldingTaak, hvZaak, huisverbodPi,
        huisverbodTaak, document);
  }

  private JsonNode post(String gebruiker, String pad, String body) throws Exception {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> antwoord = rest.withBasicAuth(gebruiker, WACHTWOORD).exchange(pad, HttpMethod.POST,
        new HttpEntity<>(body, headers), String.class);
    assertThat(antwoord.getStatusCode()).as(antwoord.getBody()).isEqualTo(HttpStatus.CREATED);
    return JSON.readTree(antwoord.getBody());
  }
}
