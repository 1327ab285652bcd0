package nl.hgkm.keten.huisverbod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.hgkm.keten.engine.OngeldigeTaakInvoerException;
import nl.hgkm.keten.support.Buitensystemen;
import nl.hgkm.keten.support.KetenIntegratieTest;
import nl.hgkm.keten.support.TestKlok;
import nl.hgkm.keten.zaak.TestBsn;
import nl.hgkm.keten.support.TestIdentiteit;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every path of {@code huisverbod} and {@code hulpaanbod}, each test one story of a tijdelijk huisverbod, article by
 * article of the Wet tijdelijk huisverbod. Proposals come in through the API as the police send them; decisions are
 * taken as the users who take them; jobs and timers are driven directly; the police and care systems are WireMock
 * servers; mail lands in the demo SMTP server.
 */
@KetenIntegratieTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HuisverbodProcesIT {

  private static final Instant NU = OffsetDateTime.parse("2027-04-23T10:00:00+02:00").toInstant();
  private static final String REGISTRATIES = "/api/v1/huisverboden";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired RepositoryService repositoryService;
  @Autowired IdentityService identityService;
  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;
  @Autowired GreenMail smtp;

  private HuisverbodApi api;
  private final Set<String> gestart = new HashSet<>();

  @BeforeEach
  void begin() {
    HuisverbodTestGebruikers.zorgVoor(identityService);
    AbstractAssertions.init(engine);
    ClockUtil.setCurrentTime(Date.from(NU));
    Buitensystemen.reset();
    api = new HuisverbodApi(rest);
  }

  @AfterEach
  void einde() {
    identityService.clearAuthentication();
    TestKlok.terug();
  }

  // ------------------------------------------------------------------ advice and decision (art. 2, 3)

  @Test
  @DisplayName("Twee keer rood: in beginsel een huisverbod; de burgemeester legt op en iedereen hoort het")
  void burgemeesterLegtOpEnDeKetenWordtGeinformeerd() throws Exception {
    Zaak zaak = stelVoor(uniekVoorstel());
    assertThat(zaak.advies()).isEqualTo("HUISVERBOD_IN_BEGINSEL");
    assertThat(zaak.pi()).isWaitingAt("besluit-oplegging");
    assertThat(kandidaatGroepen(taak(zaak, "besluit-oplegging")))
        .containsExactlyInAnyOrder("hulpofficier", "burgemeester");

    legOp(zaak, "burgemeester", "BURGEMEESTER", "2027-04-23T09:45:00+02:00", "Hotel De Poort, kamer 12");

    assertThat(variabele(zaak, "huisverbodEindigtOp")).isEqualTo(datum("2027-05-03T09:45:00+02:00"));
    assertThat(variabele(zaak, "maximaleEinddatum")).isEqualTo(datum("2027-05-21T09:45:00+02:00"));
    assertThat(variabele(zaak, "bereikbaarheidBekend")).isEqualTo(true);
    assertThat(timer(zaak, "Timer_HuisverbodEindigt").getDuedate()).isEqualTo(datum("2027-05-03T09:45:00+02:00"));
    assertThat(timer(zaak, "Timer_Evaluatie").getDuedate()).isEqualTo(datum("2027-05-01T09:45:00+02:00"));

    voerStappenUit(zaak);
    // art. 2(4) and (7): the written beschikking is kept with the case
    assertThat(jdbc.sql("select count(*) from zaak_document where zaaknummer = ? and soort = 'BESCHIKKING_OPLEGGING'")
        .param(zaak.zaaknummer()).query(Long.class).single()).isEqualTo(1);
    // art. 2(8): household informed through the police, the order and contact ban registered, Veilig Thuis informed
    assertThat(Buitensystemen.politie().geslaagd(REGISTRATIES)).isEqualTo(1);
    assertThat(Buitensystemen.politie().geslaagd(REGISTRATIES + "/" + zaak.zaaknummer() + "/uitreikingen"))
        .isEqualTo(1);
    String vtZaak = (String) variabele(zaak, "vtZaaknummer");
    assertThat(vtZaak).startsWith("VT-");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(vtZaak)
        .processDefinitionKey("melding").count()).isEqualTo(1);
    assertThat(mailsOver(zaak.zaaknummer(), "burgemeester.amsterdam")).isEmpty();
    // the care offer is referred and every person gets a first contact
    assertThat(Buitensystemen.zorg().geslaagd("/api/v1/verwijzingen")).isEqualTo(1);
    assertThat(taken(zaak, "eerste-contact")).hasSize(4);
  }

  @Test
  @DisplayName("In mandaat opgelegd door de hulpofficier: de burgemeester hoort het onverwijld (art. 3 lid 2)")
  void hulpofficierLegtOpInMandaat() throws Exception {
    Zaak zaak = stelVoor(uniekVoorstel());
    legOp(zaak, "hovj", "HULPOFFICIER", null, null);
    voerStappenUit(zaak);
    MimeMessage mail = enigeMail(zaak.zaaknummer(), "burgemeester.amsterdam");
    assertThat(mail.getSubject()).contains(zaak.zaaknummer());
    assertThat(GreenMailUtil.getBody(mail)).doesNotContain("Pieter");
    assertThat(zaak.pi()).hasPassed("Taak_BurgemeesterInformeren");
  }

  @Test
  @DisplayName("Geen bereikbaarheid binnen 24 uur: de politie krijgt een taak (art. 2 lid 6)")
  void bereikbaarheidNa24UurIsEenPolitietaak() {
    Zaak zaak = stelVoor(uniekVoorstel());
    legOp(zaak, "hovj", "HULPOFFICIER", null, null);
    Job timer = timer(zaak, "Timer_Bereikbaarheid24Uur");
    assertThat(timer.getDuedate()).isEqualTo(Date.from(NU.plusSeconds(24 * 3600)));
    ClockUtil.setCurrentTime(timer.getDuedate());
    managementService.executeJob(timer.getId());
    Task vastleggen = taak(zaak, "bereikbaarheid-vastleggen");
    assertThat(kandidaatGroepen(vastleggen)).containsExactly("politie");
    alsGebruiker("agent", "politie");
    assertThatThrownBy(() -> taskService.complete(vastleggen.getId(), Map.of("bereikbaarheidsadres", " ")))
        .hasRootCauseInstanceOf(OngeldigeTaakInvoerException.class);
    taskService.complete(vastleggen.getId(), Map.of("bereikbaarheidsadres", "Via zijn broer, 06-12345678"));
    identityService.clearAuthentication();
    assertThat(jdbc.sql("select bereikbaarheid from huisverbod where zaaknummer = ?").param(zaak.zaaknummer())
        .query(String.class).single()).isEqualTo("Via zijn broer, 06-12345678");
    assertThat(zaak.pi()).hasPassed("Einde_BereikbaarheidVastgelegdDoorPolitie");
  }

  @Test
  @DisplayName("Bereikbaarheid via de API binnen 24 uur: geen politietaak")
  void bereikbaarheidViaDeApi() {
    Zaak zaak = stelVoor(uniekVoorstel());
    legOp(zaak, "hovj", "HULPOFFICIER", null, null);
    ResponseEntity<String> antwoord = api.stuur("agent", HttpMethod.PUT,
        "/api/huisverboden/" + zaak.zaaknummer() + "/bereikbaarheid", "{\"adres\": \"Kerkstraat 5, Utrecht\"}");
    assertThat(antwoord.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(zaak.pi()).hasPassed("Einde_BereikbaarheidBekend");
    assertThat(managementService.createJobQuery().processInstanceId(zaak.pi().getId())
        .activityId("Timer_Bereikbaarheid24Uur").count()).isZero();
  }

  @Test
  @DisplayName("Kindermishandeling: eerst overleg met Veilig Thuis, dan opnieuw advies (art. 2 lid 3)")
  void kindermishandelingVraagtEerstOverleg() {
    ObjectNode voorstel = uniekVoorstel();
    voorstel.put("kindermishandeling", true);
    Zaak zaak = stelVoor(voorstel);
    assertThat(zaak.advies()).isEqualTo("EERST_OVERLEG_VEILIG_THUIS");
    Task overleg = taak(zaak, "overleg-veilig-thuis");
    assertThat(kandidaatGroepen(overleg)).containsExactly("vt-medewerker");
    taskService.complete(overleg.getId(), Map.of("adviesVeiligThuis", "Huisverbod steunen; kinderen in beeld"));
    assertThat(variabele(zaak, "overlegVeiligThuisGevoerd")).isEqualTo(true);
    assertThat(variabele(zaak, "advies")).isEqualTo("HUISVERBOD_IN_BEGINSEL");
    assertThat(zaak.pi()).isWaitingAt("besluit-oplegging");
  }

  @Test
  @DisplayName("Een minderjarige pleger: geregistreerd, met dat advies vastgelegd, geen besluit (art. 2 lid 2)")
  void minderjarigePlegerIsNietToegestaan() {
    ObjectNode voorstel = uniekVoorstel();
    ((ObjectNode) voorstel.get("pleger")).put("geboortedatum", "2010-01-01");
    Zaak zaak = stelVoor(voorstel);
    assertThat(zaak.advies()).isEqualTo("NIET_TOEGESTAAN_MINDERJARIG");
    assertThat(zaak.pi()).isEnded().hasPassed("Einde_NietToegestaan").hasNotPassed("besluit-oplegging");
  }

  @Test
  @DisplayName("Geen gedeelde woning: geregistreerd en vastgelegd, geen besluit")
  void geenGedeeldeWoningIsNietToegestaan() {
    ObjectNode voorstel = uniekVoorstel();
    ((ObjectNode) voorstel.get("rihg")).put("woontOfVerblijftNietIncidenteel", false);
    Zaak zaak = stelVoor(voorstel);
    assertThat(zaak.advies()).isEqualTo("NIET_TOEGESTAAN_GEEN_GEDEELDE_WONING");
    assertThat(zaak.pi()).isEnded().hasPassed("Einde_NietToegestaan");
  }

  @Test
  @DisplayName("De burgemeester legt niet op: de zaak eindigt zonder huisverbod")
  void nietOpgelegd() {
    Zaak zaak = stelVoor(uniekVoorstel());
    alsGebruiker("burgemeester", "burgemeester");
    taskService.complete(taak(zaak, "besluit-oplegging").getId(),
        Map.of("besluit", "NIET_OPLEGGEN", "opgelegdDoor", "BURGEMEESTER"));
    identityService.clearAuthentication();
    assertThat(zaak.pi()).isEnded().hasPassed("Einde_NietOpgelegd");
    assertThat(Buitensystemen.politie().verzoeken()).isEmpty();
  }

  @Test
  @DisplayName("Opleggen buiten het advies vraagt een motivering; zonder wordt geweigerd en verandert niets")
  void opleggenBuitenHetAdviesVraagtMotivering() {
    ObjectNode voorstel = uniekVoorstel();
    ((ObjectNode) voorstel.get("rihg")).put("roodPleger", 1).put("ernstigOnmiddellijkGevaarOordeel", false);
    Zaak zaak = stelVoor(voorstel);
    assertThat(zaak.advies()).isEqualTo("GEEN_HUISVERBOD");
    Task besluit = taak(zaak, "besluit-oplegging");
    alsGebruiker("burgemeester", "burgemeester");
    assertThatThrownBy(() -> taskService.complete(besluit.getId(),
        Map.of("besluit", "OPLEGGEN", "opgelegdDoor", "BURGEMEESTER")))
        .hasRootCauseInstanceOf(OngeldigeTaakInvoerException.class).hasMessageContaining("motivering is verplicht");
    assertThat(taak(zaak, "besluit-oplegging")).isNotNull();
    assertThat(alsSysteem(() -> runtimeService.getVariables(zaak.pi().getId())))
        .doesNotContainKeys("huisverbodEindigtOp", "besluit");

    taskService.complete(besluit.getId(), Map.of("besluit", "OPLEGGEN", "opgelegdDoor", "BURGEMEESTER",
        "motivering", "Ernstige dreiging met een mes; RiHG onderschat de situatie"));
    identityService.clearAuthentication();
    assertThat(zaak.pi()).hasPassed("Gateway_Opgelegd");
  }

  @Test
  @DisplayName("De hulpofficier kan niet besluiten als burgemeester; een besluit in de toekomst wordt geweigerd")
  void besluitMoetKloppen() {
    Zaak zaak = stelVoor(uniekVoorstel());
    Task besluit = taak(zaak, "besluit-oplegging");
    alsGebruiker("hovj", "hulpofficier");
    assertThatThrownBy(() -> taskService.complete(besluit.getId(),
        Map.of("besluit", "OPLEGGEN", "opgelegdDoor", "BURGEMEESTER")))
        .hasMessageContaining("u kunt niet besluiten als burgemeester");
    assertThatThrownBy(() -> taskService.complete(besluit.getId(), Map.of("besluit", "OPLEGGEN",
        "opgelegdDoor", "HULPOFFICIER", "opgelegdOp", "2027-04-24T10:00:00+02:00")))
        .hasMessageContaining("opgelegdOp ligt in de toekomst");
    assertThatThrownBy(() -> taskService.complete(besluit.getId(), Map.of("besluit", "MISSCHIEN")))
        .hasMessageContaining("besluit moet OPLEGGEN of NIET_OPLEGGEN zijn")
        .hasMessageContaining("opgelegdDoor moet");
    identityService.clearAuthentication();
    assertThat(taak(zaak, "besluit-oplegging")).isNotNull();
  }

  // ------------------------------------------------------------------ duration, evaluation, extension (art. 9, 13)

  @Test
  @DisplayName("Tien kalenderdagen op dezelfde kloktijd, ook over de zomertijd; verlengen tot precies 28 dagen")
  void verlengenTotVierWekenOverDeZomertijd() {
    Instant nu = OffsetDateTime.parse("2026-03-20T18:05:00+01:00").toInstant();
    ClockUtil.setCurrentTime(Date.from(nu));
    ObjectNode voorstel = uniekVoorstel();
    voorstel.put("incidentOp", "2026-03-20T17:00:00+01:00");
    Zaak zaak = stelVoor(voorstel);
    legOp(zaak, "burgemeester", "BURGEMEESTER", "2026-03-20T18:00:00+01:00", "Opvang Noord");
    // summer time starts 29 March: the end is 30 March 18:00 local, now UTC+2
    assertThat(timer(zaak, "Timer_HuisverbodEindigt").getDuedate()).isEqualTo(datum("2026-03-30T18:00:00+02:00"));

    Job evaluatie = timer(zaak, "Timer_Evaluatie");
    assertThat(evaluatie.getDuedate()).isEqualTo(datum("2026-03-28T18:00:00+01:00"));
    ClockUtil.setCurrentTime(evaluatie.getDuedate());
    managementService.executeJob(evaluatie.getId());
    Task verlenging = taak(zaak, "besluit-verlenging");
    assertThat(kandidaatGroepen(verlenging)).containsExactly("burgemeester");

    // through the engine REST API a refused completion is a 400 with the reason
    ResponseEntity<String> viaRest = rest.withBasicAuth("burgemeester", "demo").postForEntity(
        "/engine-rest/task/" + verlenging.getId() + "/complete", Map.of("variables", Map.of(
            "verlengen", Map.of("value", true, "type", "Boolean"),
            "dreigingZetVoort", Map.of("value", true, "type", "Boolean"),
            "verlengdTot", Map.of("value", "2026-04-30T18:00:00+02:00", "type", "String"))), String.class);
    assertThat(viaRest.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(viaRest.getBody()).contains("meer dan vier weken").doesNotContain("ENGINE-");
    alsGebruiker("burgemeester", "burgemeester");
    // 28 days and one minute after imposition, at local clock time: refused, nothing changes
    assertThatThrownBy(() -> taskService.complete(verlenging.getId(), Map.of("verlengen", true,
        "dreigingZetVoort", true, "verlengdTot", "2026-04-17T18:01:00+02:00")))
        .hasRootCauseInstanceOf(OngeldigeTaakInvoerException.class).hasMessageContaining("meer dan vier weken");
    assertThat(timer(zaak, "Timer_HuisverbodEindigt").getDuedate()).isEqualTo(datum("2026-03-30T18:00:00+02:00"));
    assertThat(taak(zaak, "besluit-verlenging")).isNotNull();
    // no continuing threat: refused
    assertThatThrownBy(() -> taskService.complete(verlenging.getId(), Map.of("verlengen", true,
        "dreigingZetVoort", false, "verlengdTot", "2026-04-05T18:00:00+02:00")))
        .hasMessageContaining("dreiging voortduurt");
    // exactly four weeks: allowed; the end timer moves
    taskService.complete(verlenging.getId(), Map.of("verlengen", true, "dreigingZetVoort", true,
        "verlengdTot", "2026-04-17T18:00:00+02:00", "verlengingMotivering", "Dreiging houdt aan"));
    identityService.clearAuthentication();
    assertThat(timer(zaak, "Timer_HuisverbodEindigt").getDuedate()).isEqualTo(datum("2026-04-17T18:00:00+02:00"));
    assertThat(variabele(zaak, "verlengingUitkomst")).isEqualTo("VERLENGING_TOEGESTAAN");
    voerStappenUit(zaak);
    assertThat(Buitensystemen.politie().geslaagd(REGISTRATIES + "/" + zaak.zaaknummer() + "/verlengingen"))
        .isEqualTo(1);
    assertThat(zaak.pi()).hasPassed("Einde_MaximaalVerlengd");

    ClockUtil.setCurrentTime(datum("2026-04-17T18:00:00+02:00"));
    managementService.executeJob(timer(zaak, "Timer_HuisverbodEindigt").getId());
    voerStappenUit(zaak);
    assertThat(variabele(zaak, "beeindigingsreden")).isEqualTo("VERLOPEN");
    assertThat(Buitensystemen.politie().geslaagd(REGISTRATIES + "/" + zaak.zaaknummer() + "/beeindigingen"))
        .isEqualTo(1);
  }

  @Test
  @DisplayName("Verlengen in twee stappen, en de hulpofficier kan niet verlengen (art. 3)")
  void tweeVerlengingenEnGeenMandaat() {
    Zaak zaak = stelVoor(uniekVoorstel());
    legOp(zaak, "hovj", "HULPOFFICIER", null, "Bij zijn moeder");
    Job evaluatie = timer(zaak, "Timer_Evaluatie");
    ClockUtil.setCurrentTime(evaluatie.getDuedate());
    managementService.executeJob(evaluatie.getId());
    Task verlenging = taak(zaak, "besluit-verlenging");

    alsGebruiker("hovj", "hulpofficier");
    assertThatThrownBy(() -> taskService.complete(verlenging.getId(), Map.of("verlengen", true,
        "dreigingZetVoort", true, "verlengdTot", "2027-05-10T10:00:00+02:00")))
        .isInstanceOf(AuthorizationException.class);
    identityService.clearAuthentication();
    // an engine call on behalf of a hulpofficier (e.g. an administrator's script) is refused by the decision table
    assertThatThrownBy(() -> taskService.complete(verlenging.getId(), Map.of("verlengen", true,
        "dreigingZetVoort", true, "verlengdTot", "2027-05-10T10:00:00+02:00", "beslisser", "HULPOFFICIER")))
        .hasMessageContaining("niet mandateerbaar");

    alsGebruiker("burgemeester", "burgemeester");
    taskService.complete(verlenging.getId(), Map.of("verlengen", true, "dreigingZetVoort", true,
        "verlengdTot", "2027-05-10T10:00:00+02:00"));
    identityService.clearAuthentication();
    voerStappenUit(zaak);
    Job tweede = timer(zaak, "Timer_Evaluatie");
    assertThat(tweede.getDuedate()).isEqualTo(datum("2027-05-08T10:00:00+02:00"));
    ClockUtil.setCurrentTime(tweede.getDuedate());
    managementService.executeJob(tweede.getId());
    alsGebruiker("burgemeester", "burgemeester");
    taskService.complete(taak(zaak, "besluit-verlenging").getId(), Map.of("verlengen", true,
        "dreigingZetVoort", true, "verlengdTot", "2027-05-21T10:00:00+02:00"));
    identityService.clearAuthentication();
    assertThat(timer(zaak, "Timer_HuisverbodEindigt").getDuedate()).isEqualTo(datum("2027-05-21T10:00:00+02:00"));
    voerStappenUit(zaak);
    assertThat(zaak.pi()).hasPassed("Einde_MaximaalVerlengd");
  }

  @Test
  @DisplayName("De burgemeester verlengt niet: het huisverbod eindigt na tien dagen, iedereen hoort het")
  void nietVerlengdEnAfgelopen() throws Exception {
    Zaak zaak = stelVoor(uniekVoorstel());
    legOp(zaak, "burgemeester", "BURGEMEESTER", null, "Opvang");
    voerStappenUit(zaak);
    rondHulpaanbodAf(zaak, false);
    Job evaluatie = timer(zaak, "Timer_Evaluatie");
    ClockUtil.setCurrentTime(evaluatie.getDuedate());
    managementService.executeJob(evaluatie.getId());
    alsGebruiker("burgemeester", "burgemeester");
    taskService.complete(taak(zaak, "besluit-verlenging").getId(), Map.of("verlengen", false));
    identityService.clearAuthentication();
    Job einde = timer(zaak, "Timer_HuisverbodEindigt");
    ClockUtil.setCurrentTime(einde.getDuedate());
    managementService.executeJob(einde.getId());
    voerStappenUit(zaak);
    assertThat(zaak.pi()).hasPassed("Einde_NietVerlengd", "Einde_LooptijdVerstreken",
        "Taak_PolitieEindeMelden", "Taak_ZorgEindeMelden", "Taak_EindeMelden").isWaitingAt("Monitoring");
    assertThat(Buitensystemen.zorg().verzoeken().stream().filter(v -> v.pad().endsWith("/beeindiging")).count())
        .isEqualTo(1);
    assertThat(mailsOver(zaak.zaaknummer(), "")).extracting(HuisverbodProcesIT::onderwerp)
        .anyMatch(o -> o.contains("beëindigd") || o.contains("afgelopen") || o.contains("einde"));

    // Veilig Thuis monitors the household under the order's zaaknummer; unsafe again, it is reported anew.
    ProcessInstance monitoring = monitoring(zaak);
    assertThat(monitoring.getBusinessKey()).isEqualTo(zaak.zaaknummer());
    monitoringsmoment(monitoring, false);
    voerStappenUit(zaak);
    assertThat(zaak.pi()).isEnded().hasPassed("Monitoring", "Taak_VeiligThuisOpnieuwMelden", "Einde_OpnieuwGemeld");
    assertThat(variabele(zaak, "monitoringUitkomst")).isEqualTo("ONVEILIG");
    assertThat(variabele(zaak, "afsluitreden")).isEqualTo("OPNIEUW_GEMELD_BIJ_VEILIG_THUIS");
    assertThat(jdbc.sql("select count(*) from melding where externe_referentie = ?")
        .param("HV:" + zaak.zaaknummer() + ":monitoring:1").query(Long.class).single()).isEqualTo(1);
  }

  // ------------------------------------------------------------------ events while in force (art. 5, 6, 9, 11)

  @Test
  @DisplayName("Overtreding: de politie hoort het (strafrecht), de burgemeester beoordeelt, het huisverbod blijft")
  void overtredingViaDeDomeinApi() {
    Zaak zaak = stelVoor(uniekVoorstel());
    legOp(zaak, "burgemeester", "BURGEMEESTER", null, "Opvang");
    ResponseEntity<String> fout = api.stuur("agent", HttpMethod.POST,
        "/api/huisverboden/" + zaak.zaaknummer() + "/overtredingen", "{\"omschrijving\": \"\"}");
    assertThat(fout.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(HuisverbodApi.json(fout).get("errors")).hasSize(2);
    assertThat(api.stuur("burgemeester", HttpMethod.POST, "/api/huisverboden/" + zaak.zaaknummer()
        + "/overtredingen", "{}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    ClockUtil.setCurrentTime(datum("2027-04-24T22:30:00+02:00"));
    ResponseEntity<String> gemeld = api.stuur("agent", HttpMethod.POST,
        "/api/huisverboden/" + zaak.zaaknummer() + "/overtredingen",
        "{\"overtredingOp\": \"2027-04-24T22:10:00+02:00\", \"omschrijving\": \"Aan de deur gezien\"}");
    assertThat(gemeld.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    voerStappenUit(zaak);
    String pv = Buitensystemen.politie().verzoeken(REGISTRATIES + "/" + zaak.zaaknummer() + "/overtredingen")
        .get(0).body();
    assertThat(pv).contains("Aan de deur gezien");
    Task beoordelen = taak(zaak, "overtreding-beoordelen");
    assertThat(kandidaatGroepen(beoordelen)).containsExactly("burgemeester");
    taskService.complete(beoordelen.getId(), Map.of("overtredingVervolgstappen", "Gesprek; verlenging overwegen"));
    assertThat(zaak.pi()).isActive().isWaitingAt("Timer_HuisverbodEindigt");
  }

  @Test
  @DisplayName("Voorlopige voorziening: raadsman binnen 24 uur, zitting binnen 3 dagen; toegewezen beëindigt")
  void voorlopigeVoorzieningToegewezen() {
    Zaak zaak = stelVoor(uniekVoorstel());
    legOp(zaak, "burgemeester", "BURGEMEESTER", null, "Opvang");
    voerStappenUit(zaak);
    assertThat(api.stuur("burgemeester", HttpMethod.POST, "/api/huisverboden/" + zaak.zaaknummer()
        + "/voorlopige-voorziening", "{\"ingediendOp\": \"2027-04-23T09:50:00+02:00\"}").getStatusCode())
        .isEqualTo(HttpStatus.ACCEPTED);
    Task raadsman = taak(zaak, "raadsman-regelen");
    Task verweer = taak(zaak, "verweer-voorbereiden");
    assertThat(raadsman.getDueDate()).isEqualTo(datum("2027-04-24T09:50:00+02:00"));
    assertThat(verweer.getDueDate()).isEqualTo(datum("2027-04-26T09:50:00+02:00"));

    ResponseEntity<String> onzin = api.stuur("burgemeester", HttpMethod.POST, "/api/huisverboden/"
        + zaak.zaaknummer() + "/uitspraak", "{\"uitspraak\": \"GESCHORST\"}");
    assertThat(onzin.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(api.stuur("burgemeester", HttpMethod.POST, "/api/huisverboden/" + zaak.zaaknummer()
        + "/uitspraak", "{\"uitspraak\": \"TOEGEWEZEN\"}").getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(variabele(zaak, "beeindigingsreden")).isEqualTo("VOORZIENINGENRECHTER");
    assertThat(taken(zaak, "raadsman-regelen")).isEmpty();
    voerStappenUit(zaak);
    assertThat(Buitensystemen.politie().verzoeken(REGISTRATIES + "/" + zaak.zaaknummer() + "/beeindigingen").get(0)
        .body()).contains("VOORZIENINGENRECHTER");
    assertThat(zaak.pi()).hasPassed("Einde_DoorRechterBeeindigd", "Escalatie_HuisverbodBeeindigd");
    // after the end no more events apply
    assertThat(api.stuur("agent", HttpMethod.POST, "/api/huisverboden/" + zaak.zaaknummer() + "/overtredingen",
        "{\"overtredingOp\": \"2027-04-23T09:55:00+02:00\", \"omschrijving\": \"te laat\"}").getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
  }

  @Test
  @DisplayName("Voorlopige voorziening afgewezen: het huisverbod blijft van kracht")
  void voorlopigeVoorzieningAfgewezen() {
    Zaak zaak = stelVoor(uniekVoorstel());
    legOp(zaak, "burgemeester", "BURGEMEESTER", null, "Opvang");
    api.stuur("burgemeester", HttpMethod.POST, "/api/huisverboden/" + zaak.zaaknummer() + "/voorlopige-voorziening",
        "{}");
    alsGebruiker("burgemeester", "burgemeester");
    taskService.complete(taak(zaak, "raadsman-regelen").getId(), Map.of("raadsmanGevraagd", true,
        "raadsman", "Mr. De Wit, Utrecht"));
    taskService.complete(taak(zaak, "verweer-voorbereiden").getId(), Map.of("verweer", "Dreiging blijft"));
    identityService.clearAuthentication();
    api.stuur("burgemeester", HttpMethod.POST, "/api/huisverboden/" + zaak.zaaknummer() + "/uitspraak",
        "{\"uitspraak\": \"AFGEWEZEN\"}");
    assertThat(zaak.pi()).hasPassed("Einde_VoorzieningVoorbereid", "Einde_VerzoekAfgewezen")
        .isWaitingAt("Timer_HuisverbodEindigt");
  }

  @Test
  @DisplayName("De uithuisgeplaatste aanvaardt hulp: de burgemeester trekt in (art. 2 lid 9), niet de hulpofficier")
  void aanvaardHulpaanbodLeidtTotIntrekking() {
    Zaak zaak = stelVoor(uniekVoorstel());
    legOp(zaak, "burgemeester", "BURGEMEESTER", null, "Opvang");
    voerStappenUit(zaak);
    rondHulpaanbodAf(zaak, true);
    Task intrekking = taak(zaak, "besluit-intrekking");
    assertThat(kandidaatGroepen(intrekking)).containsExactly("burgemeester");
    assertThat(variabele(zaak, "bevestigdDoor")).isNotNull();

    alsGebruiker("hovj", "hulpofficier");
    assertThatThrownBy(() -> taskService.complete(intrekking.getId(), Map.of("intrekken", true)))
        .isInstanceOf(AuthorizationException.class);
    alsGebruiker("burgemeester", "burgemeester");
    assertThatThrownBy(() -> taskService.complete(intrekking.getId(), Map.of("intrekken", true)))
        .hasMessageContaining("intrekkingMotivering is verplicht");
    taskService.complete(intrekking.getId(), Map.of("intrekken", true,
        "intrekkingMotivering", "Hulp aanvaard; herhalingsrisico gedaald"));
    identityService.clearAuthentication();
    voerStappenUit(zaak);
    assertThat(variabele(zaak, "beeindigingsreden")).isEqualTo("INGETROKKEN");
    assertThat(jdbc.sql("select count(*) from zaak_document where zaaknummer = ? and soort like '%INTREKKING%'")
        .param(zaak.zaaknummer()).query(Long.class).single()).isEqualTo(1);
    assertThat(zaak.pi()).hasPassed("Einde_Ingetrokken", "Taak_EindeMelden").isWaitingAt("Monitoring");

    // Stably safe at every monitoring moment: the case closes and the municipality hears it.
    ProcessInstance monitoring = monitoring(zaak);
    while (alsSysteem(() -> managementService.createJobQuery().processInstanceId(monitoring.getId())
        .activityId("Timer_VolgendMonitoringmoment").count()) == 1) {
      monitoringsmoment(monitoring, true);
    }
    voerStappenUit(zaak);
    assertThat(zaak.pi()).isEnded().hasPassed("Monitoring", "Einde_AfgeslotenNaMonitoring");
    assertThat(variabele(zaak, "afsluitreden")).isEqualTo("STABIEL_VEILIG_NA_MONITORING");
    assertThat(mailsOver(zaak.zaaknummer(), "burgemeester")).extracting(HuisverbodProcesIT::onderwerp)
        .anyMatch(o -> o.startsWith("Monitoring afgesloten"));
  }

  @Test
  @DisplayName("De burgemeester trekt niet in: het huisverbod blijft")
  void nietIngetrokken() {
    Zaak zaak = stelVoor(uniekVoorstel());
    legOp(zaak, "burgemeester", "BURGEMEESTER", null, "Opvang");
    assertThat(api.stuur("wijkteam", HttpMethod.POST, "/api/huisverboden/" + zaak.zaaknummer()
        + "/hulpaanbod-aanvaard", "{\"bevestigdDoor\": \"Wijkteam Oost\"}").getStatusCode())
        .isEqualTo(HttpStatus.ACCEPTED);
    alsGebruiker("burgemeester", "burgemeester");
    taskService.complete(taak(zaak, "besluit-intrekking").getId(), Map.of("intrekken", false));
    identityService.clearAuthentication();
    assertThat(zaak.pi()).hasPassed("Einde_NietIngetrokken").isWaitingAt("Timer_HuisverbodEindigt");
  }

  // ------------------------------------------------------------------ outside systems down

  @Test
  @DisplayName("Politiesysteem plat en weer op: uiteindelijk precies één registratie; zonder herstel een incident")
  void politieStoringVerliestNiets() {
    Zaak zaak = stelVoor(uniekVoorstel());
    legOp(zaak, "burgemeester", "BURGEMEESTER", null, "Opvang");
    Job registreren = job(zaak, "Taak_PolitieRegistreren");
    Buitensystemen.politie().plat();
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> managementService.executeJob(registreren.getId()));
    }
    assertThat(managementService.createJobQuery().jobId(registreren.getId()).singleResult().getRetries()).isEqualTo(7);
    Buitensystemen.politie().weerOp();
    managementService.executeJob(registreren.getId());
    assertThat(Buitensystemen.politie().geslaagd(REGISTRATIES)).isEqualTo(1);
    assertThat(Buitensystemen.politie().aantalPerIdempotencyKey(REGISTRATIES)).hasSize(1);

    Job uitreiken = job(zaak, "Taak_BeschikkingOpstellen");
    managementService.executeJob(uitreiken.getId());
    Job huishouden = job(zaak, "Taak_HuishoudenInformeren");
    Buitensystemen.politie().plat();
    while (managementService.createJobQuery().jobId(huishouden.getId()).singleResult().getRetries() > 0) {
      assertThatThrownBy(() -> managementService.executeJob(huishouden.getId()));
    }
    Incident incident = runtimeService.createIncidentQuery().processInstanceId(zaak.pi().getId()).singleResult();
    assertThat(incident.getActivityId()).isEqualTo("Taak_HuishoudenInformeren");
    assertThat(incident.getIncidentMessage()).containsIgnoringCase("politie");
  }

  // ------------------------------------------------------------------ the care offer (hulpaanbod)

  @Test
  @DisplayName("Eerste contact te laat: Veilig Thuis krijgt een taak; het veiligheidsplan voor het einde")
  void eersteContactTeLaatEnVeiligheidsplan() {
    Zaak zaak = stelVoor(uniekVoorstel());
    legOp(zaak, "burgemeester", "BURGEMEESTER", null, "Opvang");
    voerStappenUit(zaak);
    ProcessInstance hulp = hulpaanbod(zaak);
    Job teLaat = managementService.createJobQuery().processInstanceId(hulp.getId())
        .activityId("Timer_EersteContactTeLaat").list().get(0);
    assertThat(teLaat.getDuedate()).isEqualTo(Date.from(NU.plusSeconds(24 * 3600)));
    ClockUtil.setCurrentTime(teLaat.getDuedate());
    managementService.executeJob(teLaat.getId());
    Task escalatie = taskService.createTaskQuery().processInstanceId(hulp.getId())
        .taskDefinitionKey("eerste-contact-te-laat").singleResult();
    assertThat(kandidaatGroepen(escalatie)).containsExactly("vt-teamleider");
    taskService.complete(escalatie.getId(), Map.of("escalatieActie", "Wijkteam gebeld"));
    rondHulpaanbodAf(zaak, false);
    assertThat(hulp).isEnded().hasPassed("Einde_EersteContactEscalatie", "Einde_PlanAfgesproken");
    assertThat(jdbc.sql("select count(*) from hulpaanbod_contact where zaaknummer = ?").param(zaak.zaaknummer())
        .query(Long.class).single()).isEqualTo(4);
  }

  @Test
  @DisplayName("Geen veiligheidsplan voor het einde: Veilig Thuis krijgt een taak")
  void veiligheidsplanTeLaat() {
    Zaak zaak = stelVoor(uniekVoorstel());
    legOp(zaak, "burgemeester", "BURGEMEESTER", null, "Opvang");
    voerStappenUit(zaak);
    ProcessInstance hulp = hulpaanbod(zaak);
    for (Task contact : taskService.createTaskQuery().processInstanceId(hulp.getId())
        .taskDefinitionKey("eerste-contact").list()) {
      taskService.complete(contact.getId(), Map.of("contactGelegd", true, "hulpAanvaard", false));
    }
    Job teLaat = managementService.createJobQuery().processInstanceId(hulp.getId())
        .activityId("Timer_VeiligheidsplanTeLaat").singleResult();
    ClockUtil.setCurrentTime(teLaat.getDuedate());
    managementService.executeJob(teLaat.getId());
    Task escalatie = taskService.createTaskQuery().processInstanceId(hulp.getId())
        .taskDefinitionKey("veiligheidsplan-te-laat").singleResult();
    taskService.complete(escalatie.getId(), Map.of("escalatieActie", "Casusoverleg gepland"));
    taskService.complete(taskService.createTaskQuery().processInstanceId(hulp.getId())
        .taskDefinitionKey("veiligheidsplan-afspreken").singleResult().getId(),
        Map.of("veiligheidsplan", "Afspraken over contact en toezicht"));
    assertThat(hulp).isEnded().hasPassed("Einde_VeiligheidsplanEscalatie", "Einde_HulpGestart");
  }

  // ------------------------------------------------------------------ coverage of the models

  @AfterAll
  void elkStroomelementIsDoorlopen() {
    for (String sleutel : List.of("huisverbod", "hulpaanbod")) {
      String definitie = repositoryService.createProcessDefinitionQuery().processDefinitionKey(sleutel)
          .latestVersion().singleResult().getId();
      Set<String> alle = repositoryService.getBpmnModelInstance(definitie).getModelElementsByType(FlowNode.class)
          .stream().map(FlowNode::getId).collect(Collectors.toSet());
      Set<String> doorlopen = historyService.createHistoricActivityInstanceQuery().processDefinitionId(definitie)
          .list().stream().filter(a -> gestart.contains(a.getRootProcessInstanceId()))
          .map(HistoricActivityInstance::getActivityId).collect(Collectors.toSet());
      Set<String> niet = new HashSet<>(alle);
      niet.removeAll(doorlopen);
      assertThat(niet).as("niet doorlopen in %s", sleutel).isEmpty();
    }
  }

  // ------------------------------------------------------------------ helpers

  record Zaak(String zaaknummer, ProcessInstance pi, String advies) {}

  /** A valid proposal with persons of its own, so that Veilig Thuis's radar keeps tests apart. */
  private ObjectNode uniekVoorstel() {
    ObjectNode voorstel = TestVoorstel.geldig();
    String achternaam = "Test" + UUID.randomUUID().toString().substring(0, 8);
    ((ObjectNode) voorstel.get("pleger")).put("naam", "Pieter " + achternaam).put("bsn", TestBsn.nieuw());
    for (JsonNode achterblijver : voorstel.get("achterblijvers")) {
      ((ObjectNode) achterblijver).put("naam", achterblijver.get("naam").asText() + " " + achternaam);
    }
    return voorstel;
  }

  private Zaak stelVoor(ObjectNode voorstel) {
    ResponseEntity<String> antwoord = api.stelVoor("agent", voorstel.toString());
    assertThat(antwoord.getStatusCode()).as(antwoord.getBody()).isEqualTo(HttpStatus.CREATED);
    JsonNode json = HuisverbodApi.json(antwoord);
    String pi = json.get("processInstanceId").asText();
    gestart.add(pi);
    ProcessInstance instantie = runtimeService.createProcessInstanceQuery().processInstanceId(pi).singleResult();
    if (instantie == null) {
      instantie = new BeeindigdeInstantie(pi, json.get("zaaknummer").asText());
    }
    return new Zaak(json.get("zaaknummer").asText(), instantie, json.get("advies").asText());
  }

  private void legOp(Zaak zaak, String gebruiker, String opgelegdDoor, String opgelegdOp, String bereikbaar) {
    Map<String, Object> besluit = new HashMap<>();
    besluit.put("besluit", "OPLEGGEN");
    besluit.put("opgelegdDoor", opgelegdDoor);
    if (opgelegdOp != null) {
      besluit.put("opgelegdOp", opgelegdOp);
    }
    if (bereikbaar != null) {
      besluit.put("bereikbaarheidsadres", bereikbaar);
    }
    alsGebruiker(gebruiker, "hovj".equals(gebruiker) ? "hulpofficier" : "burgemeester");
    try {
      taskService.complete(taak(zaak, "besluit-oplegging").getId(), besluit);
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** Completes the first contacts (the uithuisgeplaatste accepts when asked) and the safety plan. */
  private void rondHulpaanbodAf(Zaak zaak, boolean uithuisgeplaatsteAanvaardt) {
    ProcessInstance hulp = hulpaanbod(zaak);
    for (Task contact : taskService.createTaskQuery().processInstanceId(hulp.getId())
        .taskDefinitionKey("eerste-contact").list()) {
      boolean pleger = "PLEGER".equals(taskService.getVariable(contact.getId(), "persoonRol"));
      taskService.complete(contact.getId(), Map.of("contactGelegd", true,
          "hulpAanvaard", pleger ? uithuisgeplaatsteAanvaardt : true, "toelichting", "Gesprek gevoerd"));
    }
    voerStappenUit(zaak);
    Task plan = taskService.createTaskQuery().processInstanceId(hulp.getId())
        .taskDefinitionKey("veiligheidsplan-afspreken").singleResult();
    if (plan != null) {
      taskService.complete(plan.getId(), Map.of("veiligheidsplan", "Afspraken", "veiligheidsplanMetHuishoudenBesproken",
          true));
    }
  }

  private ProcessInstance hulpaanbod(Zaak zaak) {
    return runtimeService.createProcessInstanceQuery().superProcessInstanceId(zaak.pi().getId())
        .processDefinitionKey("hulpaanbod").singleResult();
  }

  /** Runs every due asynchronous step (not timers) of the case and its called processes until none is left. */
  private void voerStappenUit(Zaak zaak) {
    for (int ronde = 0; ronde < 20; ronde++) {
      List<Job> stappen = managementService.createJobQuery().processInstanceId(zaak.pi().getId()).messages().list();
      for (ProcessInstance sub : runtimeService.createProcessInstanceQuery().superProcessInstanceId(zaak.pi().getId())
          .list()) {
        stappen = new java.util.ArrayList<>(stappen);
        stappen.addAll(managementService.createJobQuery().processInstanceId(sub.getId()).messages().list());
      }
      if (stappen.isEmpty()) {
        return;
      }
      for (Job stap : stappen) {
        managementService.executeJob(stap.getId());
      }
    }
    throw new AssertionError("Asynchrone stappen blijven komen in " + zaak.zaaknummer());
  }

  private ProcessInstance monitoring(Zaak zaak) {
    return alsSysteem(() -> runtimeService.createProcessInstanceQuery().superProcessInstanceId(zaak.pi().getId())
        .processDefinitionKey("monitoring").singleResult());
  }

  /** The next monitoring moment falls due and the case worker records it: safe, or unsafe again. */
  private void monitoringsmoment(ProcessInstance monitoring, boolean veilig) {
    Job moment = alsSysteem(() -> managementService.createJobQuery().processInstanceId(monitoring.getId())
        .activityId("Timer_VolgendMonitoringmoment").timers().singleResult());
    ClockUtil.setCurrentTime(moment.getDuedate());
    managementService.executeJob(moment.getId());
    Task taak = taskService.createTaskQuery().processInstanceId(monitoring.getId())
        .taskDefinitionKey("monitoring-moment").singleResult();
    alsGebruiker(HuisverbodTestGebruikers.MEDEWERKER_AMSTERDAM, "vt-medewerker");
    taskService.complete(taak.getId(), Map.of("voorwaardenNageleefd", veilig, "stabielVeilig", veilig,
        "toelichting", veilig ? "Rustig thuis, afspraken nagekomen" : "Uithuisgeplaatste weer in de woning"));
    identityService.clearAuthentication();
  }

  private Job timer(Zaak zaak, String activiteit) {
    return alsSysteem(() -> managementService.createJobQuery().processInstanceId(zaak.pi().getId())
        .activityId(activiteit).timers().singleResult());
  }

  private Job job(Zaak zaak, String activiteit) {
    return alsSysteem(() -> managementService.createJobQuery().processInstanceId(zaak.pi().getId())
        .activityId(activiteit).singleResult());
  }

  private Task taak(Zaak zaak, String sleutel) {
    return alsSysteem(() -> taskService.createTaskQuery().processInstanceId(zaak.pi().getId())
        .taskDefinitionKey(sleutel).singleResult());
  }

  private List<Task> taken(Zaak zaak, String sleutel) {
    List<Task> gevonden = new java.util.ArrayList<>(taskService.createTaskQuery()
        .processInstanceId(zaak.pi().getId()).taskDefinitionKey(sleutel).list());
    ProcessInstance hulp = hulpaanbod(zaak);
    if (hulp != null) {
      gevonden.addAll(taskService.createTaskQuery().processInstanceId(hulp.getId()).taskDefinitionKey(sleutel).list());
    }
    return gevonden;
  }

  private Object variabele(Zaak zaak, String naam) {
    return alsSysteem(() -> historyService.createHistoricVariableInstanceQuery().processInstanceId(zaak.pi().getId())
        .variableName(naam).list().stream().filter(v -> v.getActivityInstanceId() != null)
        .filter(v -> v.getActivityInstanceId().equals(zaak.pi().getId())
            || v.getActivityInstanceId().equals(v.getProcessInstanceId()))
        .findFirst().map(v -> v.getValue()).orElse(null));
  }

  private List<String> kandidaatGroepen(Task taak) {
    return taskService.getIdentityLinksForTask(taak.getId()).stream()
        .filter(l -> "candidate".equals(l.getType())).map(IdentityLink::getGroupId).toList();
  }

  /** Reads the engine's state as the system, whatever user a test is acting as at that moment. */
  private <T> T alsSysteem(java.util.function.Supplier<T> lezen) {
    org.camunda.bpm.engine.impl.identity.Authentication huidig = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return lezen.get();
    } finally {
      if (huidig != null) {
        identityService.setAuthentication(huidig);
      }
    }
  }

  private void alsGebruiker(String gebruiker, String groep) {
    TestIdentiteit.alsGebruiker(identityService, gebruiker, List.of(groep));
  }

  private List<MimeMessage> mailsOver(String zaaknummer, String aanBevat) {
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(m -> onderwerp(m).contains(zaaknummer) || tekst(m).contains(zaaknummer))
        .filter(m -> ontvangers(m).contains(aanBevat))
        .toList();
  }

  private MimeMessage enigeMail(String zaaknummer, String aanBevat) {
    List<MimeMessage> mails = mailsOver(zaaknummer, aanBevat);
    assertThat(mails).hasSize(1);
    return mails.get(0);
  }

  private static String onderwerp(MimeMessage m) {
    try {
      return String.valueOf(m.getSubject());
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String tekst(MimeMessage m) {
    return GreenMailUtil.getBody(m);
  }

  private static String ontvangers(MimeMessage m) {
    try {
      return Arrays.toString(m.getRecipients(Message.RecipientType.TO));
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Date datum(String isoMetZone) {
    return Date.from(OffsetDateTime.parse(isoMetZone).toInstant());
  }
}
