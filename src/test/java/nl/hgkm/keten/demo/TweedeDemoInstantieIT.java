package nl.hgkm.keten.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.UUID;
import nl.hgkm.keten.KetenApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What a newcomer saw: a second demo instance on a machine where the first one runs died with a BindException deep
 * in bean creation. Now the start stops with one sentence, in Dutch and English, that names the setting to change,
 * and says how to run a second instance. A real start of the application with the demo profile, on an in-memory
 * database of its own, with the police simulator's port taken. Not {@code @KetenIntegratieTest}: it is about starting.
 */
@ExtendWith(OutputCaptureExtension.class)
class TweedeDemoInstantieIT {

  @Test
  void eenBezettePoortStoptDeStartMetEenZinDieDeInstellingNoemt(CapturedOutput uitvoer) throws Exception {
    try (ServerSocket eersteInstantie = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      int poort = eersteInstantie.getLocalPort();
      String engine = "tweededemo" + UUID.randomUUID().toString().replace("-", "").substring(0, 6);

      Throwable fout = catchThrowable(() -> {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(KetenApplication.class).run(
            "--spring.profiles.active=demo",
            "--server.port=0",
            "--spring.datasource.url=jdbc:h2:mem:" + engine,
            // Its own engine name: the engine registry is per JVM, shared with the tests' demo context.
            "--camunda.bpm.process-engine-name=" + engine,
            // Without the webapps: their starter keeps the context in a static field that a failed start leaves
            // behind, which would break every later application start in this JVM (as in ProdStartIT).
            "--camunda.bpm.webapp.enabled=false",
            "--camunda.bpm.job-execution.enabled=false",
            "--keten.demo.politie-poort=" + poort,
            "--keten.demo.zorg-poort=0", "--keten.demo.register-poort=0", "--keten.demo.smtp-poort=0")) {
          throw new AssertionError("gestart terwijl poort " + poort + " bezet is");
        }
      });

      assertThat(fout).isNotNull();
      assertThat(uitvoer.getAll()).contains(
          "APPLICATION FAILED TO START",
          "Poort " + poort + " voor de demo-simulator van het politiesysteem is al in gebruik, misschien door een "
              + "andere demo-instantie: kies een vrije poort met keten.demo.politie-poort=..., of verschuif alle "
              + "demopoorten tegelijk met keten.demo.poort-verschuiving=100.",
          "Port " + poort + " for the demo simulator of the police system is already in use",
          "--server.port=8081 --keten.demo.poort-verschuiving=100");
      // The sentence instead of the stack trace of a BindException deep in bean creation.
      assertThat(uitvoer.getAll()).doesNotContain("java.net.BindException", "Application run failed");
    }
  }
}
