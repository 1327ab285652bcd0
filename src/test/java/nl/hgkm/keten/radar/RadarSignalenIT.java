package nl.hgkm.keten.radar;

import static nl.hgkm.keten.radar.RadarApi.persoon;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import nl.hgkm.keten.engine.OngeldigeTaakInvoerException;
import nl.hgkm.keten.kalender.Klok;
import nl.hgkm.keten.kalender.Werkdagenkalender;
import nl.hgkm.keten.support.KetenIntegratieTest;
import nl.hgkm.keten.support.TestKlok;
import nl.hgkm.keten.zaak.AuditLog;
import nl.hgkm.keten.zaak.TestBsn;
import nl.hgkm.keten.zaak.TestGebruikers;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The radar over time, through the intake API: repeat reports about one household within the period flag the case
 * to vt-teamleider as a candidate for MDA++ (process radarsignaal), once per reason, and the case file shows one
 * radar story across the meldingen and cases. Together the stories pass every flow node of {@code radarsignaal}.
 */
@KetenIntegratieTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RadarSignalenIT {

  /** A Monday; every melding of a test is received after it. */
  static final OffsetDateTime T0 = OffsetDateTime.parse("2027-01-11T10:00:00+01:00");

  @Autowired TestRestTemplate http;
  @Autowired JdbcClient jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired RepositoryService repositoryService;
  @Autowired RadarRepository radarRepository;
  @Autowired RadarProperties radarProperties;
  @Autowired AuditLog audit;
  @Autowired Werkdagenkalender kalender;
  @Autowired Klok klok;

  RadarApi api;
  String moeder;
  String bsnMoeder;
  String kind;

  /** The cases this class flagged, for the coverage check at the end. */
  private final Set<String> zaken = new HashSet<>();

  @BeforeAll
  void gebruikers(@Autowired IdentityService identityService) {
    TestGebruikers.zorgVoorAlle(identityService);
  }

  @BeforeEach
  void gezin() {
    api = new RadarApi(http, jdbc);
    moeder = "Moeder " + UUID.randomUUID();
    bsnMoeder = TestBsn.nieuw();
    kind = "Kind " + UUID.randomUUID();
  }

  @AfterEach
  void klokTerug() {
    TestKlok.terug();
  }

  @Test
  @DisplayName("Drie melders over één gezin binnen een jaar: één kandidaat voor MDA++ bij de teamleider, één radarverhaal")
  void drieMeldersInEenJaarZijnEenRadarverhaal() {
    JsonNode eerste = api.meld(api.melding(T0, "POLITIE",
        persoon("SLACHTOFFER", moeder, "1988-03-01", bsnMoeder), persoon("KIND", kind, "2018-05-20", null)));
    String zaaknummer = eerste.path("zaaknummer").asText();
    // The child alone, its name written differently, by a neighbour two months later: the same case.
    JsonNode tweede = api.meld(api.melding(T0.plusMonths(2), "BURGER",
        persoon("KIND", " " + kind.toUpperCase() + " ", "2018-05-20", null)));
    assertThat(tweede.path("zaaknummer").asText()).isEqualTo(zaaknummer);
    assertThat(radarsignalen(zaaknummer)).as("twee meldingen: nog geen signaal").isEmpty();

    api.meld(api.melding(T0.plusMonths(4), "PROFESSIONAL", persoon("SLACHTOFFER", "M. Anders", null, bsnMoeder)));

    ProcessInstance signaal = enigRadarsignaal(zaaknummer);
    Task taak = taak(signaal);
    assertThat(taak.getTaskDefinitionKey()).isEqualTo("mda-kandidaat-beoordelen");
    assertThat(kandidaatGroepen(taak)).containsExactly("vt-teamleider");
    assertThat(taak.getDueDate().toInstant()).isEqualTo(
        kalender.lokaal(T0.plusMonths(4).toInstant()).plusDays(5).toInstant());
    Map<String, Object> variabelen = runtimeService.getVariables(signaal.getId());
    assertThat(variabelen)
        .containsEntry("zaaknummer", zaaknummer)
        .containsEntry("regio", RadarApi.REGIO)
        .containsEntry("aantalMeldingen", 3)
        .containsEntry("drempelAantalMeldingen", 3)
        .containsEntry("signaalAantalMeldingen", true)
        .containsEntry("signaalHermelding", false)
        .containsEntry("melderTypen", "politie, burger, professional")
        .containsEntry("periode", "P12M")
        .containsEntry("periodeTekst", "12 maanden");
    assertThat(variabelen.values()).allSatisfy(waarde -> assertThat(waarde).isInstanceOfAny(String.class,
        Integer.class, Boolean.class));
    assertThat((String) variabelen.get("radarVerhaal")).contains(
        "- 11-01-2027: melding van politie (" + zaaknummer + ", nieuwe melding)",
        "- 11-03-2027: melding van burger (" + zaaknummer + ", vervolgmelding tijdens de veiligheidsbeoordeling)",
        "- 11-05-2027: melding van professional (" + zaaknummer + ",");
    assertThat(String.join("\n", variabelen.values().stream().map(String::valueOf).toList()))
        .doesNotContain(moeder, kind, bsnMoeder);

    JsonNode radar = api.dossier(TestGebruikers.MEDEWERKER, zaaknummer).path("radar");
    assertThat(radar.path("periode").asText()).isEqualTo("P12M");
    assertThat(radar.path("aantalMeldingen").asInt()).isEqualTo(3);
    assertThat(tekst(radar.path("meldingen"), "melderType")).containsExactly("POLITIE", "BURGER", "PROFESSIONAL");
    assertThat(tekst(radar.path("meldingen"), "zaaknummer")).containsOnly(zaaknummer);
    assertThat(radar.path("meldingen").get(0).path("ontvangenOp").asText()).isEqualTo("2027-01-11T10:00:00+01:00");
    assertThat(tekst(radar.path("signalen"), "reden")).containsExactly("AANTAL_MELDINGEN");
    assertThat(auditSoorten(zaaknummer)).containsOnlyOnce("RADARSIGNAAL");

    // A fourth melding: no second flag for the same reason; the open task shows the longer story.
    api.meld(api.melding(T0.plusMonths(5), "INFORMANT_ARTS", persoon("KIND", kind, "2018-05-20", null)));
    assertThat(radarsignalen(zaaknummer)).hasSize(1);
    assertThat(radarRepository.signalen(zaaknummer)).hasSize(1);
    assertThat(runtimeService.getVariable(signaal.getId(), "aantalMeldingen")).isEqualTo(4);
    assertThat(runtimeService.getVariable(signaal.getId(), "melderTypen"))
        .isEqualTo("politie, burger, professional, arts (informant)");
  }

  @Test
  @DisplayName("De teamleider beoordeelt: zonder toelichting geweigerd; met oordeel vastgelegd in de radar en het auditspoor")
  void deTeamleiderBeoordeeltDeKandidaat() {
    String zaaknummer = drieMeldingen();
    Task taak = taak(enigRadarsignaal(zaaknummer));

    assertThatThrownBy(() -> taskService.complete(taak.getId(), Map.of("mdaAanmelden", true)))
        .hasRootCauseInstanceOf(OngeldigeTaakInvoerException.class).hasMessageContaining("toelichting");
    assertThat(taskService.createTaskQuery().taskId(taak.getId()).count()).isEqualTo(1);

    taskService.setAssignee(taak.getId(), "teamleider");
    taskService.complete(taak.getId(), Map.of("mdaAanmelden", true,
        "toelichting", "Drie melders binnen een half jaar: aanmelden bij het MDA++-team."));

    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(taak.getProcessInstanceId())
        .activityId("Einde_MdaAanbevolen").count()).isEqualTo(1);
    JsonNode signaal = api.dossier(TestGebruikers.MEDEWERKER, zaaknummer).path("radar").path("signalen").get(0);
    assertThat(signaal.path("mdaAanmelden").asBoolean()).isTrue();
    assertThat(signaal.path("toelichting").asText()).startsWith("Drie melders");
    assertThat(signaal.path("beoordeeldDoor").asText()).isEqualTo("teamleider");
    assertThat(auditSoorten(zaaknummer)).endsWith("RADARSIGNAAL_BEOORDEELD");
  }

  @Test
  @DisplayName("Een hermelding binnen twaalf maanden na het einde: signaal; het verhaal loopt over beide zaken")
  void eenHermeldingBinnenDePeriodeWordtGesignaleerd() {
    JsonNode eerste = api.meld(api.melding(T0, "POLITIE", persoon("SLACHTOFFER", moeder, null, bsnMoeder)));
    beeindig(eerste, T0.plusDays(3));

    JsonNode hermelding = api.meld(api.melding(T0.plusMonths(11), "BURGER",
        persoon("SLACHTOFFER", moeder, null, bsnMoeder)));

    String zaaknummer = hermelding.path("zaaknummer").asText();
    assertThat(zaaknummer).isNotEqualTo(eerste.path("zaaknummer").asText());
    assertThat(hermelding.path("categorie").asText()).isEqualTo("HERMELDING");
    ProcessInstance signaal = enigRadarsignaal(zaaknummer);
    assertThat(runtimeService.getVariables(signaal.getId()))
        .containsEntry("signaalHermelding", true)
        .containsEntry("signaalAantalMeldingen", false)
        .containsEntry("aantalMeldingen", 2);
    JsonNode radar = api.dossier(TestGebruikers.MEDEWERKER, zaaknummer).path("radar");
    assertThat(tekst(radar.path("meldingen"), "zaaknummer"))
        .containsExactly(eerste.path("zaaknummer").asText(), zaaknummer);
    assertThat(tekst(radar.path("signalen"), "reden")).containsExactly("HERMELDING");

    // The third melding within the year joins the open assessment with a second reason: still one task.
    api.meld(api.melding(T0.plusMonths(11).plusDays(7), "PROFESSIONAL",
        persoon("SLACHTOFFER", moeder, null, bsnMoeder)));
    assertThat(enigRadarsignaal(zaaknummer).getId()).isEqualTo(signaal.getId());
    assertThat(runtimeService.getVariables(signaal.getId()))
        .containsEntry("signaalHermelding", true)
        .containsEntry("signaalAantalMeldingen", true)
        .containsEntry("aantalMeldingen", 3);
    assertThat(radarRepository.signalen(zaaknummer)).extracting(RadarRepository.Signaal::reden)
        .containsExactly(RadarReden.HERMELDING, RadarReden.AANTAL_MELDINGEN);
    assertThat(radarRepository.signalen(zaaknummer)).extracting(RadarRepository.Signaal::processInstanceId)
        .containsOnly(signaal.getId());
    // The first case tells the same story.
    JsonNode vanuitEerste = api.dossier(TestGebruikers.AUDITOR, eerste.path("zaaknummer").asText()).path("radar");
    assertThat(vanuitEerste.path("aantalMeldingen").asInt()).isEqualTo(3);
  }

  @Test
  @DisplayName("Een hermelding meer dan twaalf maanden na het einde: geen signaal")
  void eenHermeldingNaDePeriodeIsGeenSignaal() {
    JsonNode eerste = api.meld(api.melding(T0, "POLITIE", persoon("SLACHTOFFER", moeder, null, bsnMoeder)));
    beeindig(eerste, T0.plusDays(3));

    JsonNode hermelding = api.meld(api.melding(T0.plusDays(3).plusMonths(12).plusDays(1), "BURGER",
        persoon("SLACHTOFFER", moeder, null, bsnMoeder)));

    String zaaknummer = hermelding.path("zaaknummer").asText();
    assertThat(hermelding.path("categorie").asText()).isEqualTo("HERMELDING");
    assertThat(radarsignalen(zaaknummer)).isEmpty();
    assertThat(radarRepository.signalen(zaaknummer)).isEmpty();
    assertThat(auditSoorten(zaaknummer)).doesNotContain("RADARSIGNAAL");
    JsonNode radar = api.dossier(TestGebruikers.MEDEWERKER, zaaknummer).path("radar");
    assertThat(tekst(radar.path("meldingen"), "zaaknummer")).as("de eerste melding valt buiten de periode")
        .containsExactly(zaaknummer);
  }

  @Test
  @DisplayName("Drempels uit de configuratie: application.yaml geeft P12M, hermelding aan, 3 meldingen")
  void drempelsUitDeConfiguratie() {
    assertThat(radarProperties.periode()).isEqualTo(Period.ofMonths(12));
    assertThat(radarProperties.hermeldingSignaal()).isTrue();
    assertThat(radarProperties.aantalMeldingen()).isEqualTo(3);
    assertThat(radarProperties.beoordelingstermijn()).isEqualTo(Period.ofDays(5));
  }

  @Test
  @DisplayName("Andere drempels: twee meldingen binnen één maand signaleren, twee meldingen twee maanden uiteen niet")
  void andereDrempelsGevenAndereSignalen() {
    RadarSignalen strenger = new RadarSignalen(radarRepository, audit, runtimeService, historyService, kalender, klok,
        new RadarProperties(Period.ofMonths(1), false, 2, Period.ofDays(2)));
    String binnenMaand = api.meld(api.melding(T0, "POLITIE", persoon("SLACHTOFFER", moeder, null, bsnMoeder)))
        .path("zaaknummer").asText();
    api.meld(api.melding(T0.plusDays(20), "BURGER", persoon("SLACHTOFFER", moeder, null, bsnMoeder)));
    String anderGezin = TestBsn.nieuw();
    String uiteen = api.meld(api.melding(T0, "POLITIE", persoon("SLACHTOFFER", "Ander", null, anderGezin)))
        .path("zaaknummer").asText();
    api.meld(api.melding(T0.plusMonths(2), "BURGER", persoon("SLACHTOFFER", "Ander", null, anderGezin)));
    assertThat(radarsignalen(binnenMaand)).as("standaard: twee meldingen zijn te weinig").isEmpty();

    assertThat(strenger.beoordeel(api.laatsteMeldingId(binnenMaand))).containsExactly(RadarReden.AANTAL_MELDINGEN);
    assertThat(strenger.beoordeel(api.laatsteMeldingId(uiteen))).isEmpty();
    assertThat(runtimeService.getVariables(enigRadarsignaal(binnenMaand).getId()))
        .containsEntry("drempelAantalMeldingen", 2)
        .containsEntry("periodeTekst", "1 maand");
    assertThat(radarsignalen(uiteen)).isEmpty();
  }

  @Test
  @DisplayName("De teamleider beveelt geen MDA++ aan: vastgelegd, de zaak gaat gewoon door")
  void deTeamleiderBeveeltGeenMdaAan() {
    String zaaknummer = drieMeldingen();
    Task taak = taak(enigRadarsignaal(zaaknummer));

    taskService.complete(taak.getId(), Map.of("mdaAanmelden", false,
        "toelichting", "Lopende hulp van het wijkteam pakt dit op; geen MDA++ nodig."));

    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(taak.getProcessInstanceId())
        .activityId("Einde_GeenMda").count()).isEqualTo(1);
    assertThat(radarRepository.signalen(zaaknummer)).singleElement().satisfies(signaal -> {
      assertThat(signaal.mdaAanmelden()).isFalse();
      assertThat(signaal.beoordeeldDoor()).isEqualTo("systeem");
    });
    assertThat(audit.van(zaaknummer)).last().satisfies(regel -> assertThat(regel.omschrijving())
        .contains("geen aanmelding voor MDA++").doesNotContain("wijkteam"));
  }

  @AfterAll
  void elkStroomelementVanRadarsignaalIsDoorlopen() {
    String definitieId = repositoryService.createProcessDefinitionQuery().processDefinitionKey("radarsignaal")
        .latestVersion().singleResult().getId();
    Set<String> alle = repositoryService.getBpmnModelInstance(definitieId).getModelElementsByType(FlowNode.class)
        .stream().map(FlowNode::getId).collect(Collectors.toSet());
    Set<String> doorlopen = zaken.stream()
        .flatMap(zaak -> historyService.createHistoricProcessInstanceQuery().processDefinitionKey("radarsignaal")
            .processInstanceBusinessKey(zaak).list().stream())
        .flatMap(pi -> historyService.createHistoricActivityInstanceQuery().processInstanceId(pi.getId()).list()
            .stream())
        .map(activiteit -> activiteit.getActivityId())
        .collect(Collectors.toSet());
    assertThat(doorlopen).containsAll(alle);
  }

  // ------------------------------------------------------------------ helpers

  /** Three meldingen about the mother within four months: the case is flagged. */
  private String drieMeldingen() {
    String zaaknummer = api.meld(api.melding(T0, "POLITIE", persoon("SLACHTOFFER", moeder, null, bsnMoeder)))
        .path("zaaknummer").asText();
    api.meld(api.melding(T0.plusMonths(2), "BURGER", persoon("SLACHTOFFER", moeder, null, bsnMoeder)));
    api.meld(api.melding(T0.plusMonths(4), "PROFESSIONAL", persoon("SLACHTOFFER", moeder, null, bsnMoeder)));
    return zaaknummer;
  }

  /** Veilig Thuis's involvement in the case ends at {@code op}. */
  private void beeindig(JsonNode melding, OffsetDateTime op) {
    ClockUtil.setCurrentTime(Date.from(op.toInstant()));
    runtimeService.deleteProcessInstance(melding.path("processInstanceId").asText(), "test: bemoeienis beëindigd");
  }

  private List<ProcessInstance> radarsignalen(String zaaknummer) {
    zaken.add(zaaknummer);
    return runtimeService.createProcessInstanceQuery().processDefinitionKey("radarsignaal")
        .processInstanceBusinessKey(zaaknummer).list();
  }

  private ProcessInstance enigRadarsignaal(String zaaknummer) {
    List<ProcessInstance> signalen = radarsignalen(zaaknummer);
    assertThat(signalen).hasSize(1);
    return signalen.get(0);
  }

  private Task taak(ProcessInstance signaal) {
    return taskService.createTaskQuery().processInstanceId(signaal.getId()).singleResult();
  }

  private List<String> kandidaatGroepen(Task taak) {
    return taskService.getIdentityLinksForTask(taak.getId()).stream()
        .filter(link -> "candidate".equals(link.getType())).map(IdentityLink::getGroupId).toList();
  }

  private List<String> auditSoorten(String zaaknummer) {
    return audit.van(zaaknummer).stream().map(a -> a.soort()).toList();
  }

  private static List<String> tekst(JsonNode lijst, String veld) {
    return StreamSupport.stream(lijst.spliterator(), false).map(n -> n.path(veld).asText()).toList();
  }
}
