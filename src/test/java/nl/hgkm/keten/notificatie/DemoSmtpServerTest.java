package nl.hgkm.keten.notificatie;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import nl.hgkm.keten.demo.DemoPoort;
import nl.hgkm.keten.demo.DemoPoortBezetException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The demo SMTP server: on its port, and on a taken port one sentence naming the setting, not a start-up time-out. */
class DemoSmtpServerTest {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withUserConfiguration(DemoSmtpServer.class)
      .withInitializer(context -> context.getEnvironment().setActiveProfiles("demo"));

  @Test
  void luistertOpZijnPoort() throws IOException {
    int poort;
    try (ServerSocket vrij = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      poort = vrij.getLocalPort();
    }
    runner.withPropertyValues("keten.demo.smtp-poort=" + poort)
        .run(context -> assertThat(context.getBean(GreenMail.class).getSmtp().getPort()).isEqualTo(poort));
  }

  @Test
  void eenBezettePoortNoemtDeInstelling() throws IOException {
    try (ServerSocket bezet = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      runner.withPropertyValues("keten.demo.smtp-poort=" + bezet.getLocalPort()).run(context -> {
        assertThat(context).hasFailed();
        Throwable fout = context.getStartupFailure();
        while (fout != null && !(fout instanceof DemoPoortBezetException)) {
          fout = fout.getCause();
        }
        assertThat(fout).isInstanceOfSatisfying(DemoPoortBezetException.class, bezetFout -> {
          assertThat(bezetFout.demoPoort()).isEqualTo(DemoPoort.SMTP);
          assertThat(bezetFout.getMessage()).contains(
              "Poort " + bezet.getLocalPort() + " voor de demo-mailserver (SMTP) is al in gebruik",
              "keten.demo.smtp-poort=", "Port " + bezet.getLocalPort() + " for the demo mail server (SMTP)");
        });
      });
    }
  }
}
