package nl.hgkm.keten.metriek;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import nl.hgkm.keten.support.Buitensystemen;
import nl.hgkm.keten.support.KetenIntegratieTest;
import nl.hgkm.keten.support.TestKlok;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * /actuator/health: open without credentials with the status only, the components for a logged-in user, and an
 * outside system that is down shows in its component while the application stays UP.
 */
@KetenIntegratieTest
class GezondheidIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Every check moves the clock an hour further than the last, past the cached reachability of the last check. */
  private static final AtomicInteger CONTROLES = new AtomicInteger();

  @Autowired TestRestTemplate rest;
  @Autowired com.icegreen.greenmail.util.GreenMail smtp;

  @BeforeEach
  void buitensystemenOp() {
    Buitensystemen.reset();
  }

  @AfterEach
  void herstel() {
    Buitensystemen.reset();
    TestKlok.terug();
  }

  @Test
  void zonderInloggenAlleenDeStatus() throws Exception {
    ResponseEntity<String> antwoord = rest.getForEntity("/actuator/health", String.class);
    assertThat(antwoord.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode health = JSON.readTree(antwoord.getBody());
    assertThat(health.path("status").asText()).isEqualTo("UP");
    assertThat(health.has("components")).isFalse();
  }

  @Test
  void verkeerdeInloggegevensWordenOokHierGeweigerd() {
    // An unknown user: a wrong password of a demo user would lock it for a moment (engine login throttling).
    assertThat(rest.withBasicAuth("niemand", "fout").getForEntity("/actuator/health", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void ingelogdZietDeEngineDeJobExecutorEnDeBuitensystemen() throws Exception {
    nieuweControle();
    JsonNode health = health("medewerker");

    assertThat(health.path("status").asText()).isEqualTo("UP");
    JsonNode onderdelen = health.path("components");
    assertThat(onderdelen.path("procesengine").path("status").asText()).isEqualTo("UP");
    assertThat(onderdelen.path("procesengine").path("details").path("naam").asText()).isNotBlank();
    assertThat(onderdelen.path("procesengine").path("details").path("procesdefinities").asLong()).isPositive();
    // The tests drive jobs themselves: the job executor is switched off on purpose, which is healthy.
    assertThat(onderdelen.path("jobexecutor").path("status").asText()).isEqualTo("UP");
    assertThat(onderdelen.path("jobexecutor").path("details").path("ingeschakeld").asBoolean(true)).isFalse();
    assertThat(onderdelen.path("jobexecutor").path("details").has("wachtendeJobs")).isTrue();
    assertThat(onderdelen.path("db").path("status").asText()).isEqualTo("UP");
    assertThat(onderdelen.path("mailserver").path("status").asText()).isEqualTo("UP");
    assertThat(onderdelen.has("mail")).as("Spring's own mail indicator would take every node DOWN").isFalse();
    for (String systeem : new String[] {"politiesysteem", "zorgsysteem", "registersysteem"}) {
      assertThat(onderdelen.path(systeem).path("status").asText()).as(systeem).isEqualTo("UP");
      // WireMock has no stub for the base URL: an answer all the same, so the system is there.
      assertThat(onderdelen.path(systeem).path("details").path("httpStatus").asInt()).as(systeem).isEqualTo(404);
    }
    // The starter's own indicators are replaced by ours.
    assertThat(onderdelen.has("processEngine")).isFalse();
    assertThat(onderdelen.has("jobExecutor")).isFalse();
  }

  @Test
  void eenBuitensysteemDatPlatLigtHaaltDeApplicatieNietOnderuit() throws Exception {
    Buitensystemen.politie().plat();
    Buitensystemen.zorg().verbindingVerbroken();
    nieuweControle();

    ResponseEntity<String> antwoord = rest.withBasicAuth("medewerker", "demo").getForEntity("/actuator/health",
        String.class);
    assertThat(antwoord.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode health = JSON.readTree(antwoord.getBody());
    assertThat(health.path("status").asText()).isEqualTo("UP");
    JsonNode politie = health.path("components").path("politiesysteem");
    assertThat(politie.path("status").asText()).isEqualTo("ONBEREIKBAAR");
    assertThat(politie.path("details").path("httpStatus").asInt()).isEqualTo(503);
    assertThat(politie.path("details").path("oordeel").asText()).contains("storing");
    JsonNode zorg = health.path("components").path("zorgsysteem");
    assertThat(zorg.path("status").asText()).isEqualTo("ONBEREIKBAAR");
    assertThat(zorg.path("details").has("httpStatus")).isFalse();
    assertThat(zorg.path("details").path("oordeel").asText()).contains("verbinding");

    // Anonymous too: the aggregate a load balancer sees.
    assertThat(rest.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    // The group of the outside systems says it, for whoever watches them.
    ResponseEntity<String> groep = rest.getForEntity("/actuator/health/buitensystemen", String.class);
    assertThat(groep.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    assertThat(JSON.readTree(groep.getBody()).path("status").asText()).isEqualTo("ONBEREIKBAAR");

    Buitensystemen.reset();
    nieuweControle();
    assertThat(rest.getForEntity("/actuator/health/buitensystemen", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void eenOnbereikbareMailserverHaaltDeApplicatieNietOnderuit() throws Exception {
    smtp.stop();
    try {
      nieuweControle();
      ResponseEntity<String> antwoord = rest.withBasicAuth("medewerker", "demo").getForEntity("/actuator/health",
          String.class);
      assertThat(antwoord.getStatusCode()).isEqualTo(HttpStatus.OK);
      JsonNode health = JSON.readTree(antwoord.getBody());
      assertThat(health.path("status").asText()).isEqualTo("UP");
      assertThat(health.path("components").path("mailserver").path("status").asText()).isEqualTo("ONBEREIKBAAR");
      assertThat(rest.getForEntity("/actuator/health/buitensystemen", String.class).getStatusCode())
          .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    } finally {
      smtp.start();
    }
    nieuweControle();
    assertThat(health("medewerker").path("components").path("mailserver").path("status").asText()).isEqualTo("UP");
  }

  @Test
  void eenBuitensysteemWordtHoogstensEensPerVerversingstijdGecontroleerd() throws Exception {
    nieuweControle();
    health("medewerker");
    health("medewerker");
    rest.getForEntity("/actuator/health", String.class);
    assertThat(Buitensystemen.politie().verzoeken("/")).hasSize(1);
    assertThat(Buitensystemen.politie().verzoeken("/").get(0).autorisatie()).startsWith("Basic ");
  }

  private JsonNode health(String gebruiker) throws Exception {
    ResponseEntity<String> antwoord = rest.withBasicAuth(gebruiker, "demo").getForEntity("/actuator/health",
        String.class);
    assertThat(antwoord.getStatusCode()).as(antwoord.getBody()).isEqualTo(HttpStatus.OK);
    return JSON.readTree(antwoord.getBody());
  }

  /** Moves the engine clock so far that the next health call checks the outside systems anew. */
  private static void nieuweControle() {
    ClockUtil.setCurrentTime(Date.from(TestKlok.nu().plus(Duration.ofHours(CONTROLES.incrementAndGet()))));
  }
}
