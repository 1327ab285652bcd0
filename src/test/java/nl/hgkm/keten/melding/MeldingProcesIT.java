package nl.hgkm.keten.melding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import nl.hgkm.keten.kalender.Termijn;
import nl.hgkm.keten.kalender.Werkdagenkalender;
import nl.hgkm.keten.support.KetenIntegratieTest;
import nl.hgkm.keten.support.TestKlok;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
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
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every path of process {@code melding}, one story per test, with timers and asynchronous steps driven directly.
 * The last check asserts that together these stories pass every flow node of the model.
 */
@KetenIntegratieTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeldingProcesIT {

  private static final Instant NU = OffsetDateTime.parse("2027-04-23T10:00:00+02:00").toInstant();

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired RepositoryService repositoryService;
  @Autowired JdbcClient jdbc;
  @Autowired GreenMail smtp;
  @Autowired Werkdagenkalender kalender;

  private final Set<String> gestarteZaken = new HashSet<>();

  @BeforeEach
  void zetKlok() {
    AbstractAssertions.init(engine);
    ClockUtil.setCurrentTime(Date.from(NU));
  }

  @AfterEach
  void herstelKlok() {
    TestKlok.terug();
  }

  // ------------------------------------------------------------------ acute check and assessment

  @Test
  @DisplayName("Niet acuut: de veiligheidsbeoordeling staat klaar, uiterlijk eind van de vijfde werkdag")
  void nietAcuutGaatDirectNaarDeVeiligheidsbeoordeling() {
    Zaak zaak = start(v -> {});

    assertThat(zaak.pi()).isWaitingAt("veiligheidsbeoordeling").hasPassed("Beslissing_AcuteOnveiligheid",
        "Beslissing_StructureleOnveiligheid").hasNotPassed("directe-veiligheid");
    assertThat(zaak.pi()).variables().containsEntry("acuut", false).containsEntry("structureel", false)
        .containsEntry("acuteGronden", "").containsEntry("structureleGronden", "");
    Task beoordeling = task(zaak.pi());
    assertThat(formService.getTaskFormData(beoordeling.getId()).getCamundaFormRef().getKey())
        .isEqualTo("veiligheidsbeoordeling");
    // Koningsdag 27 April 2027: received Friday 23 April, the fifth working day is Monday 3 May
    assertThat(beoordeling.getDueDate().toInstant())
        .isEqualTo(OffsetDateTime.parse("2027-05-03T23:59:59+02:00").toInstant());
    assertThat(kandidaatGroepen(beoordeling)).containsExactly("vt-medewerker");
  }

  @Test
  @DisplayName("Acuut onveilig: eerst directe veiligheid, met een vervaltijd van twee uur")
  void acuutGeeftEerstEenTaakVoorDirecteVeiligheid() {
    Zaak zaak = start(v -> v.put("directLevensgevaar", true));

    assertThat(zaak.pi()).isWaitingAt("directe-veiligheid");
    assertThat(zaak.pi()).variables().containsEntry("acuut", true)
        .containsEntry("acuteGronden", "directLevensgevaar");
    Task taak = task(zaak.pi());
    assertThat(kandidaatGroepen(taak)).containsExactly("vt-medewerker");
    assertThat(taak.getDueDate().toInstant()).isEqualTo(NU.plus(Duration.ofHours(2)));

    complete(taak, withVariables("genomenMaatregelen", "Politie ter plaatse, slachtoffer in opvang",
        "overlegHuisverbodGevoerd", true, "directeVeiligheidGeregeld", true));
    assertThat(zaak.pi()).isWaitingAt("veiligheidsbeoordeling").hasPassed("directe-veiligheid");
  }

  @Test
  @DisplayName("Structurele gronden worden vastgelegd en gaan mee naar de beoordeling")
  void structureleOnveiligheidWordtVastgesteld() {
    Zaak zaak = start(v -> v.put("kindStelselmatigGetuigeHG", true));
    assertThat(zaak.pi()).isWaitingAt("veiligheidsbeoordeling");
    assertThat(zaak.pi()).variables().containsEntry("structureel", true).containsEntry("acuut", false)
        .containsEntry("structureleGronden", "kindStelselmatigGetuigeHG");
  }

  @Test
  @DisplayName("Termijn verstreken: teamleider krijgt mail en taak; de beoordeling loopt door en sluit de escalatie")
  void verstrekenTermijnEscaleertNaarDeTeamleider() throws Exception {
    Zaak zaak = start(v -> {});
    Job timer = managementService.createJobQuery().processInstanceId(zaak.pi().getId()).timers().singleResult();
    assertThat(timer.getDuedate().toInstant())
        .isEqualTo(OffsetDateTime.parse("2027-05-04T00:00:00+02:00").toInstant());

    ClockUtil.setCurrentTime(timer.getDuedate());
    execute(timer);
    assertThat(zaak.pi()).isWaitingAt("veiligheidsbeoordeling", "Taak_TeamleiderMailenVeiligheidsbeoordeling");
    execute(job("Taak_TeamleiderMailenVeiligheidsbeoordeling", zaak.pi()));

    MimeMessage mail = enigeMailAan("teamleiders@vt-amsterdam-amstelland.example", zaak.zaaknummer());
    assertThat(mail.getSubject()).isEqualTo("Termijn veiligheidsbeoordeling verstreken: " + zaak.zaaknummer());
    assertThat(GreenMailUtil.getBody(mail)).contains("3-5-2027");
    Task escalatie = taskService.createTaskQuery().processInstanceId(zaak.pi().getId())
        .taskDefinitionKey("escalatie-veiligheidsbeoordeling").singleResult();
    assertThat(kandidaatGroepen(escalatie)).containsExactly("vt-teamleider");

    completeBeoordeling(zaak, Map.of("zelfredzaamGeenVervolgNodig", true));
    assertThat(taskService.createTaskQuery().processInstanceId(zaak.pi().getId())
        .taskDefinitionKey("escalatie-veiligheidsbeoordeling").count()).isZero();
    voerTerugkoppelingUit(zaak);
    assertThat(zaak.pi()).isEnded().hasPassed("Einde_BemoeienisBeeindigd", "Timer_VeiligheidsbeoordelingVerlopen");
    assertThat(historisch(zaak, "afsluitreden")).isEqualTo("EINDE_BEMOEIENIS");
  }

  @Test
  @DisplayName("De teamleider pakt de escalatie op voordat de beoordeling klaar is")
  void teamleiderRondtEscalatieAf() {
    Zaak zaak = start(v -> {});
    Job timer = managementService.createJobQuery().processInstanceId(zaak.pi().getId()).timers().singleResult();
    ClockUtil.setCurrentTime(timer.getDuedate());
    execute(timer);
    execute(job("Taak_TeamleiderMailenVeiligheidsbeoordeling", zaak.pi()));
    complete(taak(zaak, "escalatie-veiligheidsbeoordeling"),
        withVariables("escalatieActie", "Toegewezen aan een tweede medewerker"));
    assertThat(zaak.pi()).hasPassed("Einde_EscalatieVeiligheidsbeoordeling").isWaitingAt("veiligheidsbeoordeling");
  }

  // ------------------------------------------------------------------ follow-up (vervolg) paths

  @Test
  @DisplayName("Overdracht aan het lokale team: melder (professional) hoort het per mail; wijkteam bevestigt")
  void overdrachtAanHetLokaleTeam() throws Exception {
    Zaak zaak = start(v -> v.put("melderType", "PROFESSIONAL"));
    completeBeoordeling(zaak, Map.of());
    assertThat(zaak.pi()).variables().containsEntry("vervolg", "OVERDRACHT_LOKAAL_TEAM");

    voerTerugkoppelingUit(zaak);
    MimeMessage mail = enigeMailAan(zaak.melderEmail(), zaak.zaaknummer());
    assertThat(mail.getSubject()).contains(zaak.zaaknummer()).contains("na de veiligheidsbeoordeling");
    assertThat(GreenMailUtil.getBody(mail)).contains("zet een vervolg in").contains("lokale team");

    Task overdracht = taak(zaak, "overdracht-bevestigen");
    assertThat(kandidaatGroepen(overdracht)).containsExactly("wijkteam");
    complete(overdracht, withVariables("overdrachtGeaccepteerd", true, "toelichtingOverdracht", "Start maandag"));
    assertThat(zaak.pi()).isEnded().hasPassed("Einde_Overgedragen", "Einde_MelderTeruggekoppeld");
    assertThat(historisch(zaak, "afsluitreden")).isEqualTo("OVERGEDRAGEN");
    assertThat(jdbc.sql("select omschrijving from audit_gebeurtenis where zaaknummer = ? and soort = 'ZAAK_AFGESLOTEN'")
        .param(zaak.zaaknummer()).query(String.class).single()).startsWith("Overgedragen aan het lokale team");
  }

  @Test
  @DisplayName("Voorwaarden en vervolg: overdracht pas als het team kan starten, daarna monitoring")
  void voorwaardenEnVervolgMetAangevuldeOverdracht() {
    Zaak zaak = start(v -> v.put("kindStelselmatigGetuigeHG", true));
    completeBeoordeling(zaak, Map.of("structureel", true));
    assertThat(zaak.pi()).variables().containsEntry("vervolg", "VOORWAARDEN_EN_VERVOLG");
    voerTerugkoppelingUit(zaak);

    complete(taak(zaak, "veiligheidsvoorwaarden-vaststellen"), withVariables(
        "veiligheidsvoorwaarden", "Geen geweld in bijzijn van de kinderen; vader volgt agressieregulatie",
        "overdrachtAan", "Wijkteam Oost"));
    complete(taak(zaak, "overdracht-bevestigen"),
        withVariables("overdrachtGeaccepteerd", false, "toelichtingOverdracht", "Contactgegevens school ontbreken"));
    Task aanvullen = taak(zaak, "overdracht-aanvullen");
    assertThat(kandidaatGroepen(aanvullen)).containsExactly("vt-medewerker");
    complete(aanvullen, withVariables("overdrachtAan", "Wijkteam Oost", "aanvullendeInformatie", "School: De Linde"));
    complete(taak(zaak, "overdracht-bevestigen"),
        withVariables("overdrachtGeaccepteerd", true, "toelichtingOverdracht", "Compleet"));

    assertThat(zaak.pi()).hasPassedInOrder("veiligheidsvoorwaarden-vaststellen", "overdracht-bevestigen",
        "overdracht-aanvullen", "overdracht-bevestigen").isWaitingAt("Monitoring");
    ProcessInstance monitoring = monitoring(zaak);
    assertThat(monitoring.getBusinessKey()).isEqualTo(zaak.zaaknummer());
    assertThat(monitoring).variables().containsEntry("herkomst", "VOORWAARDEN_EN_VERVOLG")
        .containsEntry("veiligheidsvoorwaarden", "Geen geweld in bijzijn van de kinderen; vader volgt agressieregulatie")
        .containsEntry("overdrachtAan", "Wijkteam Oost").containsEntry("monitoringInterval", "P3M");

    int momenten = 0;
    while (managementService.createJobQuery().processInstanceId(monitoring.getId())
        .activityId("Timer_VolgendMonitoringmoment").count() == 1) {
      monitoringsmoment(monitoring, true);
      momenten++;
    }
    execute(job("Taak_PartnersInformeren", monitoring));
    assertThat(momenten).isEqualTo(4);
    assertThat(zaak.pi()).isEnded().hasPassedInOrder("Monitoring", "Einde_AfgeslotenNaMonitoring");
    assertThat(historisch(zaak, "monitoringUitkomst")).isEqualTo("STABIEL_VEILIG");
    assertThat(historisch(zaak, "afsluitreden")).isEqualTo("STABIEL_VEILIG_NA_MONITORING");
  }

  @Test
  @DisplayName("Overdracht aan lopende hulpverlening")
  void overdrachtAanLopendeHulpverlening() {
    Zaak zaak = start(v -> {});
    completeBeoordeling(zaak, Map.of("passendeLopendeHulpverlening", true));
    assertThat(zaak.pi()).variables().containsEntry("vervolg", "OVERDRACHT_LOPENDE_HULPVERLENING");
    voerTerugkoppelingUit(zaak);
    complete(taak(zaak, "overdracht-bevestigen"),
        withVariables("overdrachtGeaccepteerd", true, "toelichtingOverdracht", "GGZ behandelaar neemt over"));
    assertThat(zaak.pi()).isEnded().hasPassed("Einde_Overgedragen");
  }

  @Test
  @DisplayName("Onderzoek door Veilig Thuis: 10 weken, escalatie, terugkoppeling, monitoring bij voorwaarden")
  void onderzoekMetVoorwaardenEindigtInMonitoring() throws Exception {
    Zaak zaak = start(v -> v.put("melderType", "BURGER"));
    Instant beoordeeldOp = OffsetDateTime.parse("2027-04-28T15:00:00+02:00").toInstant();
    ClockUtil.setCurrentTime(Date.from(beoordeeldOp));
    completeBeoordeling(zaak, Map.of("hgkmAannemelijk", false));
    assertThat(zaak.pi()).variables().containsEntry("vervolg", "ONDERZOEK_VT").containsEntry("deadline", "2027-07-07");
    voerTerugkoppelingUit(zaak);

    Task onderzoek = taak(zaak, "onderzoek");
    assertThat(onderzoek.getDueDate().toInstant())
        .isEqualTo(OffsetDateTime.parse("2027-07-07T23:59:59+02:00").toInstant());
    Job timer = managementService.createJobQuery().processInstanceId(zaak.pi().getId()).timers().singleResult();
    assertThat(timer.getDuedate().toInstant()).isEqualTo(OffsetDateTime.parse("2027-07-08T00:00:00+02:00").toInstant());
    ClockUtil.setCurrentTime(timer.getDuedate());
    execute(timer);
    execute(job("Taak_TeamleiderMailenOnderzoek", zaak.pi()));
    assertThat(enigeMailAan("teamleiders@vt-amsterdam-amstelland.example", zaak.zaaknummer()).getSubject())
        .isEqualTo("Termijn onderzoek verstreken: " + zaak.zaaknummer());
    complete(taak(zaak, "escalatie-onderzoek"), withVariables("escalatieActie", "Extra capaciteit ingezet"));

    complete(onderzoek, withVariables("hgkmVastgesteld", true, "kinderenGehoord", true,
        "veiligheidsvoorwaardenGesteld", true, "veiligheidsvoorwaarden", "Moeder en kinderen in opvang",
        "conclusieOnderzoek", "Huiselijk geweld vastgesteld"));
    voerTerugkoppelingUit(zaak);
    List<MimeMessage> mails = mailsAan(zaak.melderEmail(), zaak.zaaknummer());
    assertThat(mails).hasSize(2);
    assertThat(mails.get(1).getSubject()).contains("na het onderzoek");
    assertThat(GreenMailUtil.getBody(mails.get(1))).contains("veiligheidsvoorwaarden gesteld");
    assertThat(zaak.pi()).hasPassed("Einde_EscalatieOnderzoek").isWaitingAt("Monitoring");
    ProcessInstance monitoring = monitoring(zaak);
    assertThat(monitoring).variables().containsEntry("herkomst", "ONDERZOEK")
        .containsEntry("veiligheidsvoorwaarden", "Moeder en kinderen in opvang");

    // Unsafe again at the first moment (Friday 8 October 2027): a new assessment in the same case, 5 working days.
    monitoringsmoment(monitoring, false);
    assertThat(monitoring).isEnded().hasPassed("Einde_OpnieuwOnveilig");
    assertThat(zaak.pi()).hasPassedInOrder("Monitoring", "Taak_VeiligheidsbeoordelingHeropenen")
        .isWaitingAt("veiligheidsbeoordeling");
    assertThat(zaak.pi()).variables().containsEntry("monitoringUitkomst", "ONVEILIG")
        .containsEntry("deadline", "2027-10-15");
    assertThat(taak(zaak, "veiligheidsbeoordeling").getDueDate().toInstant())
        .isEqualTo(OffsetDateTime.parse("2027-10-15T23:59:59+02:00").toInstant());
  }

  @Test
  @DisplayName("Onderzoek zonder voorwaarden: de zaak sluit na terugkoppeling")
  void onderzoekZonderVoorwaardenSluitAf() {
    Zaak zaak = start(v -> {});
    completeBeoordeling(zaak, Map.of("betrokkenenWerkenMee", false));
    voerTerugkoppelingUit(zaak);
    complete(taak(zaak, "onderzoek"), withVariables("hgkmVastgesteld", false, "kinderenGehoord", true,
        "veiligheidsvoorwaardenGesteld", false, "conclusieOnderzoek", "Geen huiselijk geweld vastgesteld"));
    voerTerugkoppelingUit(zaak);
    assertThat(zaak.pi()).isEnded().hasPassed("Einde_AfgeslotenNaOnderzoek").hasNotPassed("escalatie-onderzoek");
    assertThat(historisch(zaak, "afsluitreden")).isEqualTo("GEEN_VOORWAARDEN_NA_ONDERZOEK");
  }

  @Test
  @DisplayName("Verzoek aan de Raad voor de Kinderbescherming, daarna monitoring")
  void verzoekRaadVoorDeKinderbescherming() {
    Zaak zaak = start(v -> {});
    completeBeoordeling(zaak, Map.of("minderjarigeErnstigBedreigdMaatregelNodig", true));
    voerTerugkoppelingUit(zaak);
    complete(taak(zaak, "verzoek-rvdk"), withVariables("verzoekRvdkVerzonden", true, "collegeGeinformeerd", true,
        "toelichtingVerzoekRvdk", "Ondertoezichtstelling nodig"));
    assertThat(zaak.pi()).isWaitingAt("Monitoring");
    assertThat(monitoring(zaak)).variables().containsEntry("herkomst", "VERZOEK_ONDERZOEK_RVDK")
        .containsEntry("monitoringInterval", "P3M").containsEntry("monitoringDuur", "P12M");
  }

  @Test
  @DisplayName("MDA++ bij complexe, herhaalde onveiligheid, daarna monitoring")
  void mdaPlusPlus() {
    Zaak zaak = start(v -> v.put("herhalendeOfVoortdurendeOnveiligeGebeurtenissen", true));
    completeBeoordeling(zaak, Map.of("structureel", true, "complexHerhaaldMeerdereLeefgebieden", true));
    voerTerugkoppelingUit(zaak);
    complete(taak(zaak, "aanmelding-mda"), withVariables("casusregisseur", "Zorg- en Veiligheidshuis, J. de Boer"));
    assertThat(zaak.pi()).isWaitingAt("Monitoring");
    assertThat(monitoring(zaak)).variables().containsEntry("herkomst", "MDA_PLUSPLUS")
        .containsEntry("monitoringInterval", "P1M").containsEntry("monitoringDuur", "P24M")
        .containsEntry("risicoprofiel", "HOOG");
  }

  @Test
  @DisplayName("Geen huiselijk geweld of kindermishandeling: omgezet in advies")
  void omzettenInAdvies() throws Exception {
    Zaak zaak = start(v -> {});
    completeBeoordeling(zaak, Map.of("betreftHGofKM", false));
    voerTerugkoppelingUit(zaak);
    assertThat(zaak.pi()).isEnded().hasPassed("Einde_OmgezetInAdvies");
    assertThat(historisch(zaak, "afsluitreden")).isEqualTo("OMGEZET_IN_ADVIES");
    assertThat(GreenMailUtil.getBody(enigeMailAan(zaak.melderEmail(), zaak.zaaknummer())))
        .contains("geen vervolg").contains("omgezet in een advies");
  }

  // ------------------------------------------------------------------ feedback to the reporter

  @Test
  @DisplayName("Zonder e-mailadres koppelt een medewerker handmatig terug")
  void handmatigeTerugkoppelingZonderEmail() {
    Zaak zaak = start(v -> v.put("melderEmailBekend", false));
    completeBeoordeling(zaak, Map.of("zelfredzaamGeenVervolgNodig", true));
    ProcessInstance terugkoppeling = terugkoppeling(zaak);
    assertThat(terugkoppeling).isWaitingAt("terugkoppeling-handmatig");
    assertThat(kandidaatGroepen(task(terugkoppeling))).containsExactly("vt-medewerker");
    complete(task(terugkoppeling), withVariables("terugkoppelingWijze", "TELEFONISCH"));
    assertThat(terugkoppeling).isEnded().hasPassed("Einde_TerugkoppelingGegeven");
    assertThat(zaak.pi()).isEnded();
  }

  @Test
  @DisplayName("Een arts die alleen informatie gaf krijgt geen standaardterugkoppeling")
  void informantArtsKrijgtGeenTerugkoppeling() throws Exception {
    Zaak zaak = start(v -> v.put("melderType", "INFORMANT_ARTS"));
    completeBeoordeling(zaak, Map.of("zelfredzaamGeenVervolgNodig", true));
    String terugkoppeling = historyService.createHistoricProcessInstanceQuery()
        .superProcessInstanceId(zaak.pi().getId()).singleResult().getId();
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(terugkoppeling)
        .activityId("Einde_GeenStandaardTerugkoppeling").count()).isEqualTo(1);
    assertThat(mailsAan(zaak.melderEmail(), zaak.zaaknummer())).isEmpty();
  }

  @Test
  @DisplayName("Mailserver onbereikbaar: pogingen, dan een incident; na herstel gaat de mail alsnog")
  void mailstoringWordtEenIncidentEnDaarnaAlsnogVerstuurd() throws Exception {
    Zaak zaak = start(v -> {});
    completeBeoordeling(zaak, Map.of());
    ProcessInstance terugkoppeling = terugkoppeling(zaak);
    Job mailJob = job(terugkoppeling);
    smtp.stop();
    try {
      int pogingen = 0;
      while (managementService.createJobQuery().jobId(mailJob.getId()).singleResult().getRetries() > 0) {
        try {
          managementService.executeJob(mailJob.getId());
        } catch (RuntimeException verwacht) {
          pogingen++;
        }
        assertThat(pogingen).isLessThanOrEqualTo(5);
      }
      assertThat(pogingen).isEqualTo(5);
      Incident incident = engine.getRuntimeService().createIncidentQuery()
          .processInstanceId(terugkoppeling.getId()).singleResult();
      assertThat(incident.getIncidentType()).isEqualTo("failedJob");
      assertThat(incident.getActivityId()).isEqualTo("Taak_TerugkoppelingMailen");
      assertThat(incident.getIncidentMessage()).contains("kon niet worden verstuurd");
    } finally {
      smtp.start();
    }
    managementService.setJobRetries(mailJob.getId(), 1);
    managementService.executeJob(mailJob.getId());
    assertThat(mailsAan(zaak.melderEmail(), zaak.zaaknummer())).hasSize(1);
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(terugkoppeling.getId()).count())
        .isZero();
  }

  // ------------------------------------------------------------------ repeat reports

  @Test
  @DisplayName("Vervolgmelding tijdens de beoordeling: een taak om te wegen, naast de lopende beoordeling")
  void vervolgMeldingGeeftEenWeegtaak() {
    Zaak zaak = start(v -> {});
    runtimeService.createMessageCorrelation("VervolgMelding").processInstanceId(zaak.pi().getId())
        .setVariablesLocal(Map.of("vervolgMeldingId", 1L, "vervolgCategorie", "VERVOLGMELDING_TIJDENS_VB",
            "vervolgAcuut", false, "vervolgStructureel", true, "vervolgOntvangenOp", Date.from(NU),
            "vervolgMelderType", "POLITIE"))
        .correlate();
    assertThat(zaak.pi()).isWaitingAt("veiligheidsbeoordeling", "vervolgmelding-wegen");
    Task weging = taak(zaak, "vervolgmelding-wegen");
    assertThat(kandidaatGroepen(weging)).containsExactly("vt-medewerker");
    assertThat(weging.getDueDate().toInstant()).isEqualTo(NU.plus(Duration.ofHours(24)));
    complete(weging, withVariables("vervolgmeldingVraagtActie", false, "vervolgmeldingWeging", "Bevestigt beeld"));
    assertThat(zaak.pi()).hasPassed("Einde_VervolgMeldingGewogen").isWaitingAt("veiligheidsbeoordeling");
  }

  @Test
  @DisplayName("Acute vervolgmelding: de weegtaak vervalt na twee uur")
  void acuteVervolgMeldingKrijgtKorteVervaltijd() {
    Zaak zaak = start(v -> {});
    runtimeService.createMessageCorrelation("VervolgMelding").processInstanceId(zaak.pi().getId())
        .setVariablesLocal(Map.of("vervolgMeldingId", 2L, "vervolgCategorie", "VERVOLGMELDING_TIJDENS_VB",
            "vervolgAcuut", true, "vervolgStructureel", false, "vervolgOntvangenOp", Date.from(NU),
            "vervolgMelderType", "BURGER"))
        .correlate();
    Task weging = taak(zaak, "vervolgmelding-wegen");
    assertThat(weging.getDueDate().toInstant()).isEqualTo(NU.plus(Duration.ofHours(2)));
    assertThat(weging.getPriority()).isEqualTo(90);
  }

  @Test
  @DisplayName("Twee vervolgmeldingen: elke weegtaak houdt de gegevens van zijn eigen melding")
  void elkeVervolgMeldingHoudtZijnEigenGegevens() {
    Zaak zaak = start(v -> {});
    for (long id : new long[] {11L, 12L}) {
      runtimeService.createMessageCorrelation("VervolgMelding").processInstanceId(zaak.pi().getId())
          .setVariablesLocal(Map.of("vervolgMeldingId", id, "vervolgCategorie", "VERVOLGMELDING_TIJDENS_VB",
              "vervolgAcuut", id == 11L, "vervolgStructureel", false, "vervolgOntvangenOp", Date.from(NU),
              "vervolgMelderType", id == 11L ? "BURGER" : "PROFESSIONAL"))
          .correlate();
    }
    List<Task> wegingen = taskService.createTaskQuery().processInstanceId(zaak.pi().getId())
        .taskDefinitionKey("vervolgmelding-wegen").orderByTaskPriority().desc().list();
    assertThat(wegingen).hasSize(2);
    assertThat(taskService.getVariables(wegingen.get(0).getId())).containsEntry("vervolgMeldingId", 11L)
        .containsEntry("vervolgAcuut", true).containsEntry("vervolgMelderType", "BURGER");
    assertThat(taskService.getVariables(wegingen.get(1).getId())).containsEntry("vervolgMeldingId", 12L)
        .containsEntry("vervolgAcuut", false).containsEntry("vervolgMelderType", "PROFESSIONAL");
  }

  // ------------------------------------------------------------------ coverage of the model

  @AfterAll
  void elkStroomelementVanMeldingIsDoorlopen() {
    String definitieId = repositoryService.createProcessDefinitionQuery().processDefinitionKey("melding")
        .latestVersion().singleResult().getId();
    Set<String> alleElementen = repositoryService.getBpmnModelInstance(definitieId)
        .getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId).collect(Collectors.toSet());
    Set<String> doorlopen = gestarteZaken.stream()
        .flatMap(pi -> historyService.createHistoricActivityInstanceQuery().processInstanceId(pi).list().stream())
        .map(HistoricActivityInstance::getActivityId)
        .collect(Collectors.toSet());
    assertThat(doorlopen).as("niet doorlopen: %s", verschil(alleElementen, doorlopen)).containsAll(alleElementen);
  }

  // ------------------------------------------------------------------ helpers

  record Zaak(String zaaknummer, String melderEmail, ProcessInstance pi) {}

  private Zaak start(Consumer<Map<String, Object>> aanpassing) {
    String zaaknummer = "VT-2027-" + (900000 + ThreadLocalRandom.current().nextInt(99999));
    String email = "melder+" + UUID.randomUUID() + "@voorbeeld.nl";
    Termijn termijn = kalender.werkdagtermijn(NU, 5);
    Map<String, Object> v = new HashMap<>();
    v.put("zaaknummer", zaaknummer);
    v.put("regio", "amsterdam-amstelland");
    v.put("ontvangenOp", Date.from(NU));
    v.put("melderType", "POLITIE");
    v.put("melderEmailBekend", true);
    v.put("anonimiteitToegezegd", false);
    for (String signaal : List.of("directLevensgevaar", "ernstigLetselOfPoging", "mensenhandel",
        "gevaarDoorMiddelenOfPsychischeCrisisVerzorger", "acuteDreigingDodenLetselVrijheidsberoving",
        "verminkingHandicapOfDood", "ontbrekenBasaleVerzorging", "ouderProblematiekHerhaaldBedreigendVoorKind",
        "zorgafhankelijkeVolwasseneHerhaaldBedreigd", "kindStelselmatigGetuigeHG", "escalerendeLangdurigeStalking",
        "herhalendeOfVoortdurendeOnveiligeGebeurtenissen")) {
      v.put(signaal, false);
    }
    v.put("categorie", "NIEUWE_MELDING");
    v.put("radarSignaal", false);
    v.put("aantalBetrokkenen", 2);
    v.put("kindBetrokken", true);
    v.put("ingediendDoor", "intake");
    v.put("veiligheidsbeoordelingUiterlijk", Date.from(termijn.einde()));
    v.put("veiligheidsbeoordelingVerstreken", Date.from(termijn.verstreken()));
    v.put("deadline", termijn.uiterlijk().format(DateTimeFormatter.ISO_LOCAL_DATE));
    aanpassing.accept(v);
    legDossierAan(zaaknummer, (String) v.get("melderType"), email);
    ProcessInstance pi = runtimeService.startProcessInstanceByKey("melding", zaaknummer, v);
    gestarteZaken.add(pi.getId());
    return new Zaak(zaaknummer, email, pi);
  }

  private void legDossierAan(String zaaknummer, String melderType, String email) {
    jdbc.sql("insert into zaak (zaaknummer, zaaktype, regio, aangemaakt_op) values (?, 'MELDING', ?, ?)")
        .params(zaaknummer, "amsterdam-amstelland", OffsetDateTime.ofInstant(NU, ZoneOffset.UTC)).update();
    jdbc.sql("""
            insert into melding (zaaknummer, ontvangen_op, geregistreerd_op, geregistreerd_door, categorie,
              melder_type, melder_naam, melder_email, anoniem_naar_gezin, acuut, structureel, signalen)
            values (?, ?, ?, 'intake', 'NIEUWE_MELDING', ?, 'Melder', ?, false, false, false, '{}')""")
        .params(zaaknummer, OffsetDateTime.ofInstant(NU, ZoneOffset.UTC), OffsetDateTime.ofInstant(NU, ZoneOffset.UTC),
            melderType, email)
        .update();
  }

  private void completeBeoordeling(Zaak zaak, Map<String, Object> afwijkingen) {
    Map<String, Object> invoer = new HashMap<>(Map.of(
        "betreftHGofKM", true, "minderjarigeErnstigBedreigdMaatregelNodig", false, "hgkmAannemelijk", true,
        "betrokkenenWerkenMee", true, "voldoendeInformatie", true, "anonimiteitToegezegd", false,
        "acuut", false, "structureel", false, "complexHerhaaldMeerdereLeefgebieden", false,
        "passendeLopendeHulpverlening", false));
    invoer.put("zelfredzaamGeenVervolgNodig", false);
    invoer.put("melderRolInVervolg", false);
    invoer.put("toelichtingVeiligheidsbeoordeling", "Beoordeeld na gesprekken met betrokkenen");
    invoer.putAll(afwijkingen);
    complete(taak(zaak, "veiligheidsbeoordeling"), invoer);
  }

  private Task taak(Zaak zaak, String sleutel) {
    return taskService.createTaskQuery().processInstanceId(zaak.pi().getId()).taskDefinitionKey(sleutel)
        .singleResult();
  }

  private ProcessInstance terugkoppeling(Zaak zaak) {
    return runtimeService.createProcessInstanceQuery().superProcessInstanceId(zaak.pi().getId()).singleResult();
  }

  /** Executes the pending feedback mail of the case, if the feedback process waits at it. */
  private void voerTerugkoppelingUit(Zaak zaak) {
    for (ProcessInstance sub : runtimeService.createProcessInstanceQuery().superProcessInstanceId(zaak.pi().getId())
        .processDefinitionKey("terugkoppeling").list()) {
      for (Job j : managementService.createJobQuery().processInstanceId(sub.getId()).list()) {
        managementService.executeJob(j.getId());
      }
    }
  }

  private ProcessInstance monitoring(Zaak zaak) {
    return runtimeService.createProcessInstanceQuery().superProcessInstanceId(zaak.pi().getId())
        .processDefinitionKey("monitoring").singleResult();
  }

  /** The next monitoring moment falls due and the case worker records it: safe, or unsafe again. */
  private void monitoringsmoment(ProcessInstance monitoring, boolean veilig) {
    Job moment = managementService.createJobQuery().processInstanceId(monitoring.getId())
        .activityId("Timer_VolgendMonitoringmoment").timers().singleResult();
    ClockUtil.setCurrentTime(moment.getDuedate());
    execute(moment);
    complete(taskService.createTaskQuery().processInstanceId(monitoring.getId())
        .taskDefinitionKey("monitoring-moment").singleResult(), withVariables("voorwaardenNageleefd", veilig,
        "stabielVeilig", veilig, "toelichting", veilig ? "Afspraken nagekomen" : "Nieuw incident volgens school"));
  }

  private Object historisch(Zaak zaak, String naam) {
    return historyService.createHistoricVariableInstanceQuery().processInstanceId(zaak.pi().getId())
        .variableName(naam).list().stream().map(v -> v.getValue()).findFirst().orElse(null);
  }

  private List<String> kandidaatGroepen(Task taak) {
    return taskService.getIdentityLinksForTask(taak.getId()).stream()
        .filter(l -> "candidate".equals(l.getType())).map(IdentityLink::getGroupId).toList();
  }

  private List<MimeMessage> mailsAan(String adres, String zaaknummer) throws MessagingException {
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(m -> bevatOntvanger(m, adres))
        .filter(m -> onderwerp(m).contains(zaaknummer))
        .toList();
  }

  private MimeMessage enigeMailAan(String adres, String zaaknummer) throws MessagingException {
    List<MimeMessage> mails = mailsAan(adres, zaaknummer);
    assertThat(mails).hasSize(1);
    return mails.get(0);
  }

  private static boolean bevatOntvanger(MimeMessage m, String adres) {
    try {
      return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(adres));
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String onderwerp(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Set<String> verschil(Set<String> a, Set<String> b) {
    Set<String> r = new HashSet<>(a);
    r.removeAll(b);
    return r;
  }
}
