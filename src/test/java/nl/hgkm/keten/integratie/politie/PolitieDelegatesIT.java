package nl.hgkm.keten.integratie.politie;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static nl.hgkm.keten.integratie.DelegateTestproces.taak;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.github.tomakehurst.wiremock.client.BasicCredentials;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import nl.hgkm.keten.integratie.DelegateTestproces;
import nl.hgkm.keten.integratie.TestDossier;
import nl.hgkm.keten.support.Buitensysteem;
import nl.hgkm.keten.support.Buitensystemen;
import nl.hgkm.keten.support.KetenIntegratieTest;
import nl.hgkm.keten.support.TestKlok;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The police delegates as the engine runs them (asynchronous step, retry profile {@code retry.politie}), against
 * the police system as a WireMock server: what reaches it, what comes back, and what an outage does.
 */
@KetenIntegratieTest
class PolitieDelegatesIT {

  private static final Instant NU = OffsetDateTime.parse("2026-03-25T12:00:00+01:00").toInstant();
  private static final Instant OPGELEGD = OffsetDateTime.parse("2026-03-25T11:45:00+01:00").toInstant();
  private static final Instant EINDE = OffsetDateTime.parse("2026-04-04T11:45:00+02:00").toInstant();
  private static final BasicCredentials TESTGEBRUIKER = new BasicCredentials("keten-test", "test-politie");
  private static final String REGISTREREN = "politieHuisverbodRegistreren";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired JdbcClient jdbc;

  private final Buitensysteem politie = Buitensystemen.politie();
  private DelegateTestproces proces;
  private TestDossier dossier;

  @BeforeEach
  void opzetten() {
    Buitensystemen.reset();
    ClockUtil.setCurrentTime(Date.from(NU));
    proces = new DelegateTestproces(engine);
    dossier = new TestDossier(jdbc);
  }

  @AfterEach
  void opruimen() {
    proces.opruimen();
    politie.weerOp();
    TestKlok.terug();
  }

  @Test
  @DisplayName("Registratie: huisverbod en contactverbod als JSON, met Basic-auth en Idempotency-Key")
  void registreertHuisverbodBijDePolitie() {
    String zaaknummer = dossier.nieuwHuisverbod();
    ProcessInstance pi = startRegistratie(zaaknummer);
    Job job = proces.job(pi);

    managementService.executeJob(job.getId());

    assertThat(runtimeService.getVariable(pi.getId(), "politieRegistratieId"))
        .isEqualTo(Buitensystemen.POLITIE_REGISTRATIE_ID);
    politie.wiremock().verify(1, postRequestedFor(urlPathEqualTo("/api/v1/huisverboden"))
        .withBasicAuth(TESTGEBRUIKER)
        .withHeader("Idempotency-Key", equalTo(zaaknummer + "." + taak(REGISTREREN) + "." + job.getId()))
        .withHeader("Content-Type", containing("application/json"))
        .withRequestBody(equalToJson("""
            {"zaaknummer": "%s", "gemeente": "Amsterdam", "woning": "Damstraat 1, 1012 JL Amsterdam",
             "uithuisgeplaatste": {"rol": "PLEGER", "naam": "P. Pleger", "geboortedatum": "1980-01-31",
                                   "bsn": "111222333"},
             "contactverbod": [
               {"rol": "SLACHTOFFER", "naam": "A. Achterblijver", "geboortedatum": "1985-06-15"},
               {"rol": "KIND", "naam": "K. Kind", "geboortedatum": "2015-02-01"}],
             "opgelegdOp": "2026-03-25T10:45:00Z", "eindigtOp": "2026-04-04T09:45:00Z",
             "opgelegdDoor": "BURGEMEESTER"}""".formatted(zaaknummer))));
  }

  @Test
  @DisplayName("Uitreiking: de nieuwste beschikking tot oplegging gaat naar de politie")
  void vraagtUitreikingVanDeNieuwsteBeschikkingAan() {
    String zaaknummer = dossier.nieuwHuisverbod();
    dossier.document(zaaknummer, "BESCHIKKING_OPLEGGING", "Mondelinge beschikking", "eerste versie",
        OffsetDateTime.parse("2026-03-25T11:45:00+01:00"));
    long nieuwste = dossier.document(zaaknummer, "BESCHIKKING_OPLEGGING", "Beschikking tijdelijk huisverbod",
        "U moet de woning verlaten.", OffsetDateTime.parse("2026-03-25T12:30:00+01:00"));
    dossier.document(zaaknummer, "BRIEF_ACHTERBLIJVERS", "Brief", "later, andere soort",
        OffsetDateTime.parse("2026-03-25T13:00:00+01:00"));
    ProcessInstance pi = proces.start("politieUitreikingAanvragen", "politie", zaaknummer,
        Map.of("zaaknummer", zaaknummer));

    managementService.executeJob(proces.job(pi).getId());

    assertThat(runtimeService.getVariable(pi.getId(), "politieUitreikingId"))
        .isEqualTo(Buitensystemen.POLITIE_UITREIKING_ID);
    politie.wiremock().verify(1, postRequestedFor(urlPathEqualTo("/api/v1/huisverboden/" + zaaknummer
        + "/uitreikingen"))
        .withBasicAuth(TESTGEBRUIKER)
        .withRequestBody(equalToJson("""
            {"documentId": %d, "titel": "Beschikking tijdelijk huisverbod", "inhoud": "U moet de woning verlaten."}
            """.formatted(nieuwste))));
  }

  @Test
  @DisplayName("Uitreiking zonder beschikking in het dossier: duidelijke fout, niets naar de politie")
  void uitreikingZonderBeschikkingFaalt() {
    String zaaknummer = dossier.nieuwHuisverbod();
    ProcessInstance pi = proces.start("politieUitreikingAanvragen", "politie", zaaknummer,
        Map.of("zaaknummer", zaaknummer));

    assertThatThrownBy(() -> managementService.executeJob(proces.job(pi).getId()))
        .isInstanceOf(RuntimeException.class);

    assertThat(proces.job(pi).getExceptionMessage())
        .contains(zaaknummer).contains("geen document van soort BESCHIKKING_OPLEGGING");
    assertThat(politie.verzoeken()).isEmpty();
  }

  @Test
  @DisplayName("Verlenging: het nieuwe einde gaat naar de politie")
  void registreertVerlenging() {
    String zaaknummer = dossier.nieuwHuisverbod();
    ProcessInstance pi = proces.start("politieVerlengingRegistreren", "politie", zaaknummer,
        Map.of("zaaknummer", zaaknummer, "huisverbodEindigtOp", "2026-04-22T11:45:00+02:00"));
    Job job = proces.job(pi);

    managementService.executeJob(job.getId());

    politie.wiremock().verify(1, postRequestedFor(urlPathEqualTo("/api/v1/huisverboden/" + zaaknummer
        + "/verlengingen"))
        .withBasicAuth(TESTGEBRUIKER)
        .withHeader("Idempotency-Key", equalTo(zaaknummer + "." + taak("politieVerlengingRegistreren") + "."
            + job.getId()))
        .withRequestBody(equalToJson("{\"eindigtOp\": \"2026-04-22T09:45:00Z\"}")));
  }

  @Test
  @DisplayName("Overtreding met tijdstip als ISO-tekst met offset: de politie geeft een proces-verbaalnummer terug")
  void meldtOvertredingMetTekstTijdstip() {
    meldtOvertreding("2026-03-27T21:15:00+01:00");
  }

  @Test
  @DisplayName("Overtreding met tijdstip als Date: zelfde verzoek")
  void meldtOvertredingMetDate() {
    meldtOvertreding(Date.from(OffsetDateTime.parse("2026-03-27T21:15:00+01:00").toInstant()));
  }

  private void meldtOvertreding(Object overtredingOp) {
    String zaaknummer = dossier.nieuwHuisverbod();
    ProcessInstance pi = proces.start("politieOvertredingMelden", "politie", zaaknummer, Map.of(
        "zaaknummer", zaaknummer, "overtredingOp", overtredingOp, "omschrijving", "Pleger stond bij de woning"));

    managementService.executeJob(proces.job(pi).getId());

    assertThat(runtimeService.getVariable(pi.getId(), "overtredingReferentie"))
        .isEqualTo(Buitensystemen.POLITIE_OVERTREDING_ID);
    politie.wiremock().verify(1, postRequestedFor(urlPathEqualTo("/api/v1/huisverboden/" + zaaknummer
        + "/overtredingen"))
        .withBasicAuth(TESTGEBRUIKER)
        .withRequestBody(equalToJson("""
            {"overtredingOp": "2026-03-27T20:15:00Z", "omschrijving": "Pleger stond bij de woning"}""")));
  }

  @Test
  @DisplayName("Einde zonder tijdstip: nu volgens de klok van de engine, met de reden")
  void meldtEindeMetNuAlsTijdstip() {
    String zaaknummer = dossier.nieuwHuisverbod();
    ProcessInstance pi = proces.start("politieEindeMelden", "politie", zaaknummer,
        Map.of("zaaknummer", zaaknummer, "beeindigingsreden", "VERLOPEN"));

    managementService.executeJob(proces.job(pi).getId());

    politie.wiremock().verify(1, postRequestedFor(urlPathEqualTo("/api/v1/huisverboden/" + zaaknummer
        + "/beeindigingen"))
        .withBasicAuth(TESTGEBRUIKER)
        .withRequestBody(equalToJson("{\"beeindigdOp\": \"2026-03-25T11:00:00Z\", \"reden\": \"VERLOPEN\"}")));
  }

  @Test
  @DisplayName("Storing: pogingen volgens het retryprofiel, na herstel één registratie, steeds dezelfde sleutel")
  void storingEnHerstelGevenPreciesEenRegistratie() {
    String zaaknummer = dossier.nieuwHuisverbod();
    ProcessInstance pi = startRegistratie(zaaknummer);
    assertThat(proces.job(pi).getRetries()).as("R10/PT5M: tien pogingen").isEqualTo(10);

    politie.plat();
    assertThatThrownBy(() -> managementService.executeJob(proces.job(pi).getId()))
        .isInstanceOf(RuntimeException.class);
    Job naEerste = proces.job(pi);
    assertThat(naEerste.getRetries()).isEqualTo(9);
    assertThat(naEerste.getDuedate().toInstant()).isEqualTo(NU.plus(Duration.ofMinutes(5)));
    assertThat(naEerste.getExceptionMessage())
        .contains("Politiesysteem", "registreerHuisverbod", "HTTP 503", "POST /api/v1/huisverboden");

    ClockUtil.setCurrentTime(naEerste.getDuedate());
    politie.verbindingVerbroken();
    assertThatThrownBy(() -> managementService.executeJob(proces.job(pi).getId()))
        .isInstanceOf(RuntimeException.class);
    Job naTweede = proces.job(pi);
    assertThat(naTweede.getRetries()).isEqualTo(8);
    assertThat(naTweede.getDuedate().toInstant()).isEqualTo(NU.plus(Duration.ofMinutes(10)));
    assertThat(naTweede.getExceptionMessage()).contains("Politiesysteem", "registreerHuisverbod",
        "zonder HTTP-antwoord");

    ClockUtil.setCurrentTime(naTweede.getDuedate());
    politie.weerOp();
    managementService.executeJob(naTweede.getId());

    assertThat(runtimeService.getVariable(pi.getId(), "politieRegistratieId"))
        .isEqualTo(Buitensystemen.POLITIE_REGISTRATIE_ID);
    assertThat(politie.geslaagd("/api/v1/huisverboden")).isEqualTo(1);
    assertThat(politie.aantalPerIdempotencyKey("/api/v1/huisverboden")).containsExactly(
        Map.entry(zaaknummer + "." + taak(REGISTREREN) + "." + naTweede.getId(), 3L));
  }

  @Test
  @DisplayName("Na de laatste poging een incident dat de politie noemt; na herstel slaagt het één keer")
  void naDeLaatstePogingEenIncident() {
    String zaaknummer = dossier.nieuwHuisverbod();
    ProcessInstance pi = startRegistratie(zaaknummer);
    politie.plat();

    assertThat(proces.voerUitTotIncident(pi, 10)).isEqualTo(10);

    Incident incident = runtimeService.createIncidentQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
    assertThat(incident.getActivityId()).isEqualTo(taak(REGISTREREN));
    assertThat(incident.getIncidentMessage()).contains("Politiesysteem", "registreerHuisverbod", "HTTP 503");
    assertThat(politie.geslaagd("/api/v1/huisverboden")).isZero();

    // What an operator does in Cockpit once the police system is back: retry the job.
    politie.weerOp();
    Job job = proces.job(pi);
    managementService.setJobRetries(job.getId(), 1);
    managementService.executeJob(job.getId());

    assertThat(runtimeService.createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
    assertThat(politie.geslaagd("/api/v1/huisverboden")).isEqualTo(1);
    assertThat(politie.aantalPerIdempotencyKey("/api/v1/huisverboden")).hasSize(1).containsValue(11L);
  }

  @Test
  @DisplayName("Een trage politie (antwoord later dan de leestime-out) is een mislukte poging, geen hangende job")
  void trageAntwoordenZijnEenMislukking() {
    String zaaknummer = dossier.nieuwHuisverbod();
    ProcessInstance pi = startRegistratie(zaaknummer);
    String jobId = proces.job(pi).getId();
    politie.traag(Duration.ofSeconds(10));

    assertTimeoutPreemptively(Duration.ofSeconds(7), () -> assertThatThrownBy(() ->
        managementService.executeJob(jobId)).isInstanceOf(RuntimeException.class));

    Job job = proces.job(pi);
    assertThat(job.getRetries()).isEqualTo(9);
    assertThat(job.getExceptionMessage())
        .contains("Politiesysteem", "registreerHuisverbod", "time-out: geen antwoord binnen 3000 ms");
  }

  private ProcessInstance startRegistratie(String zaaknummer) {
    Map<String, Object> variabelen = new HashMap<>();
    variabelen.put("zaaknummer", zaaknummer);
    variabelen.put("opgelegdOp", Date.from(OPGELEGD));
    variabelen.put("huisverbodEindigtOp", Date.from(EINDE));
    variabelen.put("opgelegdDoor", "BURGEMEESTER");
    return proces.start(REGISTREREN, "politie", zaaknummer, variabelen);
  }
}
