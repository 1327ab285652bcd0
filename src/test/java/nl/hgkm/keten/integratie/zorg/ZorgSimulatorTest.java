package nl.hgkm.keten.integratie.zorg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
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

/** The demo care simulator, started directly on a free port. */
class ZorgSimulatorTest {

  private static final ZorgSysteem.Verwijzing VERWIJZING = new ZorgSysteem.Verwijzing("HV-2099-000001",
      "Utrecht", List.of(new Persoon("PLEGER", "P. Pleger", null, null), new Persoon("KIND", "K. Kind", null, null)),
      Instant.parse("2026-04-04T09:45:00Z"));

  private final ZorgSimulator simulator = new ZorgSimulator(0, "keten-hgkm", "demo");
  private ZorgSysteem zorg;

  @BeforeEach
  void start() throws IOException {
    simulator.start();
    zorg = adapter("demo");
  }

  @AfterEach
  void stop() {
    simulator.stop();
  }

  @Test
  @DisplayName("Verwijzing en einde van de adapter worden geaccepteerd; een herhaalde verwijzing maakt niets nieuws")
  void verwijzingIsIdempotent() {
    String verwijzingId = zorg.verwijs(VERWIJZING, "HV-2099-000001.Taak_Verwijzen.7");
    assertThat(verwijzingId).matches("VW-\\d{4}-000001");
    assertThat(zorg.verwijs(VERWIJZING, "HV-2099-000001.Taak_Verwijzen.7")).isEqualTo(verwijzingId);

    zorg.meldEinde(new ZorgSysteem.EindeHuisverbod(verwijzingId, "HV-2099-000001",
        Instant.parse("2026-04-04T09:45:00Z"), "VERLOPEN"), "HV-2099-000001.Taak_Einde.7");

    assertThat(simulator.ontvangen()).extracting(DemoSimulator.Ontvangen::soort)
        .containsExactly("VERWIJZING", "BEEINDIGING");
    assertThat(simulator.ontvangen().get(0).inhoud().path("personen")).hasSize(2);
    assertThat(simulator.ontvangen().get(1).pad()).isEqualTo("/api/v1/verwijzingen/" + verwijzingId
        + "/beeindiging");
  }

  @Test
  @DisplayName("Verkeerd wachtwoord: 401, niets aangemaakt")
  void controleertAuthenticatie() {
    assertThatThrownBy(() -> adapter("fout").verwijs(VERWIJZING, "k1"))
        .isInstanceOfSatisfying(KoppelingMisluktException.class, fout -> {
          assertThat(fout.httpStatus()).isEqualTo(401);
          assertThat(fout.getMessage()).contains("Zorgsysteem: aanroep verwijs mislukt met HTTP 401");
        });
    assertThat(simulator.ontvangen()).isEmpty();
  }

  private ZorgSysteem adapter(String wachtwoord) {
    Koppeling koppeling = new Koppeling(URI.create("http://localhost:" + simulator.poort()), "keten-hgkm",
        wachtwoord, Duration.ofSeconds(1), Duration.ofSeconds(2));
    return new ZorgHttpAdapter(new IntegratieProperties(null, koppeling), RestClient.builder());
  }
}
