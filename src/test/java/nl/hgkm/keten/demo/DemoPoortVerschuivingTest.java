package nl.hgkm.keten.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * A second demo instance moves every demo port with one setting, and whatever names a port follows: the simulators'
 * ports, the adapters' base URLs and the mail client of application-demo.yaml. Read from a real Spring Boot start
 * with the demo profile (the project's own configuration files, no beans).
 */
class DemoPoortVerschuivingTest {

  @Test
  void zonderVerschuivingDeVastePoortenVanDeDemo() {
    Environment omgeving = start();
    assertThat(omgeving.getProperty("keten.demo.politie-poort")).isEqualTo("8091");
    assertThat(omgeving.getProperty("keten.integratie.politie.basis-url")).isEqualTo("http://localhost:8091");
    assertThat(omgeving.getProperty("spring.mail.port")).isEqualTo("3025");
  }

  @Test
  void eenVerschuivingVerplaatstElkeDemopoortEnWatErNaarVerwijst() {
    Environment omgeving = start("--keten.demo.poort-verschuiving=100");

    assertThat(omgeving.getProperty("keten.demo.politie-poort", Integer.class)).isEqualTo(8191);
    assertThat(omgeving.getProperty("keten.demo.zorg-poort", Integer.class)).isEqualTo(8192);
    assertThat(omgeving.getProperty("keten.demo.register-poort", Integer.class)).isEqualTo(8193);
    assertThat(omgeving.getProperty("keten.demo.smtp-poort", Integer.class)).isEqualTo(3125);
    assertThat(omgeving.getProperty("keten.integratie.politie.basis-url")).isEqualTo("http://localhost:8191");
    assertThat(omgeving.getProperty("keten.integratie.zorg.basis-url")).isEqualTo("http://localhost:8192");
    assertThat(omgeving.getProperty("keten.integratie.register.basis-url")).isEqualTo("http://localhost:8193");
    assertThat(omgeving.getProperty("spring.mail.port", Integer.class)).isEqualTo(3125);
    // Not a demo port: the web server is Spring Boot's own setting.
    assertThat(omgeving.getProperty("server.port")).isEqualTo("8080");
  }

  @Test
  void eenZelfGekozenPoortSchuiftMeeEnEenVrijePoortBlijftVrij() {
    Environment omgeving = start("--keten.demo.poort-verschuiving=100", "--keten.demo.politie-poort=9000",
        "--keten.demo.zorg-poort=0");

    assertThat(omgeving.getProperty("keten.demo.politie-poort", Integer.class)).isEqualTo(9100);
    assertThat(omgeving.getProperty("keten.integratie.politie.basis-url")).isEqualTo("http://localhost:9100");
    assertThat(omgeving.getProperty("keten.demo.zorg-poort", Integer.class)).isZero();
  }

  private static Environment start(String... argumenten) {
    try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Leeg.class)
        .web(WebApplicationType.NONE).profiles("demo").logStartupInfo(false).run(argumenten)) {
      return context.getEnvironment();
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class Leeg {}
}
