package nl.hgkm.keten.integratie.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import nl.hgkm.keten.integratie.DemoSimulator;
import nl.hgkm.keten.integratie.IntegratieProperties.Koppeling;
import nl.hgkm.keten.integratie.KoppelingMisluktException;
import nl.hgkm.keten.integratie.register.VeiligThuisRegister.Betrokkenheid;
import nl.hgkm.keten.integratie.register.VeiligThuisRegister.RegisterPersoon;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/** The demo register, started directly on a free port, spoken to through the real adapter. */
class RegisterSimulatorTest {

  private static final RegisterPersoon BEKEND = RegisterPersoon.van(RegisterSimulator.BEKEND_BSN, null, null)
      .orElseThrow();
  private static final RegisterPersoon ONBEKEND = RegisterPersoon.van("111222333", null, null).orElseThrow();

  private final RegisterSimulator simulator = new RegisterSimulator(0, "keten-hgkm", "demo");
  private VeiligThuisRegister register;

  @BeforeEach
  void start() throws IOException {
    simulator.start();
    register = adapter("demo");
  }

  @AfterEach
  void stop() {
    simulator.stop();
  }

  @Test
  @DisplayName("Voorbeeldpersonen: BSN nu bekend in Rotterdam Rijnmond, naam met geboortedatum eerder in Haaglanden")
  void kentDeVoorbeeldpersonen() {
    assertThat(register.raadpleeg(BEKEND, "amsterdam-amstelland", "k1").betrokkenheden()).containsExactly(
        new Betrokkenheid("rotterdam-rijnmond", "Veilig Thuis Rotterdam Rijnmond", true));
    RegisterPersoon opNaam = RegisterPersoon.van(null, "  SANNE de  wit ",
        LocalDate.parse(RegisterSimulator.BEKENDE_GEBOORTEDATUM)).orElseThrow();
    assertThat(register.raadpleeg(opNaam, "utrecht", "k2").betrokkenheden()).containsExactly(
        new Betrokkenheid("haaglanden", "Veilig Thuis Haaglanden", false));
    assertThat(register.raadpleeg(ONBEKEND, "utrecht", "k3").betrokkenheden()).isEmpty();
    assertThat(register.raadpleeg(BEKEND, "rotterdam-rijnmond", "k4").betrokkenheden())
        .as("de vragende regio hoort haar eigen betrokkenheid niet terug").isEmpty();
  }

  @Test
  @DisplayName("Een geregistreerde betrokkenheid vindt de volgende raadpleging van een andere regio")
  void registratieIsZichtbaarVoorAndereRegios() {
    assertThat(register.registreerBetrokkenheid(ONBEKEND, "utrecht", "VT-2026-000001", "r1"))
        .matches("BTK-\\d{4}-000001");
    register.registreerBetrokkenheid(ONBEKEND, "utrecht", "VT-2026-000002", "r2");

    assertThat(register.raadpleeg(ONBEKEND, "amsterdam-amstelland", "k1").betrokkenheden())
        .containsExactly(new Betrokkenheid("utrecht", "Veilig Thuis utrecht", true));
    assertThat(register.raadpleeg(ONBEKEND, "utrecht", "k2").betrokkenheden()).isEmpty();
  }

  @Test
  @DisplayName("Dezelfde Idempotency-Key: het eerste antwoord opnieuw, één raadpleging ontvangen")
  void zelfdeSleutelGeeftHetEersteAntwoord() {
    VeiligThuisRegister.Raadpleging eerste = register.raadpleeg(BEKEND, "utrecht", "VT-1.Taak.7.1");
    VeiligThuisRegister.Raadpleging herhaling = register.raadpleeg(BEKEND, "utrecht", "VT-1.Taak.7.1");

    assertThat(herhaling).isEqualTo(eerste);
    assertThat(simulator.ontvangen()).extracting(DemoSimulator.Ontvangen::soort).containsExactly("RAADPLEGING");
  }

  @Test
  @DisplayName("Verkeerd wachtwoord: 401; een persoon zonder BSN en zonder naam met geboortedatum: 400")
  void weigertOngeldigeVerzoeken() {
    assertThatThrownBy(() -> adapter("fout").raadpleeg(BEKEND, "utrecht", "k1"))
        .isInstanceOfSatisfying(KoppelingMisluktException.class,
            fout -> assertThat(fout.httpStatus()).isEqualTo(401));
    assertThatThrownBy(() -> register.raadpleeg(new RegisterPersoon(null, "Alleen Naam", null), "utrecht", "k2"))
        .isInstanceOfSatisfying(KoppelingMisluktException.class,
            fout -> assertThat(fout.getMessage()).contains("HTTP 400", "bsn, of een naam met een geboortedatum"));
    assertThat(simulator.ontvangen()).isEmpty();
  }

  private VeiligThuisRegister adapter(String wachtwoord) {
    Koppeling koppeling = new Koppeling(URI.create("http://localhost:" + simulator.poort()), "keten-hgkm",
        wachtwoord, Duration.ofSeconds(2), Duration.ofSeconds(2));
    return new RegisterHttpAdapter(new RegisterProperties(koppeling), RestClient.builder());
  }
}
