package nl.hgkm.keten.integratie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import nl.hgkm.keten.demo.DemoPoort;
import nl.hgkm.keten.demo.DemoPoortBezetException;
import nl.hgkm.keten.integratie.politie.PolitieSimulator;
import nl.hgkm.keten.integratie.register.RegisterProperties;
import nl.hgkm.keten.integratie.register.RegisterSimulator;
import nl.hgkm.keten.integratie.zorg.ZorgSimulator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The demo simulators live and die with the application context, and only in the demo profile. */
class DemoSimulatorenTest {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withUserConfiguration(Eigenschappen.class, DemoSimulatoren.class)
      .withPropertyValues("keten.demo.politie-poort=0", "keten.demo.zorg-poort=0", "keten.demo.register-poort=0",
          "keten.integratie.politie.gebruiker=keten-hgkm", "keten.integratie.politie.wachtwoord=demo",
          "keten.integratie.zorg.gebruiker=keten-hgkm", "keten.integratie.zorg.wachtwoord=demo",
          "keten.integratie.register.gebruiker=keten-hgkm", "keten.integratie.register.wachtwoord=demo");

  @Test
  @DisplayName("Demo-profiel: alle simulatoren luisteren; met de context gesloten luisteren ze niet meer")
  void startenEnStoppenMetDeContext() {
    int[] poorten = new int[3];
    runner.withInitializer(context -> context.getEnvironment().setActiveProfiles("demo")).run(context -> {
      poorten[0] = context.getBean(PolitieSimulator.class).poort();
      poorten[1] = context.getBean(ZorgSimulator.class).poort();
      poorten[2] = context.getBean(RegisterSimulator.class).poort();
      assertThat(luistert(poorten[0])).isTrue();
      assertThat(luistert(poorten[1])).isTrue();
      assertThat(luistert(poorten[2])).isTrue();
    });
    assertThatThrownBy(() -> luistert(poorten[0])).isInstanceOf(ConnectException.class);
    assertThatThrownBy(() -> luistert(poorten[1])).isInstanceOf(ConnectException.class);
    assertThatThrownBy(() -> luistert(poorten[2])).isInstanceOf(ConnectException.class);
  }

  @Test
  @DisplayName("keten.demo.simulatoren=false: geen simulatoren, ook in het demo-profiel")
  void uitTeZetten() {
    runner.withInitializer(context -> context.getEnvironment().setActiveProfiles("demo"))
        .withPropertyValues("keten.demo.simulatoren=false")
        .run(context -> assertThat(context).doesNotHaveBean(PolitieSimulator.class)
            .doesNotHaveBean(ZorgSimulator.class).doesNotHaveBean(RegisterSimulator.class));
  }

  @Test
  @DisplayName("Buiten het demo-profiel: nooit simulatoren")
  void alleenInDeDemo() {
    runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(PolitieSimulator.class)
        .doesNotHaveBean(ZorgSimulator.class).doesNotHaveBean(RegisterSimulator.class));
  }

  @Test
  @DisplayName("Een bezette poort: de start stopt met één zin die de instelling noemt")
  void eenBezettePoortNoemtDeInstelling() throws IOException {
    try (ServerSocket bezet = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      runner.withInitializer(context -> context.getEnvironment().setActiveProfiles("demo"))
          .withPropertyValues("keten.demo.zorg-poort=" + bezet.getLocalPort())
          .run(context -> assertThat(oorzaak(context.getStartupFailure())).isNotNull()
              .satisfies(fout -> assertThat(fout.demoPoort()).isEqualTo(DemoPoort.ZORG))
              .extracting(Throwable::getMessage).asString()
              .contains("Poort " + bezet.getLocalPort() + " voor de demo-simulator van het zorgsysteem is al in gebruik",
                  "keten.demo.zorg-poort=", "keten.demo.poort-verschuiving=100",
                  "Port " + bezet.getLocalPort() + " for the demo simulator of the care system is already in use"));
    }
  }

  private static DemoPoortBezetException oorzaak(Throwable fout) {
    for (Throwable t = fout; t != null; t = t.getCause()) {
      if (t instanceof DemoPoortBezetException bezet) {
        return bezet;
      }
    }
    return null;
  }

  private static boolean luistert(int poort) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), poort)) {
      return socket.isConnected();
    }
  }

  @Configuration
  @EnableConfigurationProperties({IntegratieProperties.class, RegisterProperties.class})
  static class Eigenschappen {}
}
