package nl.hgkm.keten.integratie.zorg;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static nl.hgkm.keten.integratie.DelegateTestproces.taak;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.BasicCredentials;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
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
 * The care delegates as the engine runs them (asynchronous step, retry profile {@code retry.zorg}), against the
 * care system as a WireMock server.
 */
@KetenIntegratieTest
class ZorgDelegatesIT {

  private static final Instant NU = OffsetDateTime.parse("2026-03-25T12:00:00+01:00").toInstant();
  private static final BasicCredentials TESTGEBRUIKER = new BasicCredentials("keten-test", "test-zorg");
  private static final String VERWIJZINGEN = "/api/v1/verwijzingen";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired JdbcClient jdbc;

  private final Buitensysteem zorg = Buitensystemen.zorg();
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
    zorg.weerOp();
    TestKlok.terug();
  }

  @Test
  @DisplayName("Verwijzing: het hele huishouden met rollen en het einde van het huisverbod gaat naar de zorg")
  void verwijstHetHuishouden() {
    String zaaknummer = dossier.nieuwHuisverbod();
    ProcessInstance pi = startVerwijzing(zaaknummer);
    Job job = proces.job(pi);

    managementService.executeJob(job.getId());

    assertThat(runtimeService.getVariable(pi.getId(), "zorgVerwijzingId"))
        .isEqualTo(Buitensystemen.ZORG_VERWIJZING_ID);
    zorg.wiremock().verify(1, postRequestedFor(urlPathEqualTo(VERWIJZINGEN))
        .withBasicAuth(TESTGEBRUIKER)
        .withHeader("Idempotency-Key", equalTo(zaaknummer + "." + taak("zorgVerwijzen") + "."
            + job.getId()))
        .withRequestBody(equalToJson("""
            {"zaaknummer": "%s", "gemeente": "Amsterdam",
             "personen": [
               {"rol": "PLEGER", "naam": "P. Pleger", "geboortedatum": "1980-01-31", "bsn": "111222333"},
               {"rol": "SLACHTOFFER", "naam": "A. Achterblijver", "geboortedatum": "1985-06-15"},
               {"rol": "KIND", "naam": "K. Kind", "geboortedatum": "2015-02-01"},
               {"rol": "OVERIG", "naam": "O. Oma"}],
             "huisverbodEindigtOp": "2026-04-04T09:45:00Z"}""".formatted(zaaknummer))));
  }

  @Test
  @DisplayName("Einde: de zorg hoort op de eigen verwijzing dat het huisverbod voorbij is, en waarom")
  void meldtEindeOpDeVerwijzing() {
    String zaaknummer = dossier.nieuwHuisverbod();
    ProcessInstance pi = proces.start("zorgEindeMelden", "zorg", zaaknummer, Map.of("zaaknummer", zaaknummer,
        "zorgVerwijzingId", "VW-2026-000042", "beeindigingsreden", "INGETROKKEN",
        "beeindigdOp", "2026-03-30T10:00:00+02:00"));
    Job job = proces.job(pi);

    managementService.executeJob(job.getId());

    zorg.wiremock().verify(1, postRequestedFor(urlPathEqualTo("/api/v1/verwijzingen/VW-2026-000042/beeindiging"))
        .withBasicAuth(TESTGEBRUIKER)
        .withHeader("Idempotency-Key", equalTo(zaaknummer + "." + taak("zorgEindeMelden") + "."
            + job.getId()))
        .withRequestBody(equalToJson("""
            {"zaaknummer": "%s", "beeindigdOp": "2026-03-30T08:00:00Z", "reden": "INGETROKKEN"}"""
            .formatted(zaaknummer))));
  }

  @Test
  @DisplayName("Zorgsysteem plat: tien pogingen, een incident dat de zorg noemt; na herstel één verwijzing")
  void storingWordtIncidentEnNaHerstelEenVerwijzing() {
    String zaaknummer = dossier.nieuwHuisverbod();
    ProcessInstance pi = startVerwijzing(zaaknummer);
    zorg.verbindingVerbroken();

    assertThat(proces.voerUitTotIncident(pi, 10)).isEqualTo(10);

    Incident incident = runtimeService.createIncidentQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
    assertThat(incident.getActivityId()).isEqualTo(taak("zorgVerwijzen"));
    assertThat(incident.getIncidentMessage()).contains("Zorgsysteem", "verwijs", "zonder HTTP-antwoord");

    zorg.weerOp();
    Job job = proces.job(pi);
    managementService.setJobRetries(job.getId(), 1);
    managementService.executeJob(job.getId());

    assertThat(runtimeService.getVariable(pi.getId(), "zorgVerwijzingId"))
        .isEqualTo(Buitensystemen.ZORG_VERWIJZING_ID);
    assertThat(zorg.geslaagd(VERWIJZINGEN)).isEqualTo(1);
    assertThat(zorg.aantalPerIdempotencyKey(VERWIJZINGEN)).containsExactly(
        Map.entry(zaaknummer + "." + taak("zorgVerwijzen") + "." + job.getId(), 11L));
  }

  private ProcessInstance startVerwijzing(String zaaknummer) {
    return proces.start("zorgVerwijzen", "zorg", zaaknummer,
        Map.of("zaaknummer", zaaknummer, "huisverbodEindigtOp", "2026-04-04T11:45:00+02:00"));
  }
}
