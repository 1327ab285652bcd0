package nl.hgkm.keten.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import nl.hgkm.keten.engine.BeslissingEvaluaties;
import nl.hgkm.keten.engine.Beslistabelmotor;
import nl.hgkm.keten.kalender.Klok;
import nl.hgkm.keten.kalender.Werkdagenkalender;
import nl.hgkm.keten.support.TestKlok;
import nl.hgkm.keten.support.KetenIntegratieTest;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The decision what-if replay (contract §6, docs/wat-als.md) over real history ({@link RihgGeschiedenis}): seven
 * huisverboden proposed through the API with the clock set in February 2011, each evaluating
 * {@code rihg-huisverbod-advies} in its process; five in the period asked (7 to 11 February), one a minute before and
 * one a minute after it. Candidate tables are test resources
 * ({@code wat-als/*.dmn}): one that asks three red answers on the pleger instead of two (flips exactly the two cases
 * that leaned on rule E4a alone), one with a renamed input column, one with a changed column type, one malformed.
 */
@KetenIntegratieTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WatAlsIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SLEUTEL = "rihg-huisverbod-advies";
  private static final String PAD = "/api/audit/beslissingen/" + SLEUTEL + "/wat-als";
  private static final String PERIODE = "?van=2011-02-07&tot=2011-02-11";

  @Autowired ProcessEngine engine;
  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;
  @Autowired Beslistabelmotor motor;
  @Autowired BeslissingEvaluaties evaluaties;
  @Autowired Inzagelog inzagelog;
  @Autowired Werkdagenkalender kalender;
  @Autowired Klok klok;
  @Autowired WatAlsProperties standaard;

  /** Case name to zaaknummer. */
  private final Map<String, String> zaken = new LinkedHashMap<>();
  private int versie;

  @BeforeEach
  void zaken() {
    if (!zaken.isEmpty()) {
      return;
    }
    zaken.putAll(RihgGeschiedenis.maak(rest, java.time.LocalDate.of(2011, 2, 7)));
    versie = engine.getRepositoryService().createDecisionDefinitionQuery().decisionDefinitionKey(SLEUTEL)
        .latestVersion().singleResult().getVersion();
  }

  @AfterEach
  void klok() {
    TestKlok.terug();
  }

  @Test
  @DisplayName("Een strengere regel E4a: precies de twee zaken die alleen op E4a leunden, oud en nieuw naast elkaar")
  void kandidaatVeranderdEenRegel() {
    long gedeployd = aantalDefinities();
    JsonNode r = json(post("auditor", PAD + PERIODE, bestand("rihg-drie-rood-pleger.dmn")), HttpStatus.OK);

    assertThat(r.get("status").asText()).isEqualTo("KLAAR");
    assertThat(r.get("totaal").asLong()).isEqualTo(5);
    assertThat(r.get("gewijzigd").asLong()).isEqualTo(2);
    assertThat(r.get("ongewijzigd").asLong()).isEqualTo(3);
    assertThat(r.get("nietVergelijkbaar").asLong()).isZero();
    assertThat(stroom(r.get("wijzigingen")).map(w -> w.get("zaaknummer").asText()))
        .containsExactly(zaken.get("A"), zaken.get("E"));

    JsonNode a = r.get("wijzigingen").get(0);
    assertThat(a.get("versie").asInt()).isEqualTo(versie);
    assertThat(OffsetDateTime.parse(a.get("geevalueerdOp").asText()).toInstant())
        .isEqualTo(OffsetDateTime.parse("2011-02-07T00:00:00+01:00").toInstant());
    assertThat(a.get("oud").get("uitkomst").get(0).get("advies").asText()).isEqualTo("HUISVERBOD_IN_BEGINSEL");
    assertThat(a.get("oud").get("regels").get(0).get("id").asText()).isEqualTo("Regel_E4a_TweeRoodPleger");
    assertThat(a.get("oud").get("regels").get(0).get("nummer").asInt()).isEqualTo(4);
    assertThat(a.get("oud").get("regels").get(0).get("annotatie").asText()).contains("[S20]");
    assertThat(a.get("nieuw").get("uitkomst").get(0).get("advies").asText())
        .isEqualTo("HUISVERBOD_MOGELIJK_MOTIVERING_VEREIST");
    assertThat(a.get("nieuw").get("regels").get(0).get("id").asText()).isEqualTo("Regel_E5_OordeelErnstigGevaar");
    assertThat(invoer(a, "roodPleger")).isEqualTo("2");

    JsonNode e = r.get("wijzigingen").get(1);
    assertThat(e.get("oud").get("uitkomst").get(0).get("advies").asText()).isEqualTo("HUISVERBOD_IN_BEGINSEL");
    assertThat(e.get("nieuw").get("uitkomst").get(0).get("advies").asText()).isEqualTo("GEEN_HUISVERBOD");
    assertThat(e.get("nieuw").get("regels").get(0).get("nummer").asInt()).isEqualTo(8);

    // nothing deployed by a what-if run
    assertThat(aantalDefinities()).isEqualTo(gedeployd);
  }

  @Test
  @DisplayName("Een hernoemde invoerkolom: elke evaluatie gemeld per kolom, niets gegokt")
  void hernoemdeKolom() {
    JsonNode r = json(post("auditor", PAD + PERIODE, bestand("rihg-kolom-hernoemd.dmn")), HttpStatus.OK);
    assertThat(r.get("gewijzigd").asLong()).isZero();
    assertThat(r.get("ongewijzigd").asLong()).isZero();
    assertThat(r.get("nietVergelijkbaar").asLong()).isEqualTo(5);
    assertThat(stroom(r.get("nietVergelijkbareEvaluaties")).map(n -> n.get("zaaknummer").asText()))
        .containsExactly(zaken.get("A"), zaken.get("B"), zaken.get("C"), zaken.get("D"), zaken.get("E"));
    JsonNode kolom = r.get("nietVergelijkbareEvaluaties").get(0).get("kolommen");
    assertThat(kolom).hasSize(1);
    assertThat(kolom.get(0).get("kolom").asText()).isEqualTo("Score pleger (RiHG 2.0)");
    assertThat(kolom.get(0).get("expressie").asText()).isEqualTo("scorePleger");
    assertThat(kolom.get(0).get("probleem").asText()).isEqualTo("ONTBREEKT");
    assertThat(r.get("kolomProblemen")).hasSize(1);
    assertThat(r.get("kolomProblemen").get(0).get("aantal").asLong()).isEqualTo(5);
  }

  @Test
  @DisplayName("Een kolom van een ander type: gemeld als typefout van die kolom")
  void kolomVanAnderType() {
    JsonNode r = json(post("auditor", PAD + PERIODE, bestand("rihg-type-anders.dmn")), HttpStatus.OK);
    assertThat(r.get("nietVergelijkbaar").asLong()).isEqualTo(5);
    JsonNode kolom = r.get("nietVergelijkbareEvaluaties").get(0).get("kolommen").get(0);
    assertThat(kolom.get("expressie").asText()).isEqualTo("kindermishandeling");
    assertThat(kolom.get("probleem").asText()).isEqualTo("TYPE");
    assertThat(kolom.get("melding").asText()).contains("integer");
  }

  @Test
  @DisplayName("Een gedeployde versie als kandidaat (versie=N, zonder inhoud): de huidige verandert niets")
  void gedeploydeVersie() {
    JsonNode r = json(post("demo", PAD + PERIODE + "&versie=" + versie, null), HttpStatus.OK);
    assertThat(r.get("kandidaat").get("bron").asText()).isEqualTo("VERSIE");
    assertThat(r.get("totaal").asLong()).isEqualTo(5);
    assertThat(r.get("ongewijzigd").asLong()).isEqualTo(5);
    assertThat(r.get("gewijzigd").asLong()).isZero();

    JsonNode fout = json(post("auditor", PAD + PERIODE + "&versie=999", null), HttpStatus.BAD_REQUEST);
    assertThat(velden(fout)).containsExactly("versie");
  }

  @Test
  @DisplayName("In de achtergrond: 202 met de berekening, voortgang en uitkomst op haar adres, alleen voor wie haar startte")
  void inDeAchtergrond() {
    ResponseEntity<String> gestart = post("auditor", PAD + PERIODE + "&achtergrond=true",
        bestand("rihg-drie-rood-pleger.dmn"));
    JsonNode run = json(gestart, HttpStatus.ACCEPTED);
    String adres = gestart.getHeaders().getLocation().toString();
    assertThat(adres).isEqualTo("/api/audit/beslissingen/wat-als/" + run.get("id").asText());
    assertThat(run.get("totaal").asLong()).isEqualTo(5);

    JsonNode klaar = Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
        .until(() -> json(get("auditor", adres), HttpStatus.OK), n -> "KLAAR".equals(n.get("status").asText()));
    assertThat(klaar.get("procent").asInt()).isEqualTo(100);
    assertThat(klaar.get("verwerkt").asLong()).isEqualTo(5);
    assertThat(stroom(klaar.get("wijzigingen")).map(w -> w.get("zaaknummer").asText()))
        .containsExactly(zaken.get("A"), zaken.get("E"));
    assertThat(klaar.get("evaluatiesPerSeconde").asDouble()).isPositive();

    assertThat(get("demo", adres).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get("auditor", "/api/audit/beslissingen/wat-als/" + UUID.randomUUID()).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  @DisplayName("Elke run en elke getoonde zaak staan in het inzagelog")
  void inzagelog() {
    String run = json(post("auditor", PAD + PERIODE, bestand("rihg-drie-rood-pleger.dmn")), HttpStatus.OK)
        .get("id").asText();
    // the cases it showed (A and E changed), not the ones it only read
    assertThat(jdbc.sql("select zaaknummer from inzage_log where wat like :w and gebruiker = 'auditor'")
        .param("w", "Wat-als " + SLEUTEL + "%" + run + "%").query(String.class).list())
        .containsExactlyInAnyOrder(zaken.get("A"), zaken.get("E"));
    assertThat(jdbc.sql("select wat from inzage_log where zaaknummer = '(wat-als)' order by id desc")
        .query(String.class).list().get(0)).contains(SLEUTEL, "2011-02-07", "2011-02-11", "5 evaluaties");
  }

  @Test
  @DisplayName("Een misvormd DMN-bestand: 400 met de fout van de parser, niets gedeployd")
  void misvormdBestand() {
    long gedeployd = aantalDefinities();
    JsonNode r = json(post("auditor", PAD + PERIODE, bestand("rihg-kapot.dmn")), HttpStatus.BAD_REQUEST);
    assertThat(velden(r)).containsExactly("kandidaat");
    assertThat(r.get("errors").get(0).get("message").asText()).startsWith("Het bestand is geen geldige DMN");
    assertThat(aantalDefinities()).isEqualTo(gedeployd);
  }

  @Test
  @DisplayName("Een bestand zonder de gevraagde beslissing: 400 met de sleutels die het wel bevat")
  void bestandZonderSleutel() throws IOException {
    byte[] ander;
    try (InputStream in = getClass().getResourceAsStream("/decisions/acute-onveiligheid.dmn")) {
      ander = in.readAllBytes();
    }
    JsonNode r = json(post("auditor", PAD + PERIODE, ander), HttpStatus.BAD_REQUEST);
    assertThat(r.get("errors").get(0).get("message").asText()).contains("geen beslissing met sleutel '" + SLEUTEL
        + "'", "acute-onveiligheid");
  }

  @ParameterizedTest(name = "van={0} tot={1}: fout in {2}")
  @CsvSource({"2011-02-11, 2011-02-07, tot", ", 2011-02-07, van", "2011-02-31, 2011-03-01, van",
      "2011-02-07, gisteren, tot"})
  @DisplayName("Een ongeldige periode: 400 per veld")
  void ongeldigePeriode(String van, String tot, String veld) {
    String vraag = "?" + (van == null ? "" : "van=" + van + "&") + "tot=" + tot;
    JsonNode r = json(post("auditor", PAD + vraag, bestand("rihg-drie-rood-pleger.dmn")), HttpStatus.BAD_REQUEST);
    assertThat(velden(r)).containsExactly(veld);
  }

  @Test
  @DisplayName("Zonder kandidaat, of met bestand en versie tegelijk: 400")
  void kandidaatOntbreektOfDubbel() {
    assertThat(velden(json(post("auditor", PAD + PERIODE, null), HttpStatus.BAD_REQUEST)))
        .containsExactly("kandidaat");
    assertThat(velden(json(post("auditor", PAD + PERIODE + "&versie=1", bestand("rihg-drie-rood-pleger.dmn")),
        HttpStatus.BAD_REQUEST))).containsExactly("versie");
  }

  @Test
  @DisplayName("Een periode met meer evaluaties dan de grens: 400 met het aantal, niets berekend of gelogd")
  void periodeTeGroot() {
    // the same parts as the application's, with a bound of 4 evaluations instead of 260,000
    WatAlsProperties krap = new WatAlsProperties(4, standaard.directTot(), standaard.paginagrootte(),
        standaard.maximumGetoond(), standaard.maximumNietVergelijkbaar(), standaard.wachtrij(), standaard.bewaren());
    WatAls begrensd = new WatAls(motor, evaluaties, engine.getHistoryService(), engine.getRepositoryService(), krap,
        kalender, klok);
    try {
      long regels = jdbc.sql("select count(*) from inzage_log").query(Long.class).single();
      ResponseEntity<?> r = new WatAlsController(begrensd, motor, inzagelog, kalender).watAls(SLEUTEL, "2011-02-07",
          "2011-02-11", null, "false", bestand("rihg-drie-rood-pleger.dmn"),
          new UsernamePasswordAuthenticationToken("auditor", null, List.of(new SimpleGrantedAuthority("auditor"))));
      assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      ProblemDetail probleem = (ProblemDetail) r.getBody();
      assertThat(probleem.getTitle()).isEqualTo("Periode te groot");
      assertThat(probleem.getDetail()).contains("5 evaluaties", "hoogstens 4", "Kies een kortere periode");
      assertThat(jdbc.sql("select count(*) from inzage_log").query(Long.class).single()).isEqualTo(regels);
    } finally {
      begrensd.stop();
    }
  }

  @Test
  @DisplayName("Een onbekende beslissing: 404")
  void onbekendeBeslissing() {
    ResponseEntity<String> r = post("auditor", "/api/audit/beslissingen/bestaat-niet/wat-als" + PERIODE,
        bestand("rihg-drie-rood-pleger.dmn"));
    assertThat(r.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(r.getHeaders().getContentType().toString()).startsWith("application/problem+json");
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({"auditor, 200", "demo, 200", "teamleider, 403", "medewerker, 403", "burgemeester, 403"})
  @DisplayName("Alleen auditors en proceseigenaren (camunda-admin)")
  void toegangPerRol(String gebruiker, int status) {
    assertThat(post(gebruiker, PAD + PERIODE, bestand("rihg-drie-rood-pleger.dmn")).getStatusCode().value())
        .isEqualTo(status);
    assertThat(get(gebruiker, "/api/audit/beslissingen").getStatusCode().value()).isEqualTo(status);
  }

  @Test
  @DisplayName("Niet ingelogd: 401")
  void nietIngelogd() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_XML);
    ResponseEntity<String> r = rest.exchange(PAD + PERIODE, HttpMethod.POST,
        new HttpEntity<>(bestand("rihg-drie-rood-pleger.dmn"), headers), String.class);
    assertThat(r.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  @DisplayName("De lijst van beslissingen met hun versies, voor de keuze op de pagina")
  void beslissingenMetVersies() {
    JsonNode r = json(get("auditor", "/api/audit/beslissingen"), HttpStatus.OK);
    JsonNode rihg = stroom(r).filter(b -> SLEUTEL.equals(b.get("sleutel").asText())).findFirst().orElseThrow();
    assertThat(rihg.get("versies").get(0).get("versie").asInt()).isEqualTo(versie);
  }

  private long aantalDefinities() {
    return engine.getRepositoryService().createDecisionDefinitionQuery().count()
        + engine.getRepositoryService().createDeploymentQuery().count();
  }

  private byte[] bestand(String naam) {
    try (InputStream in = getClass().getResourceAsStream("/wat-als/" + naam)) {
      return in.readAllBytes();
    } catch (IOException fout) {
      throw new IllegalStateException(naam, fout);
    }
  }

  private ResponseEntity<String> post(String gebruiker, String pad, byte[] inhoud) {
    HttpHeaders headers = new HttpHeaders();
    headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
    if (inhoud != null) {
      headers.setContentType(MediaType.APPLICATION_XML);
    }
    return rest.withBasicAuth(gebruiker, "demo").exchange(pad, HttpMethod.POST, new HttpEntity<>(inhoud, headers),
        String.class);
  }

  private ResponseEntity<String> get(String gebruiker, String pad) {
    HttpHeaders headers = new HttpHeaders();
    headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
    return rest.withBasicAuth(gebruiker, "demo").exchange(pad, HttpMethod.GET, new HttpEntity<>(headers),
        String.class);
  }

  private static JsonNode json(ResponseEntity<String> antwoord, HttpStatus verwacht) {
    assertThat(antwoord.getStatusCode()).as(antwoord.getBody()).isEqualTo(verwacht);
    try {
      return JSON.readTree(antwoord.getBody());
    } catch (IOException e) {
      throw new IllegalStateException(antwoord.getBody(), e);
    }
  }

  private static List<String> velden(JsonNode probleem) {
    return stroom(probleem.get("errors")).map(f -> f.get("field").asText()).toList();
  }

  private static String invoer(JsonNode wijziging, String expressie) {
    return stroom(wijziging.get("invoer")).filter(i -> expressie.equals(i.get("expressie").asText())).findFirst()
        .orElseThrow().get("waarde").asText();
  }

  private static java.util.stream.Stream<JsonNode> stroom(JsonNode lijst) {
    return StreamSupport.stream(lijst.spliterator(), false);
  }
}
