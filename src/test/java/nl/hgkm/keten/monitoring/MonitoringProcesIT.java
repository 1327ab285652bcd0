package nl.hgkm.keten.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import nl.hgkm.keten.support.KetenIntegratieTest;
import nl.hgkm.keten.support.TestKlok;
import nl.hgkm.keten.zaak.TestGebruikers;
import nl.hgkm.keten.support.TestIdentiteit;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every path of process {@code monitoring}, one story per test: started directly for a case file, from a Veilig Thuis
 * case (through the real intake API) and from a huisverbod. Timers and asynchronous steps are driven directly with
 * the engine clock moved. The last check asserts that together these stories pass every flow node of the model.
 */
@KetenIntegratieTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonitoringProcesIT {

  /** Friday 23 April 2027, 10:00 in Amsterdam. */
  private static final OffsetDateTime NU = OffsetDateTime.parse("2027-04-23T10:00:00+02:00");
  // Region Utrecht: where the demo case worker (medewerker) is a member of the tenant.
  private static final String REGIO = "utrecht";
  private static final String VT_MAILBOX = "intake@vt-utrecht.example";
  private static final String TEAMLEIDERS = "teamleiders@vt-utrecht.example";
  private static final String LOKALE_TEAMS = "lokaleteams@utrecht.example";
  private static final String BURGEMEESTER = "huisverbod@burgemeester.utrecht.example";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired RepositoryService repositoryService;
  @Autowired IdentityService identityService;
  @Autowired JdbcClient jdbc;
  @Autowired GreenMail smtp;
  @Autowired TestRestTemplate http;

  private final Set<String> zaken = new HashSet<>();

  @BeforeEach
  void zetKlok() {
    AbstractAssertions.init(engine);
    ClockUtil.setCurrentTime(Date.from(NU.toInstant()));
  }

  @AfterEach
  void herstelKlok() {
    identityService.clearAuthentication();
    TestKlok.terug();
  }

  // ------------------------------------------------------------------ the plan, moment by moment

  @Test
  @DisplayName("Standaardplan: elke 3 maanden gedurende 12 maanden, vier momenten, daarna horen de partners het")
  void volledigPlanVanTwaalfMaanden() throws Exception {
    String zaaknummer = vtDossier(false);
    ProcessInstance pi = startMonitoring(zaaknummer, "VOORWAARDEN_EN_VERVOLG", Map.of(
        "veiligheidsvoorwaarden", "Geen geweld in bijzijn van de kinderen", "overdrachtAan", "Wijkteam Oost"));

    assertThat(pi).isWaitingAt("Timer_VolgendMonitoringmoment");
    assertThat(pi).variables()
        .containsEntry("kinderenBetrokken", false).containsEntry("eerdereMeldingen12Maanden", 0)
        .containsEntry("acuutInVoorgeschiedenis", false).containsEntry("huisverbodOpgelegd", false)
        .containsEntry("monitoringInterval", "P3M").containsEntry("monitoringDuur", "P12M")
        .containsEntry("risicoprofiel", "STANDAARD")
        .containsEntry("monitoringStart", Date.from(NU.toInstant()))
        .containsEntry("monitoringEinde", datum("2028-04-23T10:00:00+02:00"))
        .containsEntry("planTot", "2028-04-23");

    List<String> momenten = List.of("2027-07-23T10:00:00+02:00", "2027-10-23T10:00:00+02:00",
        "2028-01-23T10:00:00+01:00", "2028-04-23T10:00:00+02:00");
    List<String> uiterlijk = List.of("2027-08-02T23:59:59+02:00", "2027-11-02T23:59:59+01:00",
        "2028-02-02T23:59:59+01:00", "2028-05-03T23:59:59+02:00");
    for (int i = 0; i < momenten.size(); i++) {
      Job timer = timer(pi, "Timer_VolgendMonitoringmoment");
      assertThat(timer.getDuedate()).as("moment %d", i + 1).isEqualTo(datum(momenten.get(i)));
      ClockUtil.setCurrentTime(timer.getDuedate());
      execute(timer);

      Task moment = taak(pi, "monitoring-moment");
      assertThat(moment.getDueDate()).isEqualTo(datum(uiterlijk.get(i)));
      assertThat(kandidaatGroepen(moment)).containsExactly("vt-medewerker");
      assertThat(formService.getTaskFormData(moment.getId()).getCamundaFormRef().getKey())
          .isEqualTo("monitoring-moment");
      assertThat(runtimeService.getVariables(pi.getId())).containsEntry("momentNummer", i + 1)
          .containsEntry("deadline", uiterlijk.get(i).substring(0, 10))
          .doesNotContainKeys("stabielVeilig", "voorwaardenNageleefd", "toelichting");
      complete(moment, veilig());
    }

    assertThat(pi).isWaitingAt("Taak_PartnersInformeren");
    execute(job("Taak_PartnersInformeren", pi));

    assertThat(pi).isEnded().hasPassed("Einde_PlanDoorlopen", "Einde_StabielVeilig")
        .hasNotPassed("Einde_OpnieuwOnveilig");
    assertThat(historischeVariabele(pi.getId(), "monitoringUitkomst")).isEqualTo("STABIEL_VEILIG");
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
        .activityId("monitoring-moment").count()).isEqualTo(4);

    MimeMessage aanVeiligThuis = enigeMailAan(VT_MAILBOX, zaaknummer);
    assertThat(aanVeiligThuis.getSubject()).isEqualTo("Monitoring afgesloten, huishouden stabiel veilig: " + zaaknummer);
    assertThat(GreenMailUtil.getBody(aanVeiligThuis)).contains("van 23-4-2027 tot en met 23-4-2028")
        .contains("alle 4 monitoringsmomenten").contains("Beste collega's van Veilig Thuis Utrecht");
    assertThat(GreenMailUtil.getBody(enigeMailAan(LOKALE_TEAMS, zaaknummer))).contains("lokale team");
    assertThat(auditSoorten(zaaknummer)).containsExactly("MONITORING_GESTART", "MONITORINGSMOMENT",
        "MONITORINGSMOMENT", "MONITORINGSMOMENT", "MONITORINGSMOMENT", "MONITORING_AFGESLOTEN");
  }

  @Test
  @DisplayName("Een te laat monitoringsmoment escaleert naar de teamleider; het vastleggen sluit de escalatie")
  void teLaatMonitoringsmomentEscaleert() throws Exception {
    ProcessInstance pi = startMonitoring(vtDossier(false), "VERZOEK_ONDERZOEK_RVDK", Map.of());
    String zaaknummer = pi.getBusinessKey();
    vuurVolgendMoment(pi);

    Job teLaat = timer(pi, "Timer_MonitoringsmomentTeLaat");
    assertThat(teLaat.getDuedate()).isEqualTo(datum("2027-08-03T00:00:00+02:00"));
    ClockUtil.setCurrentTime(teLaat.getDuedate());
    execute(teLaat);
    execute(job("Taak_TeamleiderMailenMonitoringsmoment", pi));

    MimeMessage mail = enigeMailAan(TEAMLEIDERS, zaaknummer);
    assertThat(mail.getSubject()).isEqualTo("Monitoringsmoment te laat: " + zaaknummer);
    assertThat(GreenMailUtil.getBody(mail)).contains("monitoringsmoment 1").contains("23-7-2027")
        .contains("2-8-2027");
    Task escalatie = taak(pi, "escalatie-monitoringmoment");
    assertThat(kandidaatGroepen(escalatie)).containsExactly("vt-teamleider");
    assertThat(escalatie.getPriority()).isEqualTo(90);
    complete(escalatie, withVariables("escalatieActie", "Toegewezen aan een tweede medewerker"));
    complete(taak(pi, "monitoring-moment"), veilig());
    assertThat(pi).hasPassed("Einde_EscalatieMonitoringsmoment", "Einde_MomentVastgelegd")
        .isWaitingAt("Timer_VolgendMonitoringmoment");

    // The second moment is late too; recording it closes the team leader's open task.
    vuurVolgendMoment(pi);
    Job weerTeLaat = timer(pi, "Timer_MonitoringsmomentTeLaat");
    ClockUtil.setCurrentTime(weerTeLaat.getDuedate());
    execute(weerTeLaat);
    execute(job("Taak_TeamleiderMailenMonitoringsmoment", pi));
    assertThat(taken(pi, "escalatie-monitoringmoment")).hasSize(1);
    complete(taak(pi, "monitoring-moment"), veilig());
    assertThat(taken(pi, "escalatie-monitoringmoment")).isEmpty();
    assertThat(pi).isWaitingAt("Timer_VolgendMonitoringmoment");
  }

  @Test
  @DisplayName("Zonder antwoord op de vragen, of stabiel veilig zonder contact, blijft het moment open")
  void onvolledigMonitoringsmomentWordtGeweigerd() {
    ProcessInstance pi = startMonitoring(vtDossier(false), "MDA_PLUSPLUS", Map.of());
    assertThat(pi).variables().containsEntry("monitoringInterval", "P1M").containsEntry("monitoringDuur", "P24M")
        .containsEntry("risicoprofiel", "HOOG");
    vuurVolgendMoment(pi);
    Task moment = taak(pi, "monitoring-moment");
    assertThat(moment.getPriority()).isEqualTo(70);

    assertThatThrownBy(() -> taskService.complete(moment.getId(), Map.of("voorwaardenNageleefd", true,
        "toelichting", "Gesprek gevoerd")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("stabielVeilig");
    assertThatThrownBy(() -> taskService.complete(moment.getId(), Map.of("voorwaardenNageleefd", true,
        "stabielVeilig", true, "toelichting", " ")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("toelichting is verplicht");
    assertThatThrownBy(() -> taskService.complete(moment.getId(), Map.of("voorwaardenNageleefd", true,
        "stabielVeilig", true, "contactGezin", false, "contactProfessionals", true, "toelichting", "Alleen school")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("na contact met het gezin");

    // Through the engine REST API as the case worker: 400 with the message, the task stays open.
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> antwoord = http.withBasicAuth(TestGebruikers.MEDEWERKER, TestGebruikers.WACHTWOORD)
        .postForEntity("/engine-rest/task/" + moment.getId() + "/complete", new HttpEntity<>("""
            {"variables": {"stabielVeilig": {"value": true, "type": "Boolean"},
                           "toelichting": {"value": "Gesprek gevoerd", "type": "String"}}}""", headers),
            String.class);
    assertThat(antwoord.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(antwoord.getBody()).contains("voorwaardenNageleefd");

    assertThat(taken(pi, "monitoring-moment")).hasSize(1);
    assertThat(runtimeService.getVariables(pi.getId())).doesNotContainKeys("stabielVeilig", "voorwaardenNageleefd");
    assertThat(auditSoorten(pi.getBusinessKey())).containsExactly("MONITORING_GESTART");
  }

  // ------------------------------------------------------------------ from a Veilig Thuis case

  @Test
  @DisplayName("Onveilig bij een monitoringsmoment: dezelfde zaak krijgt een nieuwe veiligheidsbeoordeling")
  void onveiligMomentOpentDeVeiligheidsbeoordelingOpnieuw() throws Exception {
    GemonitordeZaak zaak = zaakInMonitoring();
    assertThat(zaak.monitoring()).variables().containsEntry("herkomst", "VOORWAARDEN_EN_VERVOLG")
        .containsEntry("veiligheidsvoorwaarden", "Vader volgt agressieregulatie; geen geweld waar de kinderen bij zijn")
        .containsEntry("overdrachtAan", "Wijkteam Oost").containsEntry("kinderenBetrokken", true)
        .containsEntry("risicoprofiel", "STANDAARD");

    vuurVolgendMoment(zaak.monitoring());
    TestIdentiteit.alsGebruiker(identityService, TestGebruikers.MEDEWERKER, List.of("vt-medewerker"));
    complete(taak(zaak.monitoring(), "monitoring-moment"), withVariables("voorwaardenNageleefd", false,
        "stabielVeilig", false, "contactGezin", true, "contactProfessionals", true,
        "nalevingPerVoorwaarde", "Agressieregulatie afgebroken", "toelichting", "School meldt nieuw incident"));
    identityService.clearAuthentication();

    assertThat(zaak.monitoring()).isEnded().hasPassed("Einde_OnveiligBijMoment", "Escalatie_OpnieuwOnveilig",
        "Einde_OpnieuwOnveilig").hasNotPassed("Einde_StabielVeilig");
    assertThat(zaak.melding()).hasPassedInOrder("Monitoring", "Taak_VeiligheidsbeoordelingHeropenen")
        .isWaitingAt("veiligheidsbeoordeling");
    assertThat(zaak.melding()).variables().containsEntry("monitoringUitkomst", "ONVEILIG")
        .containsEntry("deadline", "2027-07-30")
        .containsEntry("veiligheidsbeoordelingVerstreken", datum("2027-07-31T00:00:00+02:00"));
    // Friday 23 July 2027: five working days later is Friday 30 July, end of day.
    Task beoordeling = taak(zaak.melding(), "veiligheidsbeoordeling");
    assertThat(beoordeling.getDueDate()).isEqualTo(datum("2027-07-30T23:59:59+02:00"));
    assertThat(timer(zaak.melding(), "Timer_VeiligheidsbeoordelingVerlopen").getDuedate())
        .isEqualTo(datum("2027-07-31T00:00:00+02:00"));
    assertThat(auditSoorten(zaak.zaaknummer())).contains("MONITORINGSMOMENT", "VEILIGHEIDSBEOORDELING_HEROPEND");

    // The radar sees the case in its assessment again: a new report is a vervolgmelding during the assessment.
    JsonNode vervolg = meld(zaak.slachtoffer(), false);
    assertThat(vervolg.path("categorie").asText()).isEqualTo("VERVOLGMELDING_TIJDENS_VB");
    assertThat(vervolg.path("zaaknummer").asText()).isEqualTo(zaak.zaaknummer());
    assertThat(vervolg.path("processInstanceId").asText()).isEqualTo(zaak.melding().getId());
    assertThat(vervolg.path("veiligheidsbeoordelingUiterlijk").asText()).isEqualTo("2027-07-30");
  }

  @Test
  @DisplayName("Vervolgmelding tijdens monitoring: via de intake in de monitoring gewogen; vraagt zij actie, dan opnieuw beoordelen")
  void vervolgmeldingTijdensMonitoring() throws Exception {
    GemonitordeZaak zaak = zaakInMonitoring();
    ClockUtil.setCurrentTime(datum("2027-05-10T09:00:00+02:00"));

    JsonNode eerste = meld(zaak.slachtoffer(), false);
    assertThat(eerste.path("categorie").asText()).isEqualTo("VERVOLGMELDING_TIJDENS_MONITORING");
    assertThat(eerste.path("zaaknummer").asText()).isEqualTo(zaak.zaaknummer());
    assertThat(eerste.path("processInstanceId").asText()).isEqualTo(zaak.monitoring().getId());
    Task weging = taak(zaak.monitoring(), "vervolgmelding-wegen");
    assertThat(kandidaatGroepen(weging)).containsExactly("vt-medewerker");
    assertThat(weging.getDueDate()).isEqualTo(datum("2027-05-11T09:00:00+02:00"));
    assertThat(taskService.getVariables(weging.getId()))
        .containsEntry("vervolgCategorie", "VERVOLGMELDING_TIJDENS_MONITORING")
        .containsEntry("vervolgAcuut", false).containsEntry("vervolgMelderType", "POLITIE");
    complete(weging, withVariables("vervolgmeldingVraagtActie", false,
        "vervolgmeldingWeging", "Bekend incident, al besproken met het wijkteam"));
    assertThat(zaak.monitoring()).hasPassed("Einde_VervolgMeldingGewogen")
        .isWaitingAt("Timer_VolgendMonitoringmoment");

    ClockUtil.setCurrentTime(datum("2027-06-01T22:00:00+02:00"));
    JsonNode acuut = meld(zaak.slachtoffer(), true);
    assertThat(acuut.path("categorie").asText()).isEqualTo("VERVOLGMELDING_TIJDENS_MONITORING");
    Task acuteWeging = taak(zaak.monitoring(), "vervolgmelding-wegen");
    assertThat(acuteWeging.getPriority()).isEqualTo(90);
    assertThat(acuteWeging.getDueDate()).isEqualTo(datum("2027-06-02T00:00:00+02:00"));
    TestIdentiteit.alsGebruiker(identityService, TestGebruikers.MEDEWERKER, List.of("vt-medewerker"));
    complete(acuteWeging, withVariables("vervolgmeldingVraagtActie", true,
        "vervolgmeldingWeging", "Nieuw geweld; veiligheid niet gegarandeerd"));
    identityService.clearAuthentication();

    assertThat(zaak.monitoring()).isEnded().hasPassed("Einde_OnveiligNaVervolgmelding", "Einde_OpnieuwOnveilig")
        .hasNotPassed("monitoring-moment");
    assertThat(zaak.melding()).isWaitingAt("veiligheidsbeoordeling");
    // Tuesday 1 June 2027: the fifth working day after it is Tuesday 8 June.
    assertThat(taak(zaak.melding(), "veiligheidsbeoordeling").getDueDate())
        .isEqualTo(datum("2027-06-08T23:59:59+02:00"));
  }

  // ------------------------------------------------------------------ after a huisverbod

  @Test
  @DisplayName("Na een huisverbod: elke 2 maanden gedurende 18 maanden; stabiel veilig, gemeente en Veilig Thuis horen het")
  void naHuisverbodStabielVeilig() throws Exception {
    String zaaknummer = hvDossier(false);
    ProcessInstance huisverbod = startHuisverbodBijMonitoring(zaaknummer);
    ProcessInstance pi = monitoringVan(huisverbod);
    assertThat(pi.getBusinessKey()).isEqualTo(zaaknummer);
    assertThat(pi).variables().containsEntry("herkomst", "HUISVERBOD").containsEntry("huisverbodOpgelegd", true)
        .containsEntry("kinderenBetrokken", false).containsEntry("monitoringInterval", "P2M")
        .containsEntry("monitoringDuur", "P18M").containsEntry("risicoprofiel", "VERHOOGD");

    int momenten = 0;
    while (managementService.createJobQuery().processInstanceId(pi.getId())
        .activityId("Timer_VolgendMonitoringmoment").count() == 1) {
      vuurVolgendMoment(pi);
      complete(taak(pi, "monitoring-moment"), veilig());
      momenten++;
    }
    assertThat(momenten).isEqualTo(9);
    execute(job("Taak_PartnersInformeren", pi));

    assertThat(pi).isEnded().hasPassed("Einde_StabielVeilig");
    assertThat(huisverbod).isEnded().hasPassed("Monitoring", "Einde_AfgeslotenNaMonitoring");
    assertThat(historischeVariabele(huisverbod.getId(), "afsluitreden")).isEqualTo("STABIEL_VEILIG_NA_MONITORING");
    assertThat(GreenMailUtil.getBody(enigeMailAan(BURGEMEESTER, zaaknummer)))
        .contains("Geachte burgemeester van Utrecht").contains("alle 9 monitoringsmomenten");
    assertThat(enigeMailAan(VT_MAILBOX, zaaknummer).getSubject()).contains(zaaknummer);
    assertThat(mailsAan(LOKALE_TEAMS, zaaknummer)).isEmpty();
  }

  @Test
  @DisplayName("Na een huisverbod opnieuw onveilig: het huishouden wordt opnieuw gemeld bij Veilig Thuis")
  void naHuisverbodOpnieuwOnveilig() {
    String zaaknummer = hvDossier(true);
    ProcessInstance huisverbod = startHuisverbodBijMonitoring(zaaknummer);
    ProcessInstance pi = monitoringVan(huisverbod);
    assertThat(pi).variables().containsEntry("kinderenBetrokken", true).containsEntry("monitoringInterval", "P1M")
        .containsEntry("risicoprofiel", "HOOG");

    vuurVolgendMoment(pi);
    complete(taak(pi, "monitoring-moment"), withVariables("voorwaardenNageleefd", true, "stabielVeilig", false,
        "toelichting", "Uithuisgeplaatste weer in de woning gezien"));

    assertThat(pi).isEnded().hasPassed("Einde_OpnieuwOnveilig");
    assertThat(huisverbod).isWaitingAt("Taak_VeiligThuisOpnieuwMelden");
    execute(job("Taak_VeiligThuisOpnieuwMelden", huisverbod));

    assertThat(huisverbod).isEnded().hasPassed("Einde_OpnieuwGemeld");
    String vtZaak = (String) historischeVariabele(huisverbod.getId(), "vtZaaknummer");
    assertThat(vtZaak).startsWith("VT-2027-");
    assertThat(historischeVariabele(huisverbod.getId(), "afsluitreden")).isEqualTo("OPNIEUW_GEMELD_BIJ_VEILIG_THUIS");
    Map<String, Object> melding = jdbc.sql("select * from melding where externe_referentie = ?")
        .param("HV:" + zaaknummer + ":monitoring:1").query().singleRow();
    assertThat(melding).containsEntry("ZAAKNUMMER", vtZaak).containsEntry("MELDER_TYPE", "PROFESSIONAL")
        .containsEntry("STRUCTUREEL", true);
    assertThat(jdbc.sql("select count(*) from betrokkene where zaaknummer = ?").param(vtZaak).query(Long.class)
        .single()).isEqualTo(3);
    ProcessInstance nieuweMelding = runtimeService.createProcessInstanceQuery().processDefinitionKey("melding")
        .processInstanceBusinessKey(vtZaak).singleResult();
    assertThat(nieuweMelding).isWaitingAt("veiligheidsbeoordeling");
    assertThat(auditSoorten(zaaknummer)).contains("ZAAK_AFGESLOTEN");
  }

  // ------------------------------------------------------------------ coverage of the model

  @AfterAll
  void elkStroomelementVanMonitoringIsDoorlopen() {
    String definitieId = repositoryService.createProcessDefinitionQuery().processDefinitionKey("monitoring")
        .latestVersion().singleResult().getId();
    Set<String> alleElementen = repositoryService.getBpmnModelInstance(definitieId)
        .getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId).collect(Collectors.toSet());
    Set<String> doorlopen = zaken.stream()
        .flatMap(zaak -> historyService.createHistoricProcessInstanceQuery().processDefinitionKey("monitoring")
            .processInstanceBusinessKey(zaak).list().stream())
        .map(HistoricProcessInstance::getId)
        .flatMap(pi -> historyService.createHistoricActivityInstanceQuery().processInstanceId(pi).list().stream())
        .map(HistoricActivityInstance::getActivityId)
        .collect(Collectors.toSet());
    Set<String> ontbrekend = new HashSet<>(alleElementen);
    ontbrekend.removeAll(doorlopen);
    assertThat(ontbrekend).as("niet doorlopen").isEmpty();
  }

  // ------------------------------------------------------------------ helpers

  /** A Veilig Thuis case that reached monitoring after voorwaarden en vervolg, through the real intake API. */
  record GemonitordeZaak(String zaaknummer, ProcessInstance melding, ProcessInstance monitoring,
      ObjectNode slachtoffer) {}

  private GemonitordeZaak zaakInMonitoring() {
    ObjectNode slachtoffer = persoon("SLACHTOFFER", "Slachtoffer " + UUID.randomUUID(), "1990-01-31");
    ObjectNode kind = persoon("KIND", "Kind " + UUID.randomUUID(), "2019-06-01");
    ObjectNode body = melding(NU, false, slachtoffer, kind);
    JsonNode antwoord = created(post(body));
    assertThat(antwoord.path("categorie").asText()).isEqualTo("NIEUWE_MELDING");
    String zaaknummer = antwoord.path("zaaknummer").asText();
    zaken.add(zaaknummer);
    ProcessInstance melding = runtimeService.createProcessInstanceQuery()
        .processInstanceId(antwoord.path("processInstanceId").asText()).singleResult();

    Map<String, Object> beoordeling = new HashMap<>(Map.of(
        "betreftHGofKM", true, "minderjarigeErnstigBedreigdMaatregelNodig", false, "hgkmAannemelijk", true,
        "betrokkenenWerkenMee", true, "voldoendeInformatie", true, "anonimiteitToegezegd", false,
        "acuut", false, "structureel", true, "complexHerhaaldMeerdereLeefgebieden", false,
        "passendeLopendeHulpverlening", false));
    beoordeling.put("zelfredzaamGeenVervolgNodig", false);
    beoordeling.put("melderRolInVervolg", false);
    beoordeling.put("toelichtingVeiligheidsbeoordeling", "Kinderen getuige van geweld; ouders werken mee");
    complete(taak(melding, "veiligheidsbeoordeling"), beoordeling);
    assertThat(runtimeService.getVariable(melding.getId(), "vervolg")).isEqualTo("VOORWAARDEN_EN_VERVOLG");
    for (ProcessInstance terugkoppeling : runtimeService.createProcessInstanceQuery()
        .superProcessInstanceId(melding.getId()).processDefinitionKey("terugkoppeling").list()) {
      managementService.createJobQuery().processInstanceId(terugkoppeling.getId()).list()
          .forEach(j -> managementService.executeJob(j.getId()));
    }
    complete(taak(melding, "veiligheidsvoorwaarden-vaststellen"), withVariables(
        "veiligheidsvoorwaarden", "Vader volgt agressieregulatie; geen geweld waar de kinderen bij zijn",
        "overdrachtAan", "Wijkteam Oost"));
    // The local team confirms in its own name: starting the monitoring needs its READ on the model.
    TestIdentiteit.alsGebruiker(identityService, TestGebruikers.WIJKTEAM, List.of("wijkteam"));
    complete(taak(melding, "overdracht-bevestigen"),
        withVariables("overdrachtGeaccepteerd", true, "toelichtingOverdracht", "Start maandag"));
    identityService.clearAuthentication();

    assertThat(melding).isWaitingAt("Monitoring");
    ProcessInstance monitoring = monitoringVan(melding);
    assertThat(monitoring.getBusinessKey()).isEqualTo(zaaknummer);
    assertThat(monitoring).isWaitingAt("Timer_VolgendMonitoringmoment");
    return new GemonitordeZaak(zaaknummer, melding, monitoring, slachtoffer);
  }

  /** A melding about the same victim, received now, through POST /api/meldingen as the intake. */
  private JsonNode meld(ObjectNode slachtoffer, boolean acuut) {
    OffsetDateTime nu = ClockUtil.getCurrentTime().toInstant().atOffset(ZoneOffset.ofHours(2));
    return created(post(melding(nu, acuut, slachtoffer.deepCopy())));
  }

  private ObjectNode melding(OffsetDateTime ontvangenOp, boolean acuut, ObjectNode... personen) {
    ObjectNode melding = JSON.createObjectNode();
    melding.put("ontvangenOp", ontvangenOp.toString());
    melding.put("regio", REGIO);
    melding.putObject("melder").put("type", "POLITIE").put("naam", "Team Centrum").put("email", "centrum@example.org")
        .put("anoniemNaarGezin", false);
    Arrays.stream(personen).forEach(melding.putArray("betrokkenen")::add);
    melding.putObject("signalen").put("directLevensgevaar", acuut).put("kindStelselmatigGetuigeHG", true);
    melding.put("omschrijving", "Huiselijk geweld in het bijzijn van een kind.");
    return melding;
  }

  private static ObjectNode persoon(String rol, String naam, String geboortedatum) {
    return JSON.createObjectNode().put("rol", rol).put("naam", naam).put("geboortedatum", geboortedatum);
  }

  private ResponseEntity<String> post(JsonNode body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(TestGebruikers.INTAKE, TestGebruikers.WACHTWOORD)
        .postForEntity("/api/meldingen", new HttpEntity<>(body.toString(), headers), String.class);
  }

  private static JsonNode created(ResponseEntity<String> antwoord) {
    assertThat(antwoord.getStatusCode()).as(antwoord.getBody()).isEqualTo(HttpStatus.CREATED);
    try {
      return JSON.readTree(antwoord.getBody());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A Veilig Thuis case file with one adult victim no other test knows. */
  private String vtDossier(boolean acuut) {
    String zaaknummer = "VT-2027-" + (950000 + ThreadLocalRandom.current().nextInt(49999));
    OffsetDateTime op = NU.withOffsetSameInstant(ZoneOffset.UTC);
    jdbc.sql("insert into zaak (zaaknummer, zaaktype, regio, aangemaakt_op) values (?, 'MELDING', ?, ?)")
        .params(zaaknummer, REGIO, op).update();
    jdbc.sql("""
            insert into melding (zaaknummer, ontvangen_op, geregistreerd_op, geregistreerd_door, categorie,
              melder_type, melder_naam, melder_email, anoniem_naar_gezin, acuut, structureel, signalen)
            values (?, ?, ?, 'intake', 'NIEUWE_MELDING', 'POLITIE', 'Team Centrum', 'centrum@example.org', false, ?,
              true, '{}')""")
        .params(zaaknummer, op, op, acuut).update();
    long meldingId = jdbc.sql("select id from melding where zaaknummer = ?").param(zaaknummer).query(Long.class)
        .single();
    String naam = "Slachtoffer " + UUID.randomUUID();
    jdbc.sql("""
            insert into betrokkene (melding_id, zaaknummer, rol, naam, naam_genormaliseerd, geboortedatum)
            values (?, ?, 'SLACHTOFFER', ?, ?, ?)""")
        .params(meldingId, zaaknummer, naam, naam.toLowerCase(), LocalDate.of(1988, 3, 3)).update();
    return zaaknummer;
  }

  /** A huisverbod case file of municipality utrecht: the uithuisgeplaatste, a victim and, if asked, a child. */
  private String hvDossier(boolean metKind) {
    String zaaknummer = "HV-2027-" + (960000 + ThreadLocalRandom.current().nextInt(39999));
    OffsetDateTime op = NU.minusDays(30).withOffsetSameInstant(ZoneOffset.UTC);
    jdbc.sql("insert into zaak (zaaknummer, zaaktype, regio, aangemaakt_op) values (?, 'HUISVERBOD', ?, ?)")
        .params(zaaknummer, REGIO, op).update();
    jdbc.sql("""
            insert into huisverbod (zaaknummer, regio, gemeente, incident_op, woning_adres, kindermishandeling,
              pleger_meerderjarig, woont_of_verblijft_niet_incidenteel, ernstig_onmiddellijk_gevaar_oordeel,
              rood_pleger, rood_incident, rood_gezin, feiten, advies, ingediend_door, ingediend_op)
            values (?, ?, 'utrecht', ?, 'Dorpsstraat 1, 1234 AB Utrecht', false, true, true, true, 3, 1, 0,
              'Geweld in de keuken', 'HUISVERBOD_IN_BEGINSEL', 'hovj', ?)""")
        .params(zaaknummer, REGIO, op, op).update();
    hvPersoon(zaaknummer, "PLEGER", "Pleger " + UUID.randomUUID(), LocalDate.of(1985, 6, 1));
    hvPersoon(zaaknummer, "SLACHTOFFER", "Slachtoffer " + UUID.randomUUID(), LocalDate.of(1987, 2, 14));
    if (metKind) {
      hvPersoon(zaaknummer, "KIND", "Kind " + UUID.randomUUID(), LocalDate.of(2019, 9, 3));
    }
    return zaaknummer;
  }

  private void hvPersoon(String zaaknummer, String rol, String naam, LocalDate geboren) {
    jdbc.sql("""
            insert into huisverbod_persoon (zaaknummer, rol, naam, geboortedatum, contactverbod)
            values (?, ?, ?, ?, ?)""")
        .params(zaaknummer, rol, naam, geboren, !"PLEGER".equals(rol)).update();
  }

  /** The tail of process huisverbod: the order has ended and everyone has heard; monitoring starts. */
  private ProcessInstance startHuisverbodBijMonitoring(String zaaknummer) {
    zaken.add(zaaknummer);
    return runtimeService.createProcessInstanceByKey("huisverbod").businessKey(zaaknummer)
        .setVariables(Map.of("zaaknummer", zaaknummer, "regio", REGIO, "gemeente", "utrecht",
            "beeindigingsreden", "VERLOPEN"))
        .startBeforeActivity("Monitoring")
        .execute();
  }

  private ProcessInstance startMonitoring(String zaaknummer, String herkomst, Map<String, Object> extra) {
    zaken.add(zaaknummer);
    Map<String, Object> variabelen = new HashMap<>(extra);
    variabelen.put("zaaknummer", zaaknummer);
    variabelen.put("regio", REGIO);
    variabelen.put("herkomst", herkomst);
    variabelen.put("acuut", false);
    return runtimeService.startProcessInstanceByKey("monitoring", zaaknummer, variabelen);
  }

  private ProcessInstance monitoringVan(ProcessInstance aanroeper) {
    return runtimeService.createProcessInstanceQuery().superProcessInstanceId(aanroeper.getId())
        .processDefinitionKey("monitoring").singleResult();
  }

  /** Moves the clock to the next monitoring moment and fires its timer. */
  private void vuurVolgendMoment(ProcessInstance pi) {
    Job timer = timer(pi, "Timer_VolgendMonitoringmoment");
    ClockUtil.setCurrentTime(timer.getDuedate());
    execute(timer);
  }

  private static Map<String, Object> veilig() {
    return withVariables("voorwaardenNageleefd", true, "stabielVeilig", true, "contactGezin", true,
        "contactProfessionals", true, "toelichting", "Gezin en school zien een rustige thuissituatie");
  }

  private Job timer(ProcessInstance pi, String activiteit) {
    return managementService.createJobQuery().processInstanceId(pi.getId()).activityId(activiteit).timers()
        .singleResult();
  }

  private Task taak(ProcessInstance pi, String sleutel) {
    return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(sleutel).singleResult();
  }

  private List<Task> taken(ProcessInstance pi, String sleutel) {
    return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(sleutel).list();
  }

  private List<String> kandidaatGroepen(Task taak) {
    return taskService.getIdentityLinksForTask(taak.getId()).stream()
        .filter(l -> "candidate".equals(l.getType())).map(IdentityLink::getGroupId).toList();
  }

  private Object historischeVariabele(String pi, String naam) {
    return historyService.createHistoricVariableInstanceQuery().processInstanceId(pi).variableName(naam).list()
        .stream().map(HistoricVariableInstance::getValue).findFirst().orElse(null);
  }

  private List<String> auditSoorten(String zaaknummer) {
    return jdbc.sql("select soort from audit_gebeurtenis where zaaknummer = ? order by tijdstip, id")
        .param(zaaknummer).query(String.class).list();
  }

  private static Date datum(String tijdstip) {
    return Date.from(OffsetDateTime.parse(tijdstip).toInstant());
  }

  private List<MimeMessage> mailsAan(String adres, String zaaknummer) {
    List<MimeMessage> mails = new ArrayList<>();
    for (MimeMessage mail : smtp.getReceivedMessages()) {
      try {
        if (Arrays.stream(mail.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(adres))
            && mail.getSubject().contains(zaaknummer)) {
          mails.add(mail);
        }
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }
    return mails;
  }

  private MimeMessage enigeMailAan(String adres, String zaaknummer) {
    List<MimeMessage> mails = mailsAan(adres, zaaknummer);
    assertThat(mails).as("mails aan %s over %s", adres, zaaknummer).hasSize(1);
    return mails.get(0);
  }
}
