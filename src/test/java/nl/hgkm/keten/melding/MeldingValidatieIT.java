package nl.hgkm.keten.melding;

import static nl.hgkm.keten.melding.TestMeldingen.geldig;
import static nl.hgkm.keten.melding.TestMeldingen.lees;
import static nl.hgkm.keten.melding.TestMeldingen.persoon;
import static nl.hgkm.keten.melding.TestMeldingen.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import nl.hgkm.keten.support.KetenIntegratieTest;
import nl.hgkm.keten.support.TestKlok;
import nl.hgkm.keten.zaak.TestBsn;
import nl.hgkm.keten.zaak.TestGebruikers;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * POST /api/meldingen refuses what contract §5 does not allow: 400 application/problem+json with every field error at
 * once, and nothing stored or started. Also who may call it (401/403).
 */
@KetenIntegratieTest
class MeldingValidatieIT {

  static final ZoneId AMSTERDAM_TIJD = ZoneId.of("Europe/Amsterdam");

  @Autowired TestRestTemplate http;
  @Autowired JdbcClient jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;

  @BeforeAll
  static void gebruikers(@Autowired IdentityService identityService) {
    TestGebruikers.zorgVoorAlle(identityService);
  }

  static Stream<Arguments> ongeldigeVelden() {
    return Stream.of(
        fout("externeReferentie te lang", m -> m.put("externeReferentie", "R".repeat(101)),
            "externeReferentie", "hoogstens 100 tekens"),
        fout("externeReferentie geen tekst", m -> m.put("externeReferentie", 123),
            "externeReferentie", "moet tekst zijn"),
        fout("externeReferentie leeg", m -> m.put("externeReferentie", "  "), "externeReferentie", "niet leeg"),
        fout("ontvangenOp geen ISO-8601", m -> m.put("ontvangenOp", "23-04-2027 10:00"), "ontvangenOp", "ISO-8601"),
        fout("ontvangenOp zonder offset", m -> m.put("ontvangenOp", "2020-04-23T10:00:00"), "ontvangenOp",
            "met tijdzone"),
        fout("ontvangenOp in de toekomst", m -> m.put("ontvangenOp", TestKlok.nu(AMSTERDAM_TIJD).plusHours(1)
            .toString()), "ontvangenOp", "niet in de toekomst"),
        fout("regio ontbreekt", m -> m.remove("regio"), "regio", "is verplicht"),
        fout("regio onbekend", m -> m.put("regio", "atlantis"), "regio", "kies uit: amsterdam-amstelland, brabant-noord"),
        fout("melder ontbreekt", m -> m.remove("melder"), "melder", "is verplicht"),
        fout("melder geen object", m -> m.put("melder", "Team Centrum"), "melder", "moet een object zijn"),
        fout("melder.type ontbreekt", m -> melder(m).remove("type"), "melder.type", "is verplicht"),
        fout("melder.type onbekend", m -> melder(m).put("type", "BUURMAN"), "melder.type",
            "PROFESSIONAL, BURGER, POLITIE, INFORMANT_ARTS"),
        fout("melder.naam ontbreekt", m -> melder(m).remove("naam"), "melder.naam", "identiteit van de melder"),
        fout("melder.naam leeg, ook bij anonimiteit", m -> melder(m).put("naam", " ").put("anoniemNaarGezin", true),
            "melder.naam", "is verplicht"),
        fout("melder.email ongeldig", m -> melder(m).put("email", "centrum-at-example.org"), "melder.email",
            "geen geldig e-mailadres"),
        fout("melder.anoniemNaarGezin geen boolean", m -> melder(m).put("anoniemNaarGezin", "ja"),
            "melder.anoniemNaarGezin", "true of false"),
        fout("betrokkenen ontbreken", m -> m.remove("betrokkenen"), "betrokkenen", "minstens één"),
        fout("betrokkenen leeg", m -> m.putArray("betrokkenen"), "betrokkenen", "minstens één"),
        fout("betrokkenen geen lijst", m -> m.putObject("betrokkenen").put("naam", "A"), "betrokkenen",
            "moet een lijst"),
        fout("betrokkene geen object", m -> m.withArray("betrokkenen").add("A. Jansen"), "betrokkenen[1]",
            "moet een object"),
        fout("rol onbekend", m -> eerste(m).put("rol", "BUURMAN"), "betrokkenen[0].rol",
            "SLACHTOFFER, PLEGER, KIND, OVERIG"),
        fout("rol ontbreekt", m -> eerste(m).remove("rol"), "betrokkenen[0].rol", "is verplicht"),
        fout("naam betrokkene ontbreekt", m -> eerste(m).remove("naam"), "betrokkenen[0].naam", "is verplicht"),
        fout("geboortedatum ongeldig", m -> eerste(m).put("geboortedatum", "31-01-1990"),
            "betrokkenen[0].geboortedatum", "jjjj-mm-dd"),
        fout("geboortedatum in de toekomst", m -> eerste(m).put("geboortedatum",
            TestKlok.nu(AMSTERDAM_TIJD).toLocalDate().plusDays(2).toString()), "betrokkenen[0].geboortedatum",
            "niet in de toekomst"),
        fout("bsn acht cijfers", m -> eerste(m).put("bsn", "11122233"), "betrokkenen[0].bsn", "9 cijfers"),
        fout("bsn zonder elfproef", m -> eerste(m).put("bsn", "111222334"), "betrokkenen[0].bsn", "elfproef"),
        fout("bsn als getal", m -> eerste(m).put("bsn", 111222333), "betrokkenen[0].bsn", "moet tekst zijn"),
        fout("bsn van de tweede betrokkene", m -> m.withArray("betrokkenen")
            .add(persoon("KIND", "Kind " + UUID.randomUUID(), "2019-03-01", "123456789")),
            "betrokkenen[1].bsn", "elfproef"),
        fout("signaal onbekend", m -> signalen(m).put("slaatDeDeurDicht", true), "signalen.slaatDeDeurDicht",
            "geen bekend signaal"),
        fout("signaal geen boolean", m -> signalen(m).put("directLevensgevaar", "ja"), "signalen.directLevensgevaar",
            "true of false"),
        fout("signalen geen object", m -> m.putArray("signalen").add("directLevensgevaar"), "signalen",
            "moet een object"),
        fout("omschrijving te lang", m -> m.put("omschrijving", "x".repeat(10_001)), "omschrijving",
            "hoogstens 10.000 tekens"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ongeldigeVelden")
  void eenOngeldigVeldWordtGeweigerd(String geval, Consumer<ObjectNode> aanpassing, String veld, String melding) {
    ObjectNode body = geldig(TestKlok.nu(AMSTERDAM_TIJD).minusHours(1));
    aanpassing.accept(body);

    List<JsonNode> fouten = fouten(post(http, TestGebruikers.INTAKE, body));

    assertThat(fouten).hasSize(1);
    assertThat(fouten.get(0).path("field").asText()).isEqualTo(veld);
    assertThat(fouten.get(0).path("message").asText()).contains(melding);
  }

  @Test
  void alleFoutenKomenTegelijk() {
    ObjectNode body = geldig(TestKlok.nu(AMSTERDAM_TIJD).minusHours(1));
    body.put("ontvangenOp", "gisteren");
    body.put("regio", "atlantis");
    melder(body).put("type", "BUURMAN").remove("naam");
    melder(body).put("email", "geen adres");
    eerste(body).put("bsn", "111222334");
    body.withArray("betrokkenen").add(persoon("KIND", " ", "2090-01-01", null));
    signalen(body).put("onbekend", true).put("mensenhandel", 1);
    body.put("omschrijving", "x".repeat(10_001));

    List<JsonNode> fouten = fouten(post(http, TestGebruikers.INTAKE, body));

    assertThat(fouten).extracting(f -> f.path("field").asText()).containsExactlyInAnyOrder(
        "ontvangenOp", "regio", "melder.type", "melder.naam", "melder.email", "betrokkenen[0].bsn",
        "betrokkenen[1].naam", "betrokkenen[1].geboortedatum", "signalen.onbekend", "signalen.mensenhandel",
        "omschrijving");
    assertThat(fouten).allSatisfy(f -> assertThat(f.path("message").asText()).isNotBlank());
  }

  @Test
  void geenGeldigeJsonIsOokEenProbleem() {
    ResponseEntity<String> kapot = post(http, TestGebruikers.INTAKE, "{\"regio\": \"utrecht\", ");
    assertProbleem(kapot);
    assertThat(lees(kapot.getBody()).path("detail").asText()).contains("geen geldige JSON");

    assertProbleem(post(http, TestGebruikers.INTAKE, "[1, 2, 3]"));
    assertProbleem(post(http, TestGebruikers.INTAKE, "\"melding\""));

    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    assertProbleem(http.withBasicAuth(TestGebruikers.INTAKE, TestGebruikers.WACHTWOORD)
        .postForEntity("/api/meldingen", new HttpEntity<>("", headers), String.class));
  }

  @Test
  void eenGeweigerdeMeldingSlaatNietsOpEnStartNiets() {
    String referentie = "WEIGERING-" + UUID.randomUUID();
    Map<String, Integer> tabellenVoor = TestMeldingen.tabelTellingen(jdbc);
    Integer tellerVoor = TestMeldingen.tellerStand(jdbc);
    long lopendVoor = runtimeService.createProcessInstanceQuery().count();
    long historieVoor = historyService.createHistoricProcessInstanceQuery().count();

    ObjectNode body = geldig(TestKlok.nu(AMSTERDAM_TIJD).minusHours(1));
    body.put("externeReferentie", referentie);
    eerste(body).put("bsn", "111222334");
    for (int keer = 0; keer < 2; keer++) {
      // Twice: a refusal is not an answer to remember under the reference.
      assertThat(post(http, TestGebruikers.INTAKE, body).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    assertThat(TestMeldingen.tabelTellingen(jdbc)).isEqualTo(tabellenVoor);
    assertThat(TestMeldingen.tellerStand(jdbc)).isEqualTo(tellerVoor);
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(lopendVoor);
    assertThat(historyService.createHistoricProcessInstanceQuery().count()).isEqualTo(historieVoor);
  }

  @Test
  void zonderGeldigeInloggegevens401() {
    ObjectNode body = geldig(TestKlok.nu(AMSTERDAM_TIJD).minusHours(1));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);

    ResponseEntity<String> zonder = http.postForEntity("/api/meldingen", new HttpEntity<>(body.toString(), headers),
        String.class);
    ResponseEntity<String> fout = http.withBasicAuth(TestGebruikers.VERKEERD_WACHTWOORD, "verkeerd")
        .postForEntity("/api/meldingen", new HttpEntity<>(body.toString(), headers), String.class);

    for (ResponseEntity<String> antwoord : List.of(zonder, fout)) {
      assertThat(antwoord.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
      assertThat(antwoord.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    }
  }

  @Test
  void andereGroepenDanIntakeEnPolitie403() {
    ObjectNode body = geldig(TestKlok.nu(AMSTERDAM_TIJD).minusHours(1));
    for (String gebruiker : List.of(TestGebruikers.WIJKTEAM, TestGebruikers.MEDEWERKER, TestGebruikers.AUDITOR)) {
      ResponseEntity<String> antwoord = post(http, gebruiker, body);
      assertThat(antwoord.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(antwoord.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    }
  }

  private static Arguments fout(String geval, Consumer<ObjectNode> aanpassing, String veld, String melding) {
    return arguments(geval, aanpassing, veld, melding);
  }

  private static ObjectNode melder(ObjectNode melding) {
    return (ObjectNode) melding.get("melder");
  }

  private static ObjectNode eerste(ObjectNode melding) {
    return (ObjectNode) melding.withArray("betrokkenen").get(0);
  }

  private static ObjectNode signalen(ObjectNode melding) {
    return (ObjectNode) melding.get("signalen");
  }

  private static List<JsonNode> fouten(ResponseEntity<String> antwoord) {
    JsonNode probleem = assertProbleem(antwoord);
    assertThat(probleem.path("title").asText()).isEqualTo("Ongeldige melding");
    List<JsonNode> fouten = new ArrayList<>();
    probleem.path("errors").forEach(fouten::add);
    return fouten;
  }

  private static JsonNode assertProbleem(ResponseEntity<String> antwoord) {
    assertThat(antwoord.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(antwoord.getHeaders().getContentType()).isNotNull();
    assertThat(antwoord.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    JsonNode probleem = lees(antwoord.getBody());
    assertThat(probleem.path("status").asInt()).isEqualTo(400);
    return probleem;
  }
}
