package nl.hgkm.keten.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import nl.hgkm.keten.support.KetenIntegratieTest;
import nl.hgkm.keten.support.TestKlok;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Tenant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The auditor's replay through its JSON API (contract §6): one timeline across every process instance of a finished
 * huisverbod and the Veilig Thuis case it informed, the decision trail, the read-access log, the export, and who is
 * refused what. The case is made once for the class ({@link AfgerondHuisverbod}); each test reads it.
 */
@KetenIntegratieTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditReplayIT {

  @Autowired ProcessEngine engine;
  @Autowired IdentityService identityService;
  @Autowired TestRestTemplate rest;

  private AfgerondHuisverbod.Zaak zaak;
  private final List<Runnable> opruimen = new ArrayList<>();

  /**
   * The case, made by the first test that needs it (inside a test, where process test coverage records it; a
   * {@code @BeforeAll} runs outside the coverage run).
   */
  @BeforeEach
  void zaak() throws Exception {
    if (zaak == null) {
      zaak = new AfgerondHuisverbod(engine, rest).maak("utrecht", "utrecht");
      TestKlok.terug();
    }
  }

  @AfterEach
  void klok() {
    TestKlok.terug();
    identityService.clearAuthentication();
  }

  @AfterAll
  void ruimOp() {
    opruimen.forEach(Runnable::run);
  }

  @Test
  @DisplayName("Eén tijdlijn over huisverbod, hulpaanbod, monitoring en de Veilig Thuis-zaak, in volgorde")
  void tijdlijnOverAlleProcessen() {
    JsonNode r = json(haal("auditor", "/api/audit/zaken/" + zaak.zaaknummer()), HttpStatus.OK);
    assertThat(r.get("zaaknummer").asText()).isEqualTo(zaak.zaaknummer());
    assertThat(waarden(r.get("processen"), "proces")).contains("huisverbod", "hulpaanbod", "monitoring", "melding");
    assertThat(waarden(r.get("gekoppeldeZaken"), "zaaknummer")).contains(zaak.vtZaaknummer());
    JsonNode huisverbod = vind(r.get("processen"), "proces", "huisverbod");
    assertThat(huisverbod.get("status").asText()).isEqualTo("AFGEROND");
    assertThat(huisverbod.get("huidig")).isEmpty();
    // the VT case the order opened still runs: its position is known
    JsonNode melding = vind(r.get("processen"), "proces", "melding");
    assertThat(melding.get("status").asText()).isEqualTo("LOPEND");
    assertThat(waarden(melding.get("huidig"), null)).isNotEmpty();
    // the call activity leads to the called process
    JsonNode hulpaanbod = vind(r.get("processen"), "proces", "hulpaanbod");
    assertThat(hulpaanbod.get("bovenliggendId").asText()).isEqualTo(zaak.processInstanceId());
    assertThat(hulpaanbod.get("aanroependeActiviteit").asText()).isEqualTo("Hulpaanbod");
    assertThat(waarden(huisverbod.get("paden"), "flowId")).isNotEmpty();
    assertThat(huisverbod.get("paden").get(0).get("afgeleid").asBoolean()).isTrue();

    JsonNode tijdlijn = r.get("tijdlijn");
    assertThat(waarden(tijdlijn, "soort")).contains("ACTIVITEIT", "TAAK", "BERICHT", "TIMER", "BUITENSYSTEEM",
        "INCIDENT", "BEWERKING", "BESLISSING");
    List<OffsetDateTime> tijden = stroom(tijdlijn).map(g -> OffsetDateTime.parse(g.get("tijdstip").asText())).toList();
    for (int i = 1; i < tijden.size(); i++) {
      assertThat(tijden.get(i)).as("regel %d in volgorde", i).isAfterOrEqualTo(tijden.get(i - 1));
    }
    // the decision to impose: candidate groups, who claimed and who completed, on time
    JsonNode besluit = regel(tijdlijn, "TAAK", "besluit-oplegging");
    assertThat(waarden(besluit.get("details").get("kandidaatGroepen"), null))
        .containsExactlyInAnyOrder("hulpofficier", "burgemeester");
    assertThat(besluit.get("details").get("geclaimdDoor").asText()).isEqualTo("burgemeester");
    assertThat(besluit.get("details").get("afgerondDoor").asText()).isEqualTo("burgemeester");
    assertThat(besluit.get("gebruiker").asText()).isEqualTo("burgemeester");
    // a first contact a day late: against its due date
    assertThat(stroom(tijdlijn).filter(g -> "eerste-contact".equals(g.path("activiteitId").asText()))
        .map(g -> g.get("details").get("termijn").asText())).contains("OP_TIJD", "TE_LAAT");
    // the police outage: every failed try, then success after the incident was resolved by the administrator
    JsonNode registratie = regel(tijdlijn, "BUITENSYSTEEM", "Taak_PolitieRegistreren");
    assertThat(registratie.get("details").get("systeem").asText()).isEqualTo("Politiesysteem");
    assertThat(registratie.get("details").get("uitkomst").asText()).isEqualTo("GESLAAGD");
    assertThat(registratie.get("details").get("mislukt").asInt()).isEqualTo(10);
    assertThat(registratie.get("details").get("verloop").get(0).get("melding").asText()).containsIgnoringCase("503");
    JsonNode incident = regel(tijdlijn, "INCIDENT", "Taak_PolitieRegistreren");
    assertThat(incident.get("details").get("status").asText()).isEqualTo("OPGELOST");
    assertThat(incident.get("details").get("hersteldDoor").asText()).isEqualTo("demo");
    assertThat(stroom(tijdlijn).filter(g -> "BEWERKING".equals(g.get("soort").asText()))
        .filter(g -> "demo".equals(g.path("gebruiker").asText()))
        .map(g -> g.get("details").get("operatie").asText())).contains("SetJobRetries");
    // the order of the story: imposed, extended, ended, monitored, reported anew
    assertThat(index(tijdlijn, "TAAK", "besluit-oplegging")).isLessThan(index(tijdlijn, "TIMER", "Timer_Evaluatie"));
    assertThat(index(tijdlijn, "TIMER", "Timer_Evaluatie")).isLessThan(index(tijdlijn, "TAAK", "besluit-verlenging"));
    assertThat(index(tijdlijn, "TAAK", "besluit-verlenging")).isLessThan(index(tijdlijn, "TIMER", "Timer_HuisverbodEindigt"));
    assertThat(index(tijdlijn, "TIMER", "Timer_HuisverbodEindigt")).isLessThan(index(tijdlijn, "TAAK", "monitoring-moment"));
    assertThat(regel(tijdlijn, "TIMER", "Timer_HuisverbodEindigt").get("details").get("gepland").asText())
        .startsWith("2027-05-21T10:00");
    // the police report is a message from the intake, and the case's audit trail is in the timeline too
    assertThat(stroom(tijdlijn).filter(g -> "audit_gebeurtenis".equals(g.get("bron").asText()))).isNotEmpty();
  }

  @Test
  @DisplayName("Het beslisspoor: RiHG-advies en verlenging met invoer, uitvoer, geraakte regel, bron en versie")
  void beslisspoor() {
    JsonNode r = json(haal("auditor", "/api/audit/zaken/" + zaak.zaaknummer()), HttpStatus.OK);
    JsonNode rihg = vind(r.get("beslissingen"), "beslissing", "rihg-huisverbod-advies");
    assertThat(rihg.get("versie").asInt()).isPositive();
    assertThat(rihg.get("definitieId").asText()).startsWith("rihg-huisverbod-advies:");
    assertThat(waarden(rihg.get("uitvoer"), "waarde")).contains("HUISVERBOD_IN_BEGINSEL");
    assertThat(rihg.get("regels")).hasSize(1);
    // the rule's annotation is its legal source: here the RiHG instrument, source [S20] of the domain notes
    assertThat(rihg.get("regels").get(0).get("annotatie").asText()).contains("RiHG", "[S20]");
    assertThat(waarden(rihg.get("invoer"), "label")).isNotEmpty();
    // evaluated through the DecisionService by the task listener that guards the extension: the engine links it
    // to the execution it ran in, so it belongs to the case as well
    JsonNode verlenging = vind(r.get("beslissingen"), "beslissing", "huisverbod-verlenging");
    assertThat(verlenging.get("processInstanceId").asText()).isEqualTo(zaak.processInstanceId());
    assertThat(waarden(verlenging.get("uitvoer"), "waarde")).containsExactly("VERLENGING_TOEGESTAAN");
    assertThat(verlenging.get("regels").get(0).get("annotatie").asText()).isNotBlank();
    // the table version used can be drawn: its XML comes from the repository
    ResponseEntity<String> xml = haal("auditor", "/api/audit/modellen/beslissing/" + rihg.get("definitieId").asText());
    assertThat(xml.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(xml.getBody()).contains(rihg.get("regels").get(0).get("id").asText());
    ResponseEntity<String> bpmn = haal("auditor", "/api/audit/modellen/proces/"
        + vind(r.get("processen"), "proces", "huisverbod").get("definitieId").asText());
    assertThat(bpmn.getBody()).contains("besluit-oplegging");
  }

  @Test
  @DisplayName("Het inzagelog: elke opening van dossier, document en reconstructie, ook een geweigerde")
  void inzagelog() {
    assertThat(haal("burgemeester", "/api/huisverboden/" + zaak.zaaknummer()).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(haal("wijkteam", "/api/huisverboden/" + zaak.zaaknummer()).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(haal("medewerker", "/api/zaken/" + zaak.vtZaaknummer()).getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode r = json(haal("auditor", "/api/audit/zaken/" + zaak.zaaknummer()), HttpStatus.OK);
    JsonNode inzage = r.get("inzage");
    JsonNode laatste = inzage.get(inzage.size() - 1);
    assertThat(laatste.get("gebruiker").asText()).isEqualTo("auditor");
    assertThat(laatste.get("rollen").asText()).isEqualTo("auditor");
    assertThat(laatste.get("wat").asText()).isEqualTo("Reconstructie (JSON)");
    assertThat(laatste.get("uitkomst").asText()).isEqualTo("GETOOND");
    assertThat(laatste.get("adres").asText()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
    assertThat(stroom(inzage).filter(i -> "burgemeester".equals(i.get("gebruiker").asText()))
        .map(i -> i.get("wat").asText() + "/" + i.get("uitkomst").asText())).contains("Dossier huisverbod/GETOOND");
    assertThat(stroom(inzage).filter(i -> "wijkteam".equals(i.get("gebruiker").asText()))
        .map(i -> i.get("uitkomst").asText())).contains("GEWEIGERD");
    // the linked VT case's file was opened too: it is part of this replay's log
    assertThat(stroom(inzage).filter(i -> "medewerker".equals(i.get("gebruiker").asText()))
        .map(i -> i.get("wat").asText())).contains("Dossier Veilig Thuis");
  }

  @Test
  @DisplayName("Export: één zelfstandig HTML-document met wanneer en door wie, zelf gelogd")
  void export() {
    ResponseEntity<String> export = haal("auditor", "/api/audit/zaken/" + zaak.zaaknummer() + "/export");
    assertThat(export.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(export.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
    assertThat(export.getHeaders().getContentDisposition().getFilename())
        .isEqualTo("reconstructie-" + zaak.zaaknummer() + ".html");
    assertThat(export.getBody()).contains("<html lang=\"nl\">", "Reconstructie van zaak " + zaak.zaaknummer(),
        "door <strong>auditor</strong>", "Politiesysteem", "Wth", "Inzage")
        .doesNotContain("<script", "<link", "src=\"http");
    JsonNode r = json(haal("auditor", "/api/audit/zaken/" + zaak.zaaknummer()), HttpStatus.OK);
    assertThat(waarden(r.get("inzage"), "wat")).contains("Export van de reconstructie (HTML)");
  }

  @ParameterizedTest(name = "{0}: 403")
  @ValueSource(strings = {"intake", "medewerker", "arts", "agent", "hovj", "burgemeester", "wijkteam",
      "professional", "demo"})
  @DisplayName("Andere rollen: 403 op de JSON en op de pagina")
  void andereRollenGeweigerd(String gebruiker) {
    ResponseEntity<String> api = haal(gebruiker, "/api/audit/zaken/" + zaak.zaaknummer());
    assertThat(api.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(api.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    assertThat(api.getBody()).contains("auditors en teamleiders");
    ResponseEntity<String> pagina = haal(gebruiker, "/audit/zaken/" + zaak.zaaknummer());
    assertThat(pagina.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(pagina.getBody()).contains("lang=\"nl\"", "Geen toegang");
    assertThat(haal(gebruiker, "/api/audit/zaken?zaaknummer=HV").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  @DisplayName("Zonder inloggen: 401 op de JSON, de browser naar het inlogformulier")
  void anoniem() {
    ResponseEntity<String> api = rest.getForEntity("/api/audit/zaken/" + zaak.zaaknummer(), String.class);
    assertThat(api.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(api.getBody()).contains("Inloggen vereist");
    // the test client follows the redirect, as a browser does: it lands on the Dutch login form
    ResponseEntity<String> pagina = rest.getForEntity("/audit/zaken/" + zaak.zaaknummer(), String.class);
    assertThat(pagina.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(pagina.getBody()).contains("lang=\"nl\"", "<h1>Inloggen</h1>", "Gebruikersnaam", "Wachtwoord",
        "_csrf").doesNotContain(zaak.zaaknummer());
  }

  @Test
  @DisplayName("Een teamleider ziet de zaken van de eigen regio (tenant), een andere regio is 'niet gevonden'")
  void teamleiderPerRegio() throws Exception {
    lidVanRegio("teamleider", "utrecht");
    assertThat(haal("teamleider", "/api/audit/zaken/" + zaak.zaaknummer()).getStatusCode()).isEqualTo(HttpStatus.OK);
    AfgerondHuisverbod.Zaak elders = new AfgerondHuisverbod(engine, rest).maak("haaglanden", "den-haag");
    TestKlok.terug();
    ResponseEntity<String> ander = haal("teamleider", "/api/audit/zaken/" + elders.zaaknummer());
    assertThat(ander.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(json(haal("teamleider", "/api/audit/zaken?zaaknummer=HV"), HttpStatus.OK).get("zaken"))
        .allSatisfy(z -> assertThat(z.get("regio").asText()).isEqualTo("utrecht"));
    JsonNode log = json(haal("auditor", "/api/audit/zaken/" + elders.zaaknummer()), HttpStatus.OK).get("inzage");
    assertThat(stroom(log).filter(i -> "teamleider".equals(i.get("gebruiker").asText()))
        .map(i -> i.get("uitkomst").asText())).containsExactly("GEWEIGERD");
  }

  @Test
  @DisplayName("Onbekend of misvormd zaaknummer: duidelijke Nederlandse melding, JSON en pagina")
  void slechteInvoer() {
    ResponseEntity<String> misvormd = haal("auditor", "/api/audit/zaken/HV-12");
    assertThat(misvormd.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(misvormd.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    assertThat(misvormd.getBody()).contains("Ongeldig zaaknummer", "HV-2027-000123");
    ResponseEntity<String> onbekend = haal("auditor", "/api/audit/zaken/VT-2099-999999");
    assertThat(onbekend.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(onbekend.getBody()).contains("Zaak niet gevonden", "VT-2099-999999");
    ResponseEntity<String> pagina = haal("auditor", "/audit/zaken/VT-2099-999999");
    assertThat(pagina.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(pagina.getBody()).contains("lang=\"nl\"", "Zaak niet gevonden");
    ResponseEntity<String> zoek = haal("auditor", "/api/audit/zaken?van=gisteren&termijnGemist=misschien");
    assertThat(zoek.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(zoek.getBody()).contains("\"field\":\"van\"", "\"field\":\"termijnGemist\"");
  }

  @Test
  @DisplayName("Zoeken op zaaknummer, regio, proces en gemiste termijn")
  void zoeken() {
    JsonNode gevonden = json(haal("auditor", "/api/audit/zaken?zaaknummer=" + zaak.zaaknummer()
        + "&regio=utrecht&proces=hulpaanbod&termijnGemist=true"), HttpStatus.OK);
    assertThat(waarden(gevonden.get("zaken"), "zaaknummer")).containsExactly(zaak.zaaknummer());
    JsonNode anderProces = json(haal("auditor", "/api/audit/zaken?zaaknummer=" + zaak.zaaknummer()
        + "&proces=radarsignaal"), HttpStatus.OK);
    assertThat(anderProces.get("zaken")).isEmpty();
    JsonNode andereRegio = json(haal("auditor", "/api/audit/zaken?zaaknummer=" + zaak.zaaknummer()
        + "&regio=amsterdam-amstelland"), HttpStatus.OK);
    assertThat(andereRegio.get("zaken")).isEmpty();
  }

  @Test
  @DisplayName("De beschermde melder blijft verborgen in de reconstructie en de export")
  void beschermdeMelderBlijftVerborgen() throws Exception {
    String naam = "Geheime Melder " + UUID.randomUUID().toString().substring(0, 6);
    ResponseEntity<String> melding = new AfgerondHuisverbod(engine, rest).post("intake", "/api/meldingen", """
        {"regio": "utrecht", "melder": {"type": "BURGER", "naam": "%s", "email": "geheim@example.org",
          "anoniemNaarGezin": true},
         "betrokkenen": [{"rol": "SLACHTOFFER", "naam": "B. %s", "geboortedatum": "1990-01-31"}],
         "signalen": {"kindStelselmatigGetuigeHG": true}, "omschrijving": "Geschreeuw bij de buren."}"""
        .formatted(naam, UUID.randomUUID().toString().substring(0, 6)));
    assertThat(melding.getStatusCode()).as(melding.getBody()).isEqualTo(HttpStatus.CREATED);
    String vt = AfgerondHuisverbod.JSON.readTree(melding.getBody()).get("zaaknummer").asText();
    ResponseEntity<String> replay = haal("auditor", "/api/audit/zaken/" + vt);
    assertThat(replay.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(replay.getBody()).doesNotContain(naam).doesNotContain("geheim@example.org");
    assertThat(haal("auditor", "/api/audit/zaken/" + vt + "/export").getBody()).doesNotContain(naam)
        .doesNotContain("geheim@example.org");
  }

  // ------------------------------------------------------------------ helpers

  private void lidVanRegio(String gebruiker, String regio) {
    boolean tenantNieuw = identityService.createTenantQuery().tenantId(regio).count() == 0;
    if (tenantNieuw) {
      Tenant tenant = identityService.newTenant(regio);
      tenant.setName(regio);
      identityService.saveTenant(tenant);
      opruimen.add(() -> identityService.deleteTenant(regio));
    }
    if (identityService.createTenantQuery().tenantId(regio).userMember(gebruiker).count() == 0) {
      identityService.createTenantUserMembership(regio, gebruiker);
      if (!tenantNieuw) {
        opruimen.add(() -> identityService.deleteTenantUserMembership(regio, gebruiker));
      }
    }
  }

  private ResponseEntity<String> haal(String gebruiker, String pad) {
    HttpHeaders headers = new HttpHeaders();
    headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.TEXT_HTML, MediaType.ALL));
    return rest.withBasicAuth(gebruiker, "demo").exchange(pad, HttpMethod.GET, new HttpEntity<>(headers),
        String.class);
  }

  private static JsonNode json(ResponseEntity<String> antwoord, HttpStatus verwacht) {
    assertThat(antwoord.getStatusCode()).as(antwoord.getBody()).isEqualTo(verwacht);
    try {
      return AfgerondHuisverbod.JSON.readTree(antwoord.getBody());
    } catch (Exception e) {
      throw new IllegalStateException(antwoord.getBody(), e);
    }
  }

  private static java.util.stream.Stream<JsonNode> stroom(JsonNode lijst) {
    return StreamSupport.stream(lijst.spliterator(), false);
  }

  private static List<String> waarden(JsonNode lijst, String veld) {
    return stroom(lijst).map(n -> veld == null ? n.asText() : n.path(veld).asText()).toList();
  }

  private static JsonNode vind(JsonNode lijst, String veld, String waarde) {
    return stroom(lijst).filter(n -> waarde.equals(n.path(veld).asText())).findFirst()
        .orElseThrow(() -> new AssertionError("geen " + veld + " = " + waarde + " in " + lijst));
  }

  private static JsonNode regel(JsonNode tijdlijn, String soort, String activiteitId) {
    return stroom(tijdlijn).filter(g -> soort.equals(g.get("soort").asText())
            && activiteitId.equals(g.path("activiteitId").asText())).findFirst()
        .orElseThrow(() -> new AssertionError("geen " + soort + " " + activiteitId));
  }

  private static int index(JsonNode tijdlijn, String soort, String activiteitId) {
    for (int i = 0; i < tijdlijn.size(); i++) {
      if (soort.equals(tijdlijn.get(i).get("soort").asText())
          && activiteitId.equals(tijdlijn.get(i).path("activiteitId").asText())) {
        return i;
      }
    }
    throw new AssertionError("niet in de tijdlijn: " + activiteitId);
  }
}
