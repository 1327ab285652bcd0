package nl.hgkm.keten.integratie.register;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.BasicCredentials;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import nl.hgkm.keten.integratie.IntegratieProperties.Koppeling;
import nl.hgkm.keten.integratie.KoppelingMisluktException;
import nl.hgkm.keten.integratie.register.VeiligThuisRegister.Betrokkenheid;
import nl.hgkm.keten.integratie.register.VeiligThuisRegister.RegisterPersoon;
import nl.hgkm.keten.support.Buitensysteem;
import nl.hgkm.keten.support.Buitensystemen;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/** The register adapter against the register as a WireMock server: what it sends, what counts as an answer. */
class RegisterHttpAdapterTest {

  private static final BasicCredentials TESTGEBRUIKER = new BasicCredentials("keten-test", "test-register");
  private static final RegisterPersoon MET_BSN = RegisterPersoon.van("123456782", "A. Jansen",
      LocalDate.of(1990, 1, 31)).orElseThrow();
  private static final RegisterPersoon ZONDER_BSN = RegisterPersoon.van(null, "A. Jansen",
      LocalDate.of(1990, 1, 31)).orElseThrow();

  private final Buitensysteem register = Buitensystemen.register();
  private final VeiligThuisRegister adapter = adapter(register.url(), "test-register");

  @BeforeEach
  void reset() {
    register.reset();
  }

  @AfterEach
  void weerOp() {
    register.weerOp();
  }

  @Test
  @DisplayName("Raadpleging met BSN: alleen het BSN en de vragende regio gaan mee, Basic-auth en Idempotency-Key")
  void raadplegingMetBsnIsInhoudsloos() {
    VeiligThuisRegister.Raadpleging antwoord = adapter.raadpleeg(MET_BSN, "amsterdam-amstelland", "VT-1.Taak.7.42");

    assertThat(antwoord.id()).isEqualTo(Buitensystemen.REGISTER_RAADPLEGING_ID);
    assertThat(antwoord.betrokkenheden()).isEmpty();
    register.wiremock().verify(postRequestedFor(urlPathEqualTo("/api/v1/raadplegingen"))
        .withBasicAuth(TESTGEBRUIKER)
        .withHeader("Idempotency-Key", equalTo("VT-1.Taak.7.42"))
        .withHeader("Content-Type", equalTo("application/json"))
        .withRequestBody(equalToJson("{\"regio\": \"amsterdam-amstelland\", \"persoon\": {\"bsn\": \"123456782\"}}")));
  }

  @Test
  @DisplayName("Zonder BSN: naam en geboortedatum (yyyy-MM-dd)")
  void raadplegingZonderBsn() {
    adapter.raadpleeg(ZONDER_BSN, "utrecht", "k1");

    register.wiremock().verify(postRequestedFor(urlPathEqualTo("/api/v1/raadplegingen")).withRequestBody(
        equalToJson("{\"regio\": \"utrecht\", \"persoon\": {\"naam\": \"A. Jansen\", \"geboortedatum\": \"1990-01-31\"}}")));
  }

  @Test
  @DisplayName("Een treffer in een andere regio: regio, naam en of de betrokkenheid actueel is; onbekende velden tellen niet")
  void trefferInEenAndereRegio() {
    register.wiremock().stubFor(post(urlPathEqualTo("/api/v1/raadplegingen")).atPriority(1)
        .withRequestBody(matchingJsonPath("$.persoon.bsn", equalTo("123456782")))
        .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("""
            {"id": "RPL-9", "betrokkenheden": [
              {"regio": "rotterdam-rijnmond", "naam": "Veilig Thuis Rotterdam Rijnmond", "actueel": true,
               "sinds": "2026"},
              {"regio": "haaglanden", "naam": "Veilig Thuis Haaglanden", "actueel": false}]}""")));

    VeiligThuisRegister.Raadpleging antwoord = adapter.raadpleeg(MET_BSN, "amsterdam-amstelland", "k1");

    assertThat(antwoord.id()).isEqualTo("RPL-9");
    assertThat(antwoord.betrokkenheden()).containsExactly(
        new Betrokkenheid("rotterdam-rijnmond", "Veilig Thuis Rotterdam Rijnmond", true),
        new Betrokkenheid("haaglanden", "Veilig Thuis Haaglanden", false));
  }

  @Test
  @DisplayName("Registratie: regio, eigen referentie en persoon; het id van het register komt terug")
  void registreertBetrokkenheid() {
    String id = adapter.registreerBetrokkenheid(MET_BSN, "amsterdam-amstelland", "VT-2026-000123", "k2");

    assertThat(id).isEqualTo(Buitensystemen.REGISTER_BETROKKENHEID_ID);
    register.wiremock().verify(postRequestedFor(urlPathEqualTo("/api/v1/betrokkenheden"))
        .withBasicAuth(TESTGEBRUIKER)
        .withHeader("Idempotency-Key", equalTo("k2"))
        .withRequestBody(equalToJson("""
            {"regio": "amsterdam-amstelland", "referentie": "VT-2026-000123", "persoon": {"bsn": "123456782"}}""")));
  }

  @Test
  @DisplayName("409 met het oorspronkelijke antwoord: de raadpleging was al gedaan, dat is succes")
  void conflictMetOorspronkelijkAntwoordIsSucces() {
    register.antwoordt("/api/v1/raadplegingen", 409, "{\"id\": \"RPL-7\", \"betrokkenheden\": []}");

    assertThat(adapter.raadpleeg(MET_BSN, "utrecht", "k1").id()).isEqualTo("RPL-7");
  }

  @Test
  @DisplayName("Register plat (503): mislukt, de melding noemt register, aanroep en status")
  void registerPlat() {
    register.plat();

    assertThatThrownBy(() -> adapter.raadpleeg(MET_BSN, "utrecht", "k1"))
        .isInstanceOfSatisfying(KoppelingMisluktException.class, fout -> {
          assertThat(fout.httpStatus()).isEqualTo(503);
          assertThat(fout.getMessage()).contains("Veilig Thuis-register: aanroep raadpleeg mislukt met HTTP 503",
              "POST /api/v1/raadplegingen");
        });
  }

  @Test
  @DisplayName("Een foutantwoord dat het BSN herhaalt: de melding (log, job, incident) noemt het BSN niet")
  void foutantwoordMetBsnWordtGemaskeerd() {
    register.antwoordt("/api/v1/raadplegingen", 422,
        "{\"title\": \"Onbekende persoon\", \"detail\": \"bsn 123456782 niet gevonden\"}");

    assertThatThrownBy(() -> adapter.raadpleeg(MET_BSN, "utrecht", "k1"))
        .isInstanceOfSatisfying(KoppelingMisluktException.class, fout -> assertThat(fout.getMessage())
            .contains("HTTP 422", "bsn ********* niet gevonden").doesNotContain("123456782"));
  }

  @Test
  @DisplayName("Een succes met een onleesbaar antwoord is geen antwoord: mislukt")
  void onleesbaarAntwoordMislukt() {
    register.antwoordt("/api/v1/raadplegingen", 200, "geen json");

    assertThatThrownBy(() -> adapter.raadpleeg(MET_BSN, "utrecht", "k1"))
        .isInstanceOf(KoppelingMisluktException.class).hasMessageContaining("onleesbaar antwoord");
  }

  @Test
  @DisplayName("Een persoon zonder BSN en zonder naam met geboortedatum is niet te raadplegen; de log noemt niemand")
  void persoonZonderKenmerkenEnZonderLogregel() {
    assertThat(RegisterPersoon.van(null, "A. Jansen", null)).isEmpty();
    assertThat(RegisterPersoon.van(" ", null, LocalDate.of(1990, 1, 31))).isEmpty();
    assertThat(MET_BSN.naam()).isNull();
    assertThat(MET_BSN.toString()).doesNotContain("123456782");
    assertThat(ZONDER_BSN.toString()).doesNotContain("Jansen");
  }

  /** Generous timeouts: a cold WireMock on a busy build machine may take over a second to answer first. */
  private static VeiligThuisRegister adapter(String url, String wachtwoord) {
    Koppeling koppeling = new Koppeling(URI.create(url), "keten-test", wachtwoord, Duration.ofSeconds(5),
        Duration.ofSeconds(5));
    return new RegisterHttpAdapter(new RegisterProperties(koppeling), RestClient.builder());
  }
}
