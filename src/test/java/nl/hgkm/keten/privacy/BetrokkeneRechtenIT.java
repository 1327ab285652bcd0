package nl.hgkm.keten.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import nl.hgkm.keten.migratie.ModelMigratieIT;
import nl.hgkm.keten.migratie.Zaakrijder;
import nl.hgkm.keten.migratie.Zaakrijder.Stand;
import nl.hgkm.keten.migratie.Zaakrijder.Zaak;
import nl.hgkm.keten.support.Buitensystemen;
import nl.hgkm.keten.support.KetenIntegratieTest;
import nl.hgkm.keten.zaak.TestBsn;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
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
 * The data-subject rights API (AVG art. 15 and 17) as the privacy officer uses it: a person's file as a document,
 * every case read written to the read log; a destruction request carried out where the law allows and refused with
 * its reason where it does not, recorded either way.
 */
@KetenIntegratieTest
class BetrokkeneRechtenIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;
  @Autowired Persoonssleutels persoonssleutels;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;

  @AfterEach
  void klokTerug() {
    ClockUtil.reset();
    identityService.clearAuthentication();
  }

  // ------------------------------------------------------------------ art. 15

  @Test
  void inzageGeeftAllesOverDePersoonEnNietsVanAnderenEnStaatInHetLeeslog() throws Exception {
    String u = uniek();
    String bsn = TestBsn.nieuw();
    String naam = "Fenna Inzage" + u;
    String kind = "Kind Inzage" + u;
    String melder = "Beschermde Melder" + u;
    String zaak = meld(bsn, naam, kind, melder, true);

    ResponseEntity<String> antwoord = post("privacy", "/api/betrokkenen/inzage", "{\"bsn\": \"" + bsn + "\"}");

    assertThat(antwoord.getStatusCode().value()).as(antwoord.getBody()).isEqualTo(200);
    JsonNode document = JSON.readTree(antwoord.getBody());
    assertThat(document.path("persoonssleutels").get(0).asText()).isEqualTo(persoonssleutels.vanBsn(bsn));
    assertThat(document.path("zaken")).hasSize(1);
    JsonNode inZaak = document.path("zaken").get(0);
    assertThat(inZaak.path("zaaknummer").asText()).isEqualTo(zaak);
    assertThat(inZaak.path("lopend").asBoolean()).isTrue();
    assertThat(inZaak.path("persoonsgegevens").get(0).path("naam").asText()).isEqualTo(naam);
    assertThat(inZaak.path("persoonsgegevens").get(0).path("bsn").asText()).isEqualTo(bsn);
    assertThat(inZaak.path("meldingen").get(0).path("omschrijving").asText()).contains("ruzie");
    // One family file: the child's data and the protected reporter's identity belong to others.
    assertThat(antwoord.getBody()).doesNotContain(kind).doesNotContain(melder).contains("afgeschermd");
    assertThat(jdbc.sql("select count(*) from inzage_log where zaaknummer = :z and gebruiker = 'privacy' "
            + "and wat like 'Inzage betrokkene%' and uitkomst = 'GETOOND'")
        .param("z", zaak).query(Long.class).single()).isOne();
    // Neither the BSN nor the name in the read log.
    assertThat(jdbc.sql("select count(*) from inzage_log where wat like :bsn or verzoek like :bsn or wat like :naam")
        .param("bsn", "%" + bsn + "%").param("naam", "%" + naam + "%").query(Long.class).single()).isZero();

    // The same as a printable page, for the person.
    HttpHeaders html = json();
    html.setAccept(List.of(MediaType.TEXT_HTML));
    ResponseEntity<String> pagina = rest.withBasicAuth("teamleider", "demo").exchange("/api/betrokkenen/inzage",
        HttpMethod.POST, new HttpEntity<>("{\"naam\": \"" + naam + "\", \"geboortedatum\": \"1990-02-03\", "
            + "\"bsn\": \"" + bsn + "\"}", html), String.class);
    assertThat(pagina.getStatusCode().value()).isEqualTo(200);
    assertThat(pagina.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
    assertThat(pagina.getBody()).contains("Inzage in uw gegevens", zaak, naam).doesNotContain(kind);

    // By key, for a person known by key only.
    ResponseEntity<String> opSleutel = rest.withBasicAuth("privacy", "demo")
        .getForEntity("/api/betrokkenen/" + persoonssleutels.vanBsn(bsn) + "/inzage", String.class);
    assertThat(JSON.readTree(opSleutel.getBody()).path("zaken").get(0).path("zaaknummer").asText()).isEqualTo(zaak);
  }

  @Test
  void inzageAlleenVoorPrivacyfunctionarisEnTeamleiderEnNooitEenBsnInHetAdres() throws Exception {
    String bsn = TestBsn.nieuw();
    assertThat(post("medewerker", "/api/betrokkenen/inzage", "{\"bsn\": \"" + bsn + "\"}").getStatusCode().value())
        .isEqualTo(403);
    assertThat(post("auditor", "/api/betrokkenen/inzage", "{\"bsn\": \"" + bsn + "\"}").getStatusCode().value())
        .isEqualTo(403);
    assertThat(rest.postForEntity("/api/betrokkenen/inzage", new HttpEntity<>("{}", json()), String.class)
        .getStatusCode().value()).isEqualTo(401);

    ResponseEntity<String> bsnInAdres = rest.withBasicAuth("privacy", "demo")
        .getForEntity("/api/betrokkenen/" + bsn + "/inzage", String.class);
    assertThat(bsnInAdres.getStatusCode().value()).isEqualTo(400);
    assertThat(bsnInAdres.getBody()).contains("een BSN hoort niet in een adres");

    ResponseEntity<String> fout = post("privacy", "/api/betrokkenen/inzage",
        "{\"bsn\": \"123456789\", \"naam\": \"Zonder Datum\"}");
    assertThat(fout.getStatusCode().value()).isEqualTo(400);
    assertThat(fout.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    assertThat(JSON.readTree(fout.getBody()).path("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder("bsn", "geboortedatum");

    ResponseEntity<String> niemand = post("privacy", "/api/betrokkenen/inzage", "{\"bsn\": \"" + bsn + "\"}");
    assertThat(niemand.getStatusCode().value()).isEqualTo(200);
    assertThat(JSON.readTree(niemand.getBody()).path("zaken")).isEmpty();
  }

  // ------------------------------------------------------------------ art. 17

  @Test
  void vernietigingWordtUitgevoerdInDeAfgeslotenZaakEnGeweigerdInDeLopende() throws Exception {
    String u = uniek();
    String bsn = TestBsn.nieuw();
    String naam = "Gerda Vernietig" + u;
    String afgesloten = meld(bsn, naam, null, "Buurman " + u, false);
    rijdAf(afgesloten);
    // Later a new melding about her: a new case, still running.
    String lopend = meld(bsn, naam, null, "Buurman " + u, false);
    assertThat(lopend).isNotEqualTo(afgesloten);
    String sleutel = persoonssleutels.vanBsn(bsn);
    assertThat(EngineTabellenScan.vondsten(dataSource, List.of(sleutel))).isNotEmpty();

    ResponseEntity<String> antwoord = post("privacy", "/api/betrokkenen/vernietigingsverzoeken", """
        {"betrokkene": {"bsn": "%s"}, "verzoeker": "De betrokkene zelf, per brief van 1 december",
         "toelichting": "Wil niet langer bij Veilig Thuis bekend zijn."}""".formatted(bsn));

    assertThat(antwoord.getStatusCode().value()).as(antwoord.getBody()).isEqualTo(201);
    JsonNode uitkomst = JSON.readTree(antwoord.getBody());
    assertThat(uitkomst.path("uitkomst").asText()).isEqualTo("DEELS_UITGEVOERD");
    JsonNode besluiten = uitkomst.path("besluiten");
    assertThat(besluiten).hasSize(2);
    assertThat(besluiten.get(0).path("zaaknummer").asText()).isEqualTo(afgesloten);
    assertThat(besluiten.get(0).path("besluit").asText()).isEqualTo("VERNIETIGD");
    assertThat(besluiten.get(0).path("grond").asText()).isEqualTo("GEEN_BEZWAAR");
    assertThat(besluiten.get(1).path("zaaknummer").asText()).isEqualTo(lopend);
    assertThat(besluiten.get(1).path("besluit").asText()).isEqualTo("GEWEIGERD");
    assertThat(besluiten.get(1).path("grond").asText()).isEqualTo("ZAAK_LOOPT");
    assertThat(uitkomst.path("antwoord").asText()).contains("gedeeltelijk ingewilligd", "loopt nog");

    // Carried out in the closed case: the case file no longer names her, and the engine no longer links the case.
    assertThat(jdbc.sql("select naam from betrokkene where zaaknummer = :z").param("z", afgesloten)
        .query(String.class).list()).containsExactly(BetrokkeneRechten.VERNIETIGD);
    assertThat(jdbc.sql("select count(*) from betrokkene where zaaknummer = :z and (bsn is not null or "
            + "geboortedatum is not null or persoonssleutel is not null)").param("z", afgesloten)
        .query(Long.class).single()).isZero();
    assertThat(EngineTabellenScan.vondsten(dataSource, List.of(sleutel))).isNotEmpty();
    assertThat(jdbc.sql("select count(*) from act_hi_varinst v join act_hi_procinst p on p.id_ = v.proc_inst_id_ "
            + "where p.business_key_ = :z and v.text_ like :s").param("z", afgesloten).param("s", "%" + sleutel + "%")
        .query(Long.class).single()).isZero();
    // Refused in the running case: nothing changed there.
    assertThat(jdbc.sql("select naam from betrokkene where zaaknummer = :z").param("z", lopend)
        .query(String.class).list()).containsExactly(naam);
    // Both written down in the case's audit trail, and the request with its answer is kept.
    assertThat(jdbc.sql("select soort from audit_gebeurtenis where zaaknummer in (:z) and soort like '%VERNIETIG%'")
        .param("z", List.of(afgesloten, lopend)).query(String.class).list())
        .containsExactlyInAnyOrder("PERSOONSGEGEVENS_VERNIETIGD", "VERNIETIGING_GEWEIGERD");
    ResponseEntity<String> vastgelegd = rest.withBasicAuth("privacy", "demo")
        .getForEntity("/api/betrokkenen/vernietigingsverzoeken/" + uitkomst.path("verzoekId").asLong(), String.class);
    assertThat(JSON.readTree(vastgelegd.getBody()).path("verzoeker").asText()).startsWith("De betrokkene zelf");
    assertThat(JSON.readTree(vastgelegd.getBody()).path("besluiten")).hasSize(2);
    assertThat(vastgelegd.getBody()).doesNotContain(bsn).doesNotContain(naam);
    // A team leader of another region is not told the request exists, as for another region's case.
    assertThat(rest.withBasicAuth("teamleider-haaglanden", "demo").getForEntity(
        "/api/betrokkenen/vernietigingsverzoeken/" + uitkomst.path("verzoekId").asLong(), String.class)
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(rest.withBasicAuth("teamleider", "demo").getForEntity(
        "/api/betrokkenen/vernietigingsverzoeken/" + uitkomst.path("verzoekId").asLong(), String.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void vernietigingGeweigerdAlsEenKindInDeZaakZitOfHetEenHuisverbodIs() throws Exception {
    String u = uniek();
    String bsn = TestBsn.nieuw();
    String metKind = meld(bsn, "Moeder Kindbelang" + u, "Dochter Kindbelang" + u, "Juf " + u, false);
    rijdAf(metKind);
    String huisverbod = huisverbodNietOpgelegd(bsn, "Moeder Kindbelang" + u);

    ResponseEntity<String> antwoord = post("teamleider", "/api/betrokkenen/vernietigingsverzoeken", """
        {"betrokkene": {"bsn": "%s"}, "verzoeker": "De betrokkene zelf, aan de balie"}""".formatted(bsn));

    assertThat(antwoord.getStatusCode().value()).as(antwoord.getBody()).isEqualTo(201);
    JsonNode uitkomst = JSON.readTree(antwoord.getBody());
    assertThat(uitkomst.path("uitkomst").asText()).isEqualTo("GEWEIGERD");
    assertThat(uitkomst.path("besluiten").findValuesAsText("grond"))
        .containsExactly("AANMERKELIJK_BELANG_ANDER", "BESCHIKKING_BURGEMEESTER");
    assertThat(uitkomst.path("besluiten").findValuesAsText("zaaknummer")).containsExactly(metKind, huisverbod);
    assertThat(uitkomst.path("antwoord").asText()).contains("aanmerkelijk belang", "Autoriteit Persoonsgegevens");
    assertThat(jdbc.sql("select count(*) from betrokkene where zaaknummer = :z and bsn = :bsn")
        .param("z", metKind).param("bsn", bsn).query(Long.class).single()).isOne();
  }

  @Test
  void eenOnvolledigVerzoekWordtGeweigerdEnNietVastgelegd() throws Exception {
    long voor = jdbc.sql("select count(*) from vernietigingsverzoek").query(Long.class).single();
    ResponseEntity<String> antwoord = post("privacy", "/api/betrokkenen/vernietigingsverzoeken",
        "{\"betrokkene\": {\"persoonssleutel\": \"ps-kort\"}}");
    assertThat(antwoord.getStatusCode().value()).isEqualTo(400);
    assertThat(JSON.readTree(antwoord.getBody()).path("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder("betrokkene.persoonssleutel", "verzoeker");
    assertThat(jdbc.sql("select count(*) from vernietigingsverzoek").query(Long.class).single()).isEqualTo(voor);

    ResponseEntity<String> niemand = post("privacy", "/api/betrokkenen/vernietigingsverzoeken",
        "{\"betrokkene\": {\"bsn\": \"" + TestBsn.nieuw() + "\"}, \"verzoeker\": \"Per brief\"}");
    assertThat(JSON.readTree(niemand.getBody()).path("uitkomst").asText()).isEqualTo("GEEN_GEGEVENS");
  }

  // ------------------------------------------------------------------ helpers

  private String meld(String bsn, String naam, String kind, String melder, boolean anoniem) throws Exception {
    String kindJson = kind == null ? "" : """
        , {"rol": "KIND", "naam": "%s", "geboortedatum": "2016-06-06"}""".formatted(kind);
    ResponseEntity<String> antwoord = post("intake", "/api/meldingen", """
        {"ontvangenOp": "%s", "regio": "utrecht",
         "melder": {"type": "BURGER", "naam": "%s", "email": "melder@example.org", "anoniemNaarGezin": %s},
         "betrokkenen": [{"rol": "SLACHTOFFER", "naam": "%s", "geboortedatum": "1990-02-03", "bsn": "%s"}%s],
         "signalen": {"kindStelselmatigGetuigeHG": true}, "omschrijving": "Buren horen ruzie."}"""
        .formatted(OffsetDateTime.now(ZoneId.of("Europe/Amsterdam")).minusMinutes(1), melder, anoniem, naam, bsn,
            kindJson));
    assertThat(antwoord.getStatusCode().value()).as(antwoord.getBody()).isEqualTo(201);
    return JSON.readTree(antwoord.getBody()).path("zaaknummer").asText();
  }

  private String huisverbodNietOpgelegd(String bsn, String naam) throws Exception {
    ResponseEntity<String> antwoord = post("agent", "/api/huisverboden", """
        {"regio": "utrecht", "gemeente": "utrecht", "incidentOp": "%s",
         "pleger": {"naam": "Pleger %s", "geboortedatum": "1980-01-01"},
         "achterblijvers": [{"naam": "%s", "geboortedatum": "1990-02-03", "bsn": "%s", "rol": "SLACHTOFFER"}],
         "kindermishandeling": false,
         "rihg": {"roodPleger": 0, "roodIncident": 1, "roodGezin": 0,
                  "woontOfVerblijftNietIncidenteel": true, "ernstigOnmiddellijkGevaarOordeel": false}}"""
        .formatted(OffsetDateTime.now(ZoneId.of("Europe/Amsterdam")).minusHours(2), uniek(), naam, bsn));
    assertThat(antwoord.getStatusCode().value()).as(antwoord.getBody()).isEqualTo(201);
    String zaaknummer = JSON.readTree(antwoord.getBody()).path("zaaknummer").asText();
    Zaak zaak = new Zaak("huisverbod", Set.of("huisverbod"));
    zaak.zaaknummer = zaaknummer;
    zaak.antwoord("besluit-oplegging", java.util.Map.of("besluit", "NIET_OPLEGGEN", "opgelegdDoor", "HULPOFFICIER",
        "_groep", "hulpofficier"));
    new Zaakrijder(runtimeService, taskService, managementService, identityService)
        .rijdTot(zaak, Stand::afgelopen, "het einde", ModelMigratieIT.ANTWOORDEN);
    return zaaknummer;
  }

  private void rijdAf(String zaaknummer) {
    Buitensystemen.reset();
    Zaak zaak = new Zaak("melding", Set.of("melding", "terugkoppeling", "monitoring", "registerraadpleging",
        "radarsignaal"));
    zaak.zaaknummer = zaaknummer;
    new Zaakrijder(runtimeService, taskService, managementService, identityService)
        .rijdTot(zaak, Stand::afgelopen, "het einde", ModelMigratieIT.ANTWOORDEN);
    ClockUtil.reset();
  }

  private ResponseEntity<String> post(String gebruiker, String pad, String body) {
    return rest.withBasicAuth(gebruiker, "demo").exchange(pad, HttpMethod.POST, new HttpEntity<>(body, json()),
        String.class);
  }

  private static HttpHeaders json() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setAccept(List.of(MediaType.APPLICATION_JSON));
    return headers;
  }

  private static String uniek() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
