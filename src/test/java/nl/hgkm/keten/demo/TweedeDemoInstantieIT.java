package nl.hgkm.keten.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import nl.hgkm.keten.KetenApplication;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What a newcomer saw: a second demo instance on a machine where the first one runs died with a BindException deep
 * in bean creation. Now the start stops with one sentence, in Dutch and English, that names the setting to change,
 * and says how to run a second instance; the same for the H2 file database the first instance holds when the second
 * starts from the same directory. Real starts of the application with the demo profile. Not
 * {@code @KetenIntegratieTest}: they are about starting.
 */
@ExtendWith(OutputCaptureExtension.class)
class TweedeDemoInstantieIT {

  @Test
  void eenBezettePoortStoptDeStartMetEenZinDieDeInstellingNoemt(CapturedOutput uitvoer) throws Exception {
    try (ServerSocket eersteInstantie = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      int poort = eersteInstantie.getLocalPort();
      String engine = engineNaam();

      Throwable fout = catchThrowable(() -> start(engine, "--spring.datasource.url=jdbc:h2:mem:" + engine,
          "--keten.demo.politie-poort=" + poort));

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

  @Test
  void eenDatabaseDieEenAndereInstantieOpenHeeftStoptDeStartMetEenZin(CapturedOutput uitvoer) throws Exception {
    String engine = engineNaam();
    Path bestand = Files.createDirectories(Path.of("target", "tweede-demo")).toAbsolutePath().resolve(engine);
    String url = "jdbc:h2:file:" + bestand + ";DB_CLOSE_ON_EXIT=FALSE";
    // The first instance from the same directory: another process with the H2 file database open (H2's own shell,
    // connected and waiting for input). Within one JVM H2 would simply share the database.
    Process eersteInstantie = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "org.h2.tools.Shell", "-url", url, "-user", "sa",
        "-password", "").redirectErrorStream(true).start();
    try {
      Awaitility.await("de eerste instantie heeft de database open").atMost(Duration.ofMinutes(2))
          .until(() -> Files.exists(Path.of(bestand + ".mv.db")) && eersteInstantie.isAlive()
              && eersteInstantie.getInputStream().available() > 0);
      Throwable fout = catchThrowable(() -> start(engine, "--spring.datasource.url=" + url));

      assertThat(fout).isNotNull();
      assertThat(uitvoer.getAll()).contains(
          "APPLICATION FAILED TO START",
          "De database " + url + " is al in gebruik, waarschijnlijk door een andere instantie van de applicatie: "
              + "geef deze instantie een eigen database met spring.datasource.url=..., bijvoorbeeld "
              + "jdbc:h2:file:./data/keten-8081.",
          "The database " + url + " is already in use",
          "--spring.datasource.url=jdbc:h2:file:./data/keten-8081");
      assertThat(uitvoer.getAll()).doesNotContain("MVStoreException", "Application run failed");
    } finally {
      eersteInstantie.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }

  /** A demo start that is expected to fail; fails the test when it starts after all. */
  private static void start(String engine, String... argumenten) {
    List<String> alle = new ArrayList<>(List.of(
        "--spring.profiles.active=demo",
        "--server.port=0",
        // Its own engine name: the engine registry is per JVM, shared with the tests' demo context.
        "--camunda.bpm.process-engine-name=" + engine,
        // Without the webapps: their starter keeps the context in a static field that a failed start leaves
        // behind, which would break every later application start in this JVM (as in ProdStartIT).
        "--camunda.bpm.webapp.enabled=false",
        "--camunda.bpm.job-execution.enabled=false"));
    alle.addAll(List.of(argumenten));
    // Every other demo port free (0), so that only what the test takes is taken; a key given twice would be joined.
    for (DemoPoort poort : DemoPoort.values()) {
      if (alle.stream().noneMatch(a -> a.startsWith("--" + poort.instelling() + "="))) {
        alle.add("--" + poort.instelling() + "=0");
      }
    }
    try (ConfigurableApplicationContext context = new SpringApplicationBuilder(KetenApplication.class)
        .run(alle.toArray(String[]::new))) {
      throw new AssertionError("gestart met " + alle);
    }
  }

  private static String engineNaam() {
    return "tweededemo" + UUID.randomUUID().toString().replace("-", "").substring(0, 6);
  }
}
