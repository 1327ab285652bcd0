package nl.hgkm.keten.integratie.politie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.hgkm.keten.integratie.IntegratieProperties;
import nl.hgkm.keten.integratie.IntegratieProperties.Koppeling;
import nl.hgkm.keten.integratie.KoppelingMisluktException;
import nl.hgkm.keten.integratie.Persoon;
import nl.hgkm.keten.support.Buitensysteem;
import nl.hgkm.keten.support.Buitensystemen;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/** Which answers of the police system count as success, and what a failure says. WireMock as the police. */
class PolitieHttpAdapterTest {

  private static final String VERZOEK = "HV-2099-000001.Taak_Registreren.42";
  private static final PolitieSysteem.HuisverbodRegistratie REGISTRATIE = new PolitieSysteem.HuisverbodRegistratie(
      "HV-2099-000001", "Amsterdam", "Damstraat 1", new Persoon("PLEGER", "P. Pleger", null, null), List.of(),
      Instant.parse("2026-03-25T10:45:00Z"), Instant.parse("2026-04-04T09:45:00Z"), "HULPOFFICIER");

  private final Buitensysteem politie = Buitensystemen.politie();
  private final PolitieSysteem adapter = adapter(politie.url(), "test-politie");

  @BeforeEach
  void reset() {
    politie.reset();
  }

  @AfterEach
  void weerOp() {
    politie.weerOp();
  }

  @Test
  @DisplayName("409 met het oorspronkelijke id: de politie kende de Idempotency-Key al, dat is succes")
  void conflictMetOorspronkelijkIdIsSucces() {
    politie.antwoordt("/api/v1/huisverboden", 409, "{\"id\": \"POL-HV-2026-000007\"}");

    assertThat(adapter.registreerHuisverbod(REGISTRATIE, VERZOEK)).isEqualTo("POL-HV-2026-000007");
  }

  @Test
  @DisplayName("409 zonder id: mislukt, met status in de melding")
  void conflictZonderIdMislukt() {
    politie.antwoordt("/api/v1/huisverboden", 409, "{\"title\": \"Bestaat al\"}");

    assertThatThrownBy(() -> adapter.registreerHuisverbod(REGISTRATIE, VERZOEK))
        .isInstanceOfSatisfying(KoppelingMisluktException.class, fout -> {
          assertThat(fout.httpStatus()).isEqualTo(409);
          assertThat(fout.getMessage()).contains("Politiesysteem", "registreerHuisverbod", "HTTP 409",
              "zonder oorspronkelijk id", VERZOEK);
        });
  }

  @Test
  @DisplayName("400: mislukt, de melding noemt systeem, aanroep, status en de uitleg van de politie")
  void clientfoutMislukt() {
    politie.antwoordt("/api/v1/huisverboden/[^/]+/overtredingen", 400, "{\"detail\": \"omschrijving te lang\"}");

    assertThatThrownBy(() -> adapter.meldOvertreding(new PolitieSysteem.Overtreding("HV-2099-000001",
        Instant.parse("2026-03-27T20:15:00Z"), "x"), VERZOEK))
        .isInstanceOfSatisfying(KoppelingMisluktException.class, fout -> {
          assertThat(fout.httpStatus()).isEqualTo(400);
          assertThat(fout.aanroep()).isEqualTo("meldOvertreding");
          assertThat(fout.getMessage()).contains("Politiesysteem: aanroep meldOvertreding mislukt met HTTP 400",
              "POST /api/v1/huisverboden/HV-2099-000001/overtredingen", "omschrijving te lang");
        });
  }

  @Test
  @DisplayName("Verkeerd wachtwoord: geweigerd (hier WireMock's 404 zonder passende stub), een mislukking")
  void verkeerdeGegevensMislukken() {
    PolitieSysteem verkeerd = adapter(politie.url(), "fout");

    assertThatThrownBy(() -> verkeerd.registreerHuisverbod(REGISTRATIE, VERZOEK))
        .isInstanceOfSatisfying(KoppelingMisluktException.class,
            fout -> assertThat(fout.httpStatus()).isEqualTo(404));
    assertThat(politie.verzoeken("/api/v1/huisverboden")).singleElement()
        .satisfies(v -> assertThat(v.autorisatie()).startsWith("Basic "));
  }

  @Test
  @DisplayName("5xx: mislukt")
  void serverfoutMislukt() {
    politie.plat();

    assertThatThrownBy(() -> adapter.meldEinde(new PolitieSysteem.Einde("HV-2099-000001",
        Instant.parse("2026-04-04T09:45:00Z"), "VERLOPEN"), VERZOEK))
        .isInstanceOfSatisfying(KoppelingMisluktException.class, fout -> {
          assertThat(fout.httpStatus()).isEqualTo(503);
          assertThat(fout.getMessage()).contains("Politiesysteem: aanroep meldEinde mislukt met HTTP 503");
        });
  }

  @Test
  @DisplayName("Succes zonder id: goed voor een verlenging, een mislukking waar de politie een id moet geven")
  void succesZonderId() {
    politie.antwoordt("/api/v1/huisverboden(/[^/]+/verlengingen)?", 204, "");

    adapter.registreerVerlenging(new PolitieSysteem.Verlenging("HV-2099-000001",
        Instant.parse("2026-04-22T09:45:00Z")), VERZOEK);
    assertThatThrownBy(() -> adapter.registreerHuisverbod(REGISTRATIE, VERZOEK))
        .isInstanceOf(KoppelingMisluktException.class).hasMessageContaining("geen id");
  }

  @Test
  @DisplayName("Niemand luistert: mislukt zonder HTTP-status, 'verbinding geweigerd'")
  void verbindingGeweigerd() throws IOException {
    int vrijePoort;
    try (ServerSocket socket = new ServerSocket(0)) {
      vrijePoort = socket.getLocalPort();
    }
    PolitieSysteem nergens = adapter("http://localhost:" + vrijePoort, "test-politie");

    assertThatThrownBy(() -> nergens.registreerHuisverbod(REGISTRATIE, VERZOEK))
        .isInstanceOfSatisfying(KoppelingMisluktException.class, fout -> {
          assertThat(fout.httpStatus()).isNull();
          assertThat(fout.getMessage()).contains("Politiesysteem: aanroep registreerHuisverbod mislukt zonder "
              + "HTTP-antwoord", "verbinding geweigerd");
        });
  }

  private static PolitieSysteem adapter(String url, String wachtwoord) {
    Koppeling koppeling = new Koppeling(URI.create(url), "keten-test", wachtwoord, Duration.ofSeconds(1),
        Duration.ofSeconds(1));
    return new PolitieHttpAdapter(new IntegratieProperties(koppeling, null), RestClient.builder());
  }
}
