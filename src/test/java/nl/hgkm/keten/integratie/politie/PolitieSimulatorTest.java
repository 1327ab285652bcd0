package nl.hgkm.keten.integratie.politie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import nl.hgkm.keten.integratie.DemoSimulator;
import nl.hgkm.keten.integratie.IntegratieProperties;
import nl.hgkm.keten.integratie.IntegratieProperties.Koppeling;
import nl.hgkm.keten.integratie.KoppelingMisluktException;
import nl.hgkm.keten.integratie.Persoon;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/**
 * The demo police simulator, started directly on a free port: it understands the adapter, checks credentials and
 * honours the Idempotency-Key.
 */
class PolitieSimulatorTest {

  private static final String ZAAK = "HV-2099-000001";
  private static final PolitieSysteem.HuisverbodRegistratie REGISTRATIE = new PolitieSysteem.HuisverbodRegistratie(
      ZAAK, "Amsterdam", "Damstraat 1, 1012 JL Amsterdam",
      new Persoon("PLEGER", "P. Pleger", LocalDate.of(1980, 1, 31), "111222333"),
      List.of(new Persoon("SLACHTOFFER", "A. Achterblijver", null, null)),
      Instant.parse("2026-03-25T10:45:00Z"), Instant.parse("2026-04-04T09:45:00Z"), "BURGEMEESTER");

  private final PolitieSimulator simulator = new PolitieSimulator(0, "keten-hgkm", "demo");
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private PolitieSysteem politie;

  @BeforeEach
  void start() throws IOException {
    simulator.start();
    politie = adapter("demo");
  }

  @AfterEach
  void stop() {
    simulator.stop();
  }

  @Test
  @DisplayName("Alle vijf aanroepen van de adapter worden geaccepteerd, elk met een eigen soort id")
  void begrijptDeAdapter() {
    assertThat(politie.registreerHuisverbod(REGISTRATIE, "k1")).matches("POL-HV-\\d{4}-000001");
    assertThat(politie.vraagUitreikingAan(new PolitieSysteem.Uitreiking(ZAAK, 7, "Beschikking", "tekst"), "k2"))
        .matches("UITR-\\d{4}-000001");
    politie.registreerVerlenging(new PolitieSysteem.Verlenging(ZAAK, Instant.parse("2026-04-22T09:45:00Z")), "k3");
    assertThat(politie.meldOvertreding(new PolitieSysteem.Overtreding(ZAAK, Instant.parse("2026-03-27T20:15:00Z"),
        "bij de woning"), "k4")).matches("PV-\\d{4}-000001");
    politie.meldEinde(new PolitieSysteem.Einde(ZAAK, Instant.parse("2026-04-22T09:45:00Z"), "VERLOPEN"), "k5");

    assertThat(simulator.ontvangen()).extracting(DemoSimulator.Ontvangen::soort)
        .containsExactly("HUISVERBOD", "UITREIKING", "VERLENGING", "OVERTREDING", "BEEINDIGING");
    JsonNode registratie = simulator.ontvangen().get(0).inhoud();
    assertThat(registratie.path("uithuisgeplaatste").path("geboortedatum").asText()).isEqualTo("1980-01-31");
    assertThat(registratie.path("contactverbod").get(0).path("naam").asText()).isEqualTo("A. Achterblijver");
    assertThat(simulator.ontvangen().get(4).pad()).isEqualTo("/api/v1/huisverboden/" + ZAAK + "/beeindigingen");
  }

  @Test
  @DisplayName("Dezelfde Idempotency-Key: het eerste antwoord opnieuw, niets nieuws aangemaakt")
  void zelfdeSleutelMaaktNietsNieuws() {
    String eerste = politie.registreerHuisverbod(REGISTRATIE, "HV-2099-000001.Taak.1");
    String herhaling = politie.registreerHuisverbod(REGISTRATIE, "HV-2099-000001.Taak.1");
    String ander = politie.registreerHuisverbod(REGISTRATIE, "HV-2099-000001.Taak.2");

    assertThat(herhaling).isEqualTo(eerste);
    assertThat(ander).isNotEqualTo(eerste);
    assertThat(simulator.ontvangen()).extracting(DemoSimulator.Ontvangen::idempotencyKey)
        .containsExactly("HV-2099-000001.Taak.1", "HV-2099-000001.Taak.2");
  }

  @Test
  @DisplayName("Dezelfde Idempotency-Key op een andere resource: 422")
  void zelfdeSleutelAndereResource() throws Exception {
    politie.registreerHuisverbod(REGISTRATIE, "sleutel");

    HttpResponse<String> antwoord = post("/api/v1/huisverboden/" + ZAAK + "/verlengingen", "sleutel",
        "{\"eindigtOp\": \"2026-04-22T09:45:00Z\"}", true);

    assertThat(antwoord.statusCode()).isEqualTo(422);
    assertThat(simulator.ontvangen()).hasSize(1);
  }

  @Test
  @DisplayName("Dezelfde Idempotency-Key met een andere inhoud: 422, geen herhaling maar een ander verzoek")
  void zelfdeSleutelAndereInhoud() throws Exception {
    String eerste = politie.registreerHuisverbod(REGISTRATIE, "sleutel");

    ObjectNode anders = (ObjectNode) simulator.ontvangen().get(0).inhoud().deepCopy();
    anders.put("gemeente", "Utrecht");
    HttpResponse<String> ander = post("/api/v1/huisverboden", "sleutel", anders.toString(), true);

    assertThat(ander.statusCode()).isEqualTo(422);
    assertThat(ander.body()).contains("andere inhoud");
    assertThat(simulator.ontvangen()).hasSize(1);
    // The real repeat still gets the first answer.
    assertThat(politie.registreerHuisverbod(REGISTRATIE, "sleutel")).isEqualTo(eerste);
  }

  @Test
  @DisplayName("Verkeerd wachtwoord of geen Basic-auth: 401, niets aangemaakt")
  void controleertAuthenticatie() throws Exception {
    assertThatThrownBy(() -> adapter("fout").registreerHuisverbod(REGISTRATIE, "k1"))
        .isInstanceOfSatisfying(KoppelingMisluktException.class,
            fout -> assertThat(fout.httpStatus()).isEqualTo(401));

    HttpResponse<String> zonder = post("/api/v1/huisverboden", "k2", "{}", false);
    assertThat(zonder.statusCode()).isEqualTo(401);
    assertThat(zonder.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(w -> assertThat(w)
        .startsWith("Basic"));
    assertThat(simulator.ontvangen()).isEmpty();
  }

  @Test
  @DisplayName("Zonder Idempotency-Key of zonder verplichte velden: 400")
  void weigertOnvolledigeVerzoeken() throws Exception {
    assertThat(post("/api/v1/huisverboden", null, "{}", true).statusCode())
        .isEqualTo(400);

    HttpResponse<String> leeg = post("/api/v1/huisverboden", "k1", "{\"zaaknummer\": \"" + ZAAK + "\"}", true);
    assertThat(leeg.statusCode()).isEqualTo(400);
    assertThat(json.readTree(leeg.body()).path("detail").asText())
        .contains("gemeente", "woning", "uithuisgeplaatste", "opgelegdOp", "eindigtOp", "opgelegdDoor");
    assertThat(simulator.ontvangen()).isEmpty();
  }

  @Test
  @DisplayName("GET /api/v1/ontvangen toont wat de simulator ontving")
  void toontWatHijOntving() throws Exception {
    String id = politie.meldOvertreding(new PolitieSysteem.Overtreding(ZAAK, Instant.parse("2026-03-27T20:15:00Z"),
        "bij de woning"), "k1");

    HttpResponse<String> lijst = http.send(HttpRequest.newBuilder(uri(DemoSimulator.ONTVANGEN))
        .header("Authorization", basic("demo")).GET().build(), HttpResponse.BodyHandlers.ofString());

    assertThat(lijst.statusCode()).isEqualTo(200);
    JsonNode ontvangen = json.readTree(lijst.body());
    assertThat(ontvangen).hasSize(1);
    assertThat(ontvangen.get(0).path("id").asText()).isEqualTo(id);
    assertThat(ontvangen.get(0).path("soort").asText()).isEqualTo("OVERTREDING");
    assertThat(ontvangen.get(0).path("idempotencyKey").asText()).isEqualTo("k1");
    assertThat(ontvangen.get(0).path("inhoud").path("omschrijving").asText()).isEqualTo("bij de woning");
  }

  private PolitieSysteem adapter(String wachtwoord) {
    Koppeling koppeling = new Koppeling(uri(""), "keten-hgkm", wachtwoord, Duration.ofSeconds(1),
        Duration.ofSeconds(2));
    return new PolitieHttpAdapter(new IntegratieProperties(koppeling, null), RestClient.builder());
  }

  private HttpResponse<String> post(String pad, String sleutel, String body, boolean metAuth) throws Exception {
    HttpRequest.Builder verzoek = HttpRequest.newBuilder(uri(pad)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (sleutel != null) {
      verzoek.header("Idempotency-Key", sleutel);
    }
    if (metAuth) {
      verzoek.header("Authorization", basic("demo"));
    }
    return http.send(verzoek.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String pad) {
    return URI.create("http://localhost:" + simulator.poort() + pad);
  }

  private static String basic(String wachtwoord) {
    return "Basic " + Base64.getEncoder().encodeToString(("keten-hgkm:" + wachtwoord)
        .getBytes(StandardCharsets.UTF_8));
  }
}
