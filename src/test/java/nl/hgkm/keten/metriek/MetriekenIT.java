package nl.hgkm.keten.metriek;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import nl.hgkm.keten.support.KetenIntegratieTest;
import nl.hgkm.keten.support.TestKlok;
import nl.hgkm.keten.zaak.TestBsn;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The Prometheus endpoint: who may scrape it, and that its series follow the work (intakes, open and overdue tasks,
 * incidents, job executions) and the cache. The database is shared with every other test: every assertion compares a
 * scrape before with one after this test's own work.
 */
@KetenIntegratieTest
class MetriekenIT {

  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired GreenMail smtp;
  @Autowired EngineMetrieken metrieken;
  @Autowired MetriekProperties properties;

  /** The engine clock as this test moves it. */
  private Instant tijd;

  @AfterEach
  void klokTerug() {
    TestKlok.terug();
  }

  @Test
  void alleenBeheerMagScrapen() {
    assertThat(rest.getForEntity("/actuator/prometheus", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    // An unknown user: a wrong password of a demo user would lock it for a moment (engine login throttling).
    assertThat(rest.withBasicAuth("niemand", "fout").getForEntity("/actuator/prometheus", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.withBasicAuth("medewerker", "demo").getForEntity("/actuator/prometheus", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.withBasicAuth("medewerker", "demo").getForEntity("/actuator/metrics/keten.intake", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    ResponseEntity<String> scrape = rest.withBasicAuth("demo", "demo").getForEntity("/actuator/prometheus",
        String.class);
    assertThat(scrape.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(scrape.getHeaders().getContentType().toString()).startsWith("text/plain");
    assertThat(scrape.getBody()).contains("# TYPE keten_intake_total counter", "# TYPE keten_taken_open gauge");
    assertThat(rest.withBasicAuth("demo", "demo").getForEntity("/actuator/metrics/keten.intake", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void deReeksenVolgenIntakesTakenTermijnenIncidentenEnJobs() {
    // Well past the 5 working days of a melding received today; at noon, far from any due date's end of day.
    tijd = TestKlok.nu().atZone(AMSTERDAM).plusDays(30).with(LocalTime.NOON).toInstant();
    PrometheusTekst voor = peil();

    TestKlok.terug();
    List<String> zaken = new ArrayList<>();
    String referentie = "METRIEK-" + UUID.randomUUID();
    for (int i = 0; i < 3; i++) {
      ObjectNode melding = melding(i == 0 ? referentie : null);
      ResponseEntity<String> antwoord = post("/api/meldingen", "intake", melding);
      assertThat(antwoord.getStatusCode()).as(antwoord.getBody()).isEqualTo(HttpStatus.CREATED);
      zaken.add(json(antwoord).path("processInstanceId").asText());
    }
    assertThat(post("/api/meldingen", "intake", melding(referentie)).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(post("/api/meldingen", "intake", JSON.createObjectNode().put("regio", "nergens")).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(post("/api/huisverboden", "hovj", JSON.createObjectNode()).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(post("/api/meldcode/afweging/" + UUID.randomUUID() + "/melding", "professional", melding(null))
        .getStatusCode().is4xxClientError()).isTrue();

    PrometheusTekst na = peil();

    assertThat(verschil(voor, na, "keten_intake_total", "soort", "melding", "uitkomst", "aangenomen")).isEqualTo(3);
    assertThat(verschil(voor, na, "keten_intake_total", "soort", "melding", "uitkomst", "herhaald")).isEqualTo(1);
    assertThat(verschil(voor, na, "keten_intake_total", "soort", "melding", "uitkomst", "geweigerd")).isEqualTo(1);
    assertThat(verschil(voor, na, "keten_intake_total", "soort", "huisverbod", "uitkomst", "geweigerd")).isEqualTo(1);
    assertThat(verschil(voor, na, "keten_intake_total", "soort", "huisverbod", "uitkomst", "aangenomen")).isZero();
    assertThat(verschil(voor, na, "keten_intake_total", "soort", "meldcode", "uitkomst", "geweigerd")).isEqualTo(1);
    assertThat(verschil(voor, na, "keten_taken_open",
        "proces", "melding", "taak", "veiligheidsbeoordeling", "groep", "vt-medewerker")).isEqualTo(3);
    // The inspectorate's figure: the clock is past their due date.
    assertThat(verschil(voor, na, "keten_termijnen_verstreken", "termijn", "veiligheidsbeoordeling", "regio",
        "utrecht")).isEqualTo(3);
    assertThat(na.bevat("keten_termijnen_verstreken", "termijn", "onderzoek", "regio", "amsterdam-amstelland"))
        .isTrue();

    // The escalation of one of them: the timer fires, its mail to the team leaders fails until an incident.
    String zaak = zaken.get(0);
    managementService.executeJob(job(zaak).getId());
    Job mail = job(zaak);
    int pogingen = 0;
    smtp.stop();
    try {
      while (managementService.createJobQuery().jobId(mail.getId()).singleResult().getRetries() > 0) {
        try {
          managementService.executeJob(mail.getId());
        } catch (RuntimeException verwacht) {
          pogingen++;
        }
        assertThat(pogingen).isLessThanOrEqualTo(5);
      }
    } finally {
      smtp.start();
    }
    assertThat(runtimeService.createIncidentQuery().processInstanceId(zaak).count()).isEqualTo(1);
    // The engine writes its job counters to the database every keten.metriek.camunda-rapportage; here at once.
    managementService.reportDbMetricsNow();

    PrometheusTekst metIncident = peil();
    assertThat(verschil(na, metIncident, "keten_incidenten_open", "proces", "melding", "type", "failedJob"))
        .isEqualTo(1);
    assertThat(verschil(na, metIncident, "keten_jobs_uitgevoerd_total", "uitkomst", "gelukt")).isEqualTo(1);
    assertThat(verschil(na, metIncident, "keten_jobs_uitgevoerd_total", "uitkomst", "mislukt")).isEqualTo(pogingen);
    assertThat(metIncident.bevat("keten_jobs_acquisitie_pogingen_total")).isTrue();
    assertThat(metIncident.waarde("keten_jobs_wachtend")).isGreaterThanOrEqualTo(0);

    // Retried with the mail server back: the incident goes, the team leader gets the escalation task.
    managementService.setJobRetries(mail.getId(), 1);
    managementService.executeJob(mail.getId());
    PrometheusTekst opgelost = peil();
    assertThat(verschil(metIncident, opgelost, "keten_incidenten_open", "proces", "melding", "type", "failedJob"))
        .isEqualTo(-1);
    assertThat(verschil(metIncident, opgelost, "keten_taken_open",
        "proces", "melding", "taak", "escalatie-veiligheidsbeoordeling", "groep", "vt-teamleider")).isEqualTo(1);
  }

  @Test
  void binnenDeVerversingstijdLeestEenScrapeDeDatabaseNietOpnieuw() {
    tijd = TestKlok.nu().plusSeconds(3600);
    peil();
    long lezingen = metrieken.aantalLezingen();

    PrometheusTekst tekst = PrometheusTekst.lees(scrape());
    scrape();
    assertThat(rest.withBasicAuth("demo", "demo").getForEntity("/actuator/health", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(metrieken.aantalLezingen()).isEqualTo(lezingen);
    assertThat(tekst.waarde("keten_metriek_lezingen_total")).isEqualTo(lezingen);

    tijd = tijd.plus(properties.verversing());
    ClockUtil.setCurrentTime(Date.from(tijd));
    scrape();
    assertThat(metrieken.aantalLezingen()).isEqualTo(lezingen + 1);
  }

  @Test
  void deEngineSchrijftZijnTellersOpHetIngesteldeInterval() {
    assertThat(camunda().isDbMetricsReporterActivate()).isTrue();
    assertThat(camunda().getDbMetricsReporter().getReportingIntervalInSeconds())
        .isEqualTo(properties.camundaRapportage().toSeconds());
  }

  /**
   * Moves the clock past the cache time and scrapes twice: the first scrape reads the engine anew, the second shows
   * every series that reading found, also those it saw for the first time (see {@link EngineMetrieken}).
   */
  private PrometheusTekst peil() {
    tijd = tijd.plus(properties.verversing()).plusSeconds(1);
    ClockUtil.setCurrentTime(Date.from(tijd));
    scrape();
    return PrometheusTekst.lees(scrape());
  }

  private String scrape() {
    ResponseEntity<String> antwoord = rest.withBasicAuth("demo", "demo").getForEntity("/actuator/prometheus",
        String.class);
    assertThat(antwoord.getStatusCode()).isEqualTo(HttpStatus.OK);
    return antwoord.getBody();
  }

  private static double verschil(PrometheusTekst voor, PrometheusTekst na, String naam, String... labels) {
    return na.waarde(naam, labels) - voor.waarde(naam, labels);
  }

  private Job job(String processInstanceId) {
    return managementService.createJobQuery().processInstanceId(processInstanceId).singleResult();
  }

  private ProcessEngineConfigurationImpl camunda() {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  /** A non-acute police melding in region utrecht about a person no other test uses. */
  private static ObjectNode melding(String externeReferentie) {
    ObjectNode melding = JSON.createObjectNode();
    if (externeReferentie != null) {
      melding.put("externeReferentie", externeReferentie);
    }
    melding.put("regio", "utrecht");
    melding.putObject("melder").put("type", "POLITIE").put("naam", "Team Metriek")
        .put("email", "metriek@example.org").put("anoniemNaarGezin", false);
    melding.putArray("betrokkenen").addObject().put("rol", "SLACHTOFFER")
        .put("naam", "Slachtoffer " + UUID.randomUUID()).put("geboortedatum", "1990-01-31")
        .put("bsn", TestBsn.nieuw());
    melding.putObject("signalen").put("directLevensgevaar", false).put("kindStelselmatigGetuigeHG", true);
    melding.put("omschrijving", "Melding voor de metriektest.");
    return melding;
  }

  private ResponseEntity<String> post(String pad, String gebruiker, JsonNode body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(gebruiker, "demo").postForEntity(pad, new HttpEntity<>(body.toString(), headers),
        String.class);
  }

  private static JsonNode json(ResponseEntity<String> antwoord) {
    try {
      return JSON.readTree(antwoord.getBody());
    } catch (Exception fout) {
      throw new IllegalStateException(fout);
    }
  }
}
