package nl.hgkm.keten.migratie;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.hgkm.keten.migratie.Migratierapport.Overgang;
import nl.hgkm.keten.migratie.Zaakrijder.Antwoord;
import nl.hgkm.keten.migratie.Zaakrijder.Stand;
import nl.hgkm.keten.migratie.Zaakrijder.Zaak;
import nl.hgkm.keten.support.Buitensystemen;
import nl.hgkm.keten.support.KetenIntegratieTest;
import nl.hgkm.keten.zaak.TestBsn;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A release changes the models while cases run: does every case still finish? This test does what an installation
 * goes through. The previous release's models ({@code 3167c7c}) are deployed and cases are driven through the real
 * APIs into every wait state of every process: user tasks, timers (also on a boundary), message subscriptions (also
 * of event subprocesses), the event-based gateway, asynchronous steps, call activities waiting for their called
 * case, and the multi-instance first contacts. Then the current models ({@code processes/}, whatever this build
 * holds) are deployed, the release's plans ({@code processes/migraties/0.2.0/}) are dry-run and executed as the
 * administrator would ({@link Migratiedienst}, an engine batch whose jobs are run here directly), and every case is
 * driven to its end on the new version, along the path its story expects.
 *
 * <p>It fails, with the line to add, when a model changes in a way the plan does not cover: a wait state that lost
 * its id, a new wait state nobody thought about, a new user task this test cannot answer.
 */
@KetenIntegratieTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class ModelMigratieIT {

  private static final OffsetDateTime T0 = OffsetDateTime.parse("2027-03-01T09:00:00+01:00");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> MELDING = Set.of("melding", "terugkoppeling", "monitoring", "registerraadpleging");
  private static final Set<String> HUISVERBOD = Set.of("huisverbod", "hulpaanbod", "monitoring");

  /** How a user completes each task, unless a case answers otherwise. */
  public static final Map<String, Antwoord> ANTWOORDEN = Map.ofEntries(
      entry("directe-veiligheid", v -> Map.of("genomenMaatregelen", "Politie ter plaatse, slachtoffer in opvang",
          "overlegHuisverbodGevoerd", true, "directeVeiligheidGeregeld", true)),
      entry("veiligheidsbeoordeling", v -> beoordeling(Map.of("zelfredzaamGeenVervolgNodig", true))),
      entry("escalatie-veiligheidsbeoordeling", v -> escalatie()),
      entry("escalatie-onderzoek", v -> escalatie()),
      entry("escalatie-monitoringmoment", v -> escalatie()),
      entry("eerste-contact-te-laat", v -> escalatie()),
      entry("veiligheidsplan-te-laat", v -> escalatie()),
      entry("veiligheidsvoorwaarden-vaststellen", v -> Map.of("veiligheidsvoorwaarden",
          "Geen geweld in bijzijn van de kinderen", "overdrachtAan", "Wijkteam Oost")),
      entry("overdracht-bevestigen", v -> Map.of("overdrachtGeaccepteerd", true, "toelichtingOverdracht", "Compleet")),
      entry("overdracht-aanvullen", v -> Map.of("overdrachtAan", "Wijkteam Oost", "aanvullendeInformatie",
          "School: De Linde")),
      entry("verzoek-rvdk", v -> Map.of("verzoekRvdkVerzonden", true, "collegeGeinformeerd", true,
          "toelichtingVerzoekRvdk", "Ondertoezichtstelling nodig")),
      entry("aanmelding-mda", v -> Map.of("casusregisseur", "Zorg- en Veiligheidshuis, J. de Boer")),
      entry("onderzoek", v -> Map.of("hgkmVastgesteld", false, "kinderenGehoord", true,
          "veiligheidsvoorwaardenGesteld", false, "conclusieOnderzoek", "Geen huiselijk geweld vastgesteld")),
      entry("vervolgmelding-wegen", v -> Map.of("vervolgmeldingVraagtActie", false, "vervolgmeldingWeging",
          "Bevestigt het beeld")),
      entry("terugkoppeling-handmatig", v -> Map.of("terugkoppelingWijze", "TELEFONISCH")),
      entry("monitoring-moment", v -> veilig()),
      entry("mda-kandidaat-beoordelen", v -> Map.of("mdaAanmelden", false,
          "toelichting", "Lopende hulp van het wijkteam pakt dit op; geen MDA++ nodig.")),
      entry("overleg-veilig-thuis", v -> Map.of("adviesVeiligThuis", "Huisverbod steunen; kinderen in beeld")),
      entry("besluit-oplegging", v -> Map.of("besluit", "OPLEGGEN", "opgelegdDoor", "HULPOFFICIER",
          "_groep", "hulpofficier")),
      entry("bereikbaarheid-vastleggen", v -> Map.of("bereikbaarheidsadres", "Via zijn broer, 06-12345678")),
      entry("besluit-verlenging", v -> Map.of("verlengen", false, "_groep", "burgemeester")),
      entry("overtreding-beoordelen", v -> Map.of("overtredingVervolgstappen", "Gesprek; verlenging overwegen")),
      entry("raadsman-regelen", v -> Map.of("raadsmanGevraagd", true, "raadsman", "Mr. De Wit, Utrecht")),
      entry("verweer-voorbereiden", v -> Map.of("verweer", "Dreiging blijft")),
      entry("besluit-intrekking", v -> Map.of("intrekken", false, "_groep", "burgemeester")),
      entry("eerste-contact", v -> Map.of("contactGelegd", true, "hulpAanvaard", false,
          "toelichting", "Gesprek gevoerd")),
      entry("veiligheidsplan-afspreken", v -> Map.of("veiligheidsplan", "Afspraken over contact en toezicht",
          "veiligheidsplanMetHuishoudenBesproken", true)));

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired FormService formService;
  @Autowired TestRestTemplate rest;
  @Autowired Migratiedienst migratiedienst;
  @Autowired MigratieplanBouwer bouwer;
  @Autowired Migratieplannen plannen;

  private Zaakrijder rijder;
  private Map<String, ProcessDefinition> vorige;
  private Map<String, ProcessDefinition> huidige;
  private final List<Geval> gevallen = new ArrayList<>();
  private Migratierapport rapport;
  private final List<Migratiedienst.Gestart> gestart = new ArrayList<>();
  private final List<Migratiedienst.Gestart> nogmaalsTijdensBatch = new ArrayList<>();

  /** One case of the test: its story, where it waits at migration, what it must pass after. */
  static class Geval {
    final Zaak zaak;
    final String hoofdproces;
    final String stop;
    final List<String> einden;
    Consumer<Geval> start;
    Throwable fout;
    Map<String, Set<String>> wachtIn = new LinkedHashMap<>();
    Map<String, Date> timersVoor = new LinkedHashMap<>();
    Map<String, String> bsn = new HashMap<>();
    Set<String> stappenVoor = new LinkedHashSet<>();

    Geval(String naam, String hoofdproces, Set<String> processen, String stop, List<String> einden) {
      this.zaak = new Zaak(naam, processen);
      this.hoofdproces = hoofdproces;
      this.stop = stop;
      this.einden = einden;
    }
  }

  // ------------------------------------------------------------------ the previous release, the cases, the upgrade

  // Not in @BeforeAll: process test coverage records only inside a test (it refuses instances started outside one).
  @Test
  @Order(0)
  @DisplayName("De vorige release met lopende zaken in elke wachttoestand, de upgrade en de migratie van de release")
  void vorigeReleaseMetLopendeZakenEnDanDeUpgrade() {
    rijder = new Zaakrijder(runtimeService, taskService, managementService, identityService);
    Buitensystemen.reset();
    vorige = Modellen.deployVorige(repositoryService);
    try {
      for (Geval geval : gevallen()) {
        gevallen.add(geval);
        ClockUtil.setCurrentTime(Date.from(T0.toInstant()));
        try {
          geval.start.accept(geval);
          rijder.rijdTot(geval.zaak, s -> s.wachtIn(geval.stop), "'" + geval.stop + "' (vorige versie)", ANTWOORDEN);
          geval.zaak.klok = ClockUtil.getCurrentTime();
          legVast(geval);
        } catch (RuntimeException | AssertionError e) {
          geval.fout = e;
        }
      }
    } finally {
      // Whatever happened, the current models are the newest again for every other test.
      huidige = Modellen.deployHuidige(repositoryService);
      ClockUtil.reset();
    }
    ClockUtil.setCurrentTime(Date.from(T0.plusDays(1).toInstant()));
    try {
      rapport = migratiedienst.rapport(Modellen.RELEASE);
      Migratiedienst.Uitvoering uitvoering = migratiedienst.voerUit(Modellen.RELEASE, "demo", List.of("camunda-admin"));
      gestart.addAll(uitvoering.migraties());
      nogmaalsTijdensBatch.addAll(migratiedienst.voerUit(Modellen.RELEASE, "demo", List.of("camunda-admin"))
          .migraties());
      for (Migratiedienst.Gestart migratie : gestart) {
        if (migratie.batchId() != null && "GESTART".equals(migratie.status())) {
          voerBatchUit(migratie.batchId());
        }
      }
    } finally {
      ClockUtil.reset();
    }
  }

  @AfterAll
  void klokTerug() {
    ClockUtil.reset();
    identityService.clearAuthentication();
  }

  // ------------------------------------------------------------------ the plans cover the change

  @Test
  @Order(2)
  @DisplayName("Elk proces heeft een plan voor deze release, en het plan dekt elke wachttoestand van de vorige versie")
  void elkPlanDektElkeWachttoestand() {
    Map<String, Migratieplan> perProces = plannen.van(Modellen.RELEASE).stream()
        .collect(Collectors.toMap(Migratieplan::proces, p -> p));
    List<String> problemen = new ArrayList<>();
    for (String sleutel : Modellen.huidigeSleutels()) {
      if (!perProces.containsKey(sleutel)) {
        problemen.add("Proces '" + sleutel + "' heeft geen migratieplan: voeg processes/migraties/" + Modellen.RELEASE
            + "/" + sleutel + ".json toe (zie docs/modellen-wijzigen.md)");
      }
    }
    for (Map.Entry<String, ProcessDefinition> oud : vorige.entrySet()) {
      ProcessDefinition nieuw = huidige.get(oud.getKey());
      Migratieplan plan = perProces.get(oud.getKey());
      if (nieuw == null) {
        problemen.add("Proces '" + oud.getKey() + "' bestaat niet meer: lopende zaken blijven op de vorige versie; "
            + "zeg dat in docs/modellen-wijzigen.md en in een plan met alle wachttoestanden onder blijftOpVersie");
        continue;
      }
      if (plan != null) {
        MigratieplanBouwer.Bouwresultaat gebouwd = bouwer.bouw(oud.getValue(), nieuw, plan,
            "processes/migraties/" + Modellen.RELEASE + "/" + oud.getKey() + ".json");
        problemen.addAll(gebouwd.fouten());
        problemen.addAll(gebouwd.gaten());
      }
    }
    assertThat(problemen).as(String.join("\n", problemen)).isEmpty();
  }

  @Test
  @Order(3)
  @DisplayName("Elke wachttoestand van elk proces van de vorige versie heeft een zaak die daar wachtte en migreerde")
  void elkeWachttoestandIsBeproefd() {
    Map<String, Set<String>> beproefd = new LinkedHashMap<>();
    for (Geval geval : gevallen) {
      geval.wachtIn.forEach((sleutel, ids) -> beproefd.computeIfAbsent(sleutel, s -> new LinkedHashSet<>())
          .addAll(ids));
    }
    Map<String, Migratieplan> perProces = plannen.van(Modellen.RELEASE).stream()
        .collect(Collectors.toMap(Migratieplan::proces, p -> p));
    List<String> niet = new ArrayList<>();
    for (ProcessDefinition oud : vorige.values()) {
      Set<String> blijft = perProces.containsKey(oud.getKey()) ? perProces.get(oud.getKey()).blijftOpVersie()
          .stream().map(Migratieplan.Besluit::activiteit).collect(Collectors.toSet()) : Set.of();
      for (Wachttoestand wacht : Wachttoestanden.van(repositoryService.getBpmnModelInstance(oud.getId()),
          oud.getKey())) {
        if (!blijft.contains(wacht.activiteit())
            && !beproefd.getOrDefault(oud.getKey(), Set.of()).contains(wacht.activiteit())) {
          niet.add(oud.getKey() + ": " + wacht);
        }
      }
    }
    assertThat(niet).as("wachttoestanden zonder zaak die er bij de migratie wachtte; voeg een geval toe aan "
        + "ModelMigratieIT.gevallen():\n" + String.join("\n", niet)).isEmpty();
  }

  @Test
  @Order(4)
  @DisplayName("De droge run vindt elke zaak verplaatsbaar; nogmaals uitvoeren tijdens en na de batch doet niets dubbel")
  void drogeRunEnUitvoeringZijnHerhaalbaar() {
    Set<String> vorigeIds = vorige.values().stream().map(ProcessDefinition::getId).collect(Collectors.toSet());
    List<Overgang> vanVorige = rapport.processen().stream().flatMap(p -> p.overgangen().stream())
        .filter(o -> vorigeIds.contains(o.bron().id())).toList();
    assertThat(vanVorige).allSatisfy(o -> {
      assertThat(o.fouten()).isEmpty();
      assertThat(o.gaten()).isEmpty();
      assertThat(o.doel().id()).isEqualTo(huidige.get(sleutel(o.bron().id())).getId());
    });
    Set<String> mijnInstanties = gevallen.stream().flatMap(g -> instantiesVan(g).stream()).collect(Collectors.toSet());
    List<String> blijvers = vanVorige.stream().flatMap(o -> o.blijven().stream())
        .filter(b -> mijnInstanties.contains(b.instantie())).map(b -> b.zaak() + " " + b.wachtIn() + ": " + b.waarom())
        .toList();
    assertThat(blijvers).as(String.join("\n", blijvers)).isEmpty();

    List<Migratiedienst.Gestart> mijnBatches = gestart.stream().filter(g -> vorigeIds.contains(g.bron())).toList();
    assertThat(mijnBatches).isNotEmpty().allSatisfy(g -> assertThat(g.status()).isEqualTo("GESTART"));
    // The same call while the batches run starts nothing new.
    assertThat(nogmaalsTijdensBatch.stream().filter(g -> vorigeIds.contains(g.bron())))
        .allSatisfy(g -> assertThat(g.status()).isEqualTo("LOOPT_AL"));
    // And after them: nothing left on the previous version.
    List<Migratiedienst.Gestart> daarna = migratiedienst.voerUit(Modellen.RELEASE, "demo", List.of("camunda-admin"))
        .migraties().stream().filter(g -> vorigeIds.contains(g.bron())).toList();
    assertThat(daarna).allSatisfy(g -> assertThat(g.status()).isEqualTo("NIETS_TE_DOEN"));
    Migratiedienst.Voortgang voortgang = migratiedienst.voortgang(Modellen.RELEASE);
    Set<String> batchIds = mijnBatches.stream().map(Migratiedienst.Gestart::batchId).collect(Collectors.toSet());
    assertThat(voortgang.batches().stream().filter(b -> batchIds.contains(b.batchId())))
        .hasSize(batchIds.size())
        .allSatisfy(b -> {
          assertThat(b.status()).isEqualTo("AFGEROND");
          assertThat(b.mislukteJobs()).isZero();
          assertThat(b.nogOpBronversie()).isZero();
          assertThat(b.gestartDoor()).isEqualTo("demo");
        });
  }

  @Test
  @Order(5)
  @DisplayName("Een gemigreerde taak toont het formulier uit de deployment van de nieuwe versie")
  void gemigreerdeTaakKrijgtHetFormulierVanDeNieuweDeployment() throws Exception {
    Geval geval = gevallen.stream().filter(g -> "veiligheidsbeoordeling".equals(g.stop) && g.fout == null)
        .findFirst().orElseThrow();
    Task taak = taskService.createTaskQuery().processInstanceBusinessKey(geval.zaak.zaaknummer)
        .taskDefinitionKey("veiligheidsbeoordeling").singleResult();
    assertThat(taak.getProcessDefinitionId()).isEqualTo(huidige.get("melding").getId());
    String getoond;
    try (InputStream formulier = formService.getDeployedTaskForm(taak.getId())) {
      getoond = new String(formulier.readAllBytes(), StandardCharsets.UTF_8);
    }
    String nieuw = resource(huidige.get("melding").getDeploymentId(), "processes/forms/veiligheidsbeoordeling.form");
    assertThat(getoond).isEqualTo(nieuw);
  }

  // ------------------------------------------------------------------ every case finishes on the new version

  @TestFactory
  @Order(6)
  Stream<DynamicTest> elkeGemigreerdeZaakLooptAfOpDeNieuweVersie() {
    return gevallen.stream().map(geval -> DynamicTest.dynamicTest(
        geval.zaak.naam + " (wachtte in " + geval.stop + ")", () -> rijdAf(geval)));
  }

  private void rijdAf(Geval geval) {
    if (geval.fout != null) {
      throw new AssertionError("Op de vorige versie kwam " + geval.zaak + " niet in '" + geval.stop + "'",
          geval.fout);
    }
    // Right after the migration: every instance is on the new version, and every timer kept its due date.
    for (String instantie : instantiesVan(geval)) {
      ProcessInstance pi = runtimeService.createProcessInstanceQuery().processInstanceId(instantie).singleResult();
      String sleutel = sleutel(pi.getProcessDefinitionId());
      assertThat(pi.getProcessDefinitionId()).as("%s: %s na de migratie", geval.zaak, sleutel)
          .isEqualTo(huidige.get(sleutel).getId());
    }
    assertThat(timers(geval)).as("timers van %s na de migratie", geval.zaak).isEqualTo(geval.timersVoor);

    ClockUtil.setCurrentTime(geval.zaak.klok);
    try {
      rijder.rijdTot(geval.zaak, Stand::afgelopen, "het einde (nieuwe versie)", ANTWOORDEN);
    } finally {
      ClockUtil.reset();
    }
    List<HistoricProcessInstance> historie = historyService.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(geval.zaak.zaaknummer).list().stream()
        .filter(h -> geval.zaak.processen.contains(h.getProcessDefinitionKey())).toList();
    List<HistoricActivityInstance> stappen = stappen(geval);
    assertThat(stappen.stream().map(HistoricActivityInstance::getActivityId)).as("pad van %s", geval.zaak)
        .containsAll(geval.einden);
    // What ran after the migration ran on the new version.
    List<String> opOudeVersie = stappen.stream().filter(s -> !geval.stappenVoor.contains(s.getId()))
        .filter(s -> !huidigeIds().contains(s.getProcessDefinitionId()))
        .map(s -> s.getActivityId() + "@" + s.getProcessDefinitionId()).toList();
    assertThat(opOudeVersie).as("stappen na de migratie op een oude versie").isEmpty();
    assertThat(historie).allSatisfy(h -> assertThat(h.getEndTime()).as("%s beëindigd", h.getProcessDefinitionKey())
        .isNotNull());
  }

  // ------------------------------------------------------------------ the cases

  private List<Geval> gevallen() {
    List<Geval> g = new ArrayList<>();
    String bemoeienis = "Einde_BemoeienisBeeindigd";
    String monitoringMelding = "Einde_AfgeslotenNaMonitoring";
    // melding: intake, assessment and its term, feedback to the reporter
    g.add(melding("Beoordeling open; na de migratie verloopt de termijn", "veiligheidsbeoordeling",
        List.of("Einde_EscalatieVeiligheidsbeoordeling", bemoeienis), Map.of())
        .eerst(z -> z.zaak.vuurEerst("Timer_VeiligheidsbeoordelingVerlopen")));
    g.add(melding("Acuut: directe veiligheid", "directe-veiligheid", List.of(bemoeienis),
        Map.of("directLevensgevaar", true)));
    g.add(melding("Termijn verstreken, mail aan teamleider wacht", "Taak_TeamleiderMailenVeiligheidsbeoordeling",
        List.of("Einde_EscalatieVeiligheidsbeoordeling", bemoeienis), Map.of())
        .eerst(z -> z.zaak.vuurEerst("Timer_VeiligheidsbeoordelingVerlopen")));
    g.add(melding("Escalatie bij de teamleider", "escalatie-veiligheidsbeoordeling",
        List.of("Einde_EscalatieVeiligheidsbeoordeling", bemoeienis), Map.of())
        .eerst(z -> z.zaak.vuurEerst("Timer_VeiligheidsbeoordelingVerlopen")));
    g.add(melding("Onderzoek; terugkoppeling wacht op de mail", "Taak_TerugkoppelingMailen",
        List.of("Einde_TerugkoppelingVerstuurd", "Einde_AfgeslotenNaOnderzoek"), Map.of())
        .eerst(z -> z.zaak.antwoord("veiligheidsbeoordeling", v -> beoordeling(Map.of("betrokkenenWerkenMee", false)))));
    g.add(melding("Melder zonder e-mail: handmatige terugkoppeling", "terugkoppeling-handmatig",
        List.of("Einde_TerugkoppelingGegeven", bemoeienis), Map.of()).zonderEmail());
    g.add(melding("Onderzoekstermijn verstreken, mail wacht", "Taak_TeamleiderMailenOnderzoek",
        List.of("Einde_EscalatieOnderzoek", "Einde_AfgeslotenNaOnderzoek"), Map.of()).onderzoek()
        .eerst(z -> z.zaak.vuurEerst("Timer_OnderzoekVerlopen")));
    g.add(melding("Escalatie van het onderzoek", "escalatie-onderzoek",
        List.of("Einde_EscalatieOnderzoek", "Einde_AfgeslotenNaOnderzoek"), Map.of()).onderzoek()
        .eerst(z -> z.zaak.vuurEerst("Timer_OnderzoekVerlopen")));
    g.add(melding("Terugkoppeling na het onderzoek", "Terugkoppeling_NaOnderzoek",
        List.of("Einde_AfgeslotenNaOnderzoek"), Map.of()).onderzoek());
    // melding: the follow-ups
    g.add(melding("Voorwaarden vaststellen", "veiligheidsvoorwaarden-vaststellen",
        List.of("Einde_StabielVeilig", monitoringMelding), Map.of()).voorwaarden());
    g.add(melding("Overdracht geweigerd, na de migratie aangevuld", "overdracht-bevestigen",
        List.of("overdracht-aanvullen", monitoringMelding), Map.of()).voorwaarden()
        .eerst(z -> z.zaak.antwoord("overdracht-bevestigen", Map.of("overdrachtGeaccepteerd", false,
            "toelichtingOverdracht", "Contactgegevens school ontbreken"))));
    g.add(melding("Overdracht aanvullen", "overdracht-aanvullen", List.of(monitoringMelding), Map.of()).voorwaarden()
        .eerst(z -> z.zaak.antwoord("overdracht-bevestigen", Map.of("overdrachtGeaccepteerd", false,
            "toelichtingOverdracht", "Contactgegevens school ontbreken"))));
    g.add(melding("Verzoek aan de Raad voor de Kinderbescherming", "verzoek-rvdk", List.of(monitoringMelding),
        Map.of()).eerst(z -> z.zaak.antwoord("veiligheidsbeoordeling",
            v -> beoordeling(Map.of("minderjarigeErnstigBedreigdMaatregelNodig", true)))));
    g.add(melding("Aanmelden voor MDA++", "aanmelding-mda", List.of(monitoringMelding), Map.of())
        .eerst(z -> z.zaak.antwoord("veiligheidsbeoordeling",
            v -> beoordeling(Map.of("structureel", true, "complexHerhaaldMeerdereLeefgebieden", true)))));
    g.add(radar());
    // monitoring, called from melding
    g.add(melding("Monitoring wacht op het volgende moment", "Timer_VolgendMonitoringmoment",
        List.of("Einde_StabielVeilig", monitoringMelding), Map.of()).voorwaarden());
    g.add(melding("Monitoringsmoment vastleggen", "monitoring-moment", List.of("Einde_StabielVeilig",
        monitoringMelding), Map.of()).voorwaarden());
    g.add(melding("Monitoringsmoment te laat, mail wacht", "Taak_TeamleiderMailenMonitoringsmoment",
        List.of("Einde_EscalatieMonitoringsmoment", monitoringMelding), Map.of()).voorwaarden()
        .eerst(z -> z.zaak.vuurEerst("Timer_MonitoringsmomentTeLaat")));
    g.add(melding("Escalatie van een monitoringsmoment", "escalatie-monitoringmoment",
        List.of("Einde_EscalatieMonitoringsmoment", monitoringMelding), Map.of()).voorwaarden()
        .eerst(z -> z.zaak.vuurEerst("Timer_MonitoringsmomentTeLaat")));
    g.add(melding("Plan doorlopen, partners informeren", "Taak_PartnersInformeren",
        List.of("Einde_PlanDoorlopen", monitoringMelding), Map.of()).voorwaarden());
    g.add(melding("Vervolgmelding tijdens monitoring", "vervolgmelding-wegen",
        List.of("Einde_VervolgMeldingGewogen", monitoringMelding), Map.of()).voorwaarden()
        .eerst(z -> z.zaak.bericht(this::vervolgmelding)));
    // huisverbod and its care offer
    String hvEinde = "Einde_AfgeslotenNaMonitoring";
    g.add(huisverbod("Voorstel wacht op het besluit", "besluit-oplegging", List.of("Einde_NietVerlengd", hvEinde)));
    g.add(huisverbod("Kindermishandeling: overleg met Veilig Thuis", "overleg-veilig-thuis", List.of(hvEinde))
        .kindermishandeling());
    g.add(huisverbod("Opgelegd: beschikking, politie, burgemeester, Veilig Thuis en zorg wachten",
        "Taak_BeschikkingOpstellen", List.of("Einde_BurgemeesterGeinformeerd", "Einde_BereikbaarheidVastgelegdDoorPolitie",
            hvEinde)));
    g.add(huisverbod("Beschikking opgesteld: het huishouden informeren via de politie wacht",
        "Taak_HuishoudenInformeren", List.of("Einde_HuishoudenGeinformeerd", hvEinde)));
    g.add(huisverbod("Wacht op bereikbaarheid; na de migratie geeft de politie die door", "Gateway_WachtOpBereikbaarheid",
        List.of("Einde_BereikbaarheidBekend", hvEinde)).eerst(z -> z.zaak.bericht(this::bereikbaarheid)));
    g.add(huisverbod("Bereikbaarheid na 24 uur een politietaak", "bereikbaarheid-vastleggen",
        List.of("Einde_BereikbaarheidVastgelegdDoorPolitie", hvEinde))
        .eerst(z -> z.zaak.vuurEerst("Timer_Bereikbaarheid24Uur")));
    g.add(huisverbod("Besluit over verlenging; na de migratie verlengd tot vier weken", "besluit-verlenging",
        List.of("Einde_MaximaalVerlengd", hvEinde)).eerst(z -> z.zaak.antwoord("besluit-verlenging",
            ModelMigratieIT::verlengTotMaximum)));
    g.add(huisverbod("Verlengd: beschikking wacht", "Taak_BeschikkingVerlenging", List.of("Einde_MaximaalVerlengd",
        hvEinde)).eerst(z -> z.zaak.antwoord("besluit-verlenging", ModelMigratieIT::verlengTotMaximum)));
    g.add(huisverbod("Verlengd: registratie bij de politie wacht", "Taak_PolitieVerlengingRegistreren",
        List.of("Einde_MaximaalVerlengd", hvEinde)).eerst(z -> z.zaak.antwoord("besluit-verlenging",
            ModelMigratieIT::verlengTotMaximum)));
    g.add(huisverbod("Overtreding: melding aan de politie wacht", "Taak_PolitieOvertredingMelden",
        List.of("Einde_OvertredingBeoordeeld", hvEinde)).eerst(z -> z.zaak.bericht(this::overtreding)));
    g.add(huisverbod("Overtreding beoordelen", "overtreding-beoordelen",
        List.of("Einde_OvertredingBeoordeeld", hvEinde)).eerst(z -> z.zaak.bericht(this::overtreding)));
    g.add(huisverbod("Voorlopige voorziening: raadsman en verweer; na de migratie afgewezen", "raadsman-regelen",
        List.of("Einde_VoorzieningVoorbereid", "Einde_VerzoekAfgewezen", hvEinde))
        .eerst(z -> z.zaak.bericht(this::voorlopigeVoorziening).bericht(zaak -> uitspraak(zaak, "AFGEWEZEN"))));
    g.add(huisverbod("Voorlopige voorziening; na de migratie toegewezen", "verweer-voorbereiden",
        List.of("Einde_DoorRechterBeeindigd", hvEinde))
        .eerst(z -> z.zaak.bericht(this::voorlopigeVoorziening).bericht(zaak -> uitspraak(zaak, "TOEGEWEZEN"))));
    g.add(huisverbod("Hulp aanvaard: de aanvaarding wacht op melden", "Taak_AanvaardingMelden",
        List.of("Einde_AanvaardingGemeld", "Einde_NietIngetrokken", hvEinde)).plegerAanvaardt());
    g.add(huisverbod("Besluit over intrekking; na de migratie ingetrokken", "besluit-intrekking",
        List.of("Einde_Ingetrokken", hvEinde)).plegerAanvaardt()
        .eerst(z -> z.zaak.antwoord("besluit-intrekking", ModelMigratieIT::trekIn)));
    g.add(huisverbod("Ingetrokken: beschikking wacht", "Taak_BeschikkingIntrekking",
        List.of("Einde_Ingetrokken", hvEinde)).plegerAanvaardt()
        .eerst(z -> z.zaak.antwoord("besluit-intrekking", ModelMigratieIT::trekIn)));
    g.add(huisverbod("Eerste contact per betrokkene", "eerste-contact", List.of("Einde_ContactVastgelegd", hvEinde)));
    g.add(huisverbod("Eerste contact te laat", "eerste-contact-te-laat", List.of("Einde_EersteContactEscalatie",
        hvEinde)).eerst(z -> z.zaak.vuurEerst("Timer_EersteContactTeLaat")));
    g.add(huisverbod("Veiligheidsplan afspreken", "veiligheidsplan-afspreken", List.of("Einde_HulpGestart", hvEinde)));
    g.add(huisverbod("Veiligheidsplan te laat", "veiligheidsplan-te-laat", List.of("Einde_VeiligheidsplanEscalatie",
        hvEinde)).eerst(z -> z.zaak.vuurEerst("Timer_VeiligheidsplanTeLaat")));
    g.add(huisverbod("Looptijd verstreken: einde melden aan de politie", "Taak_PolitieEindeMelden",
        List.of("Einde_LooptijdVerstreken", hvEinde)));
    g.add(huisverbod("Looptijd verstreken: einde melden aan de zorg", "Taak_ZorgEindeMelden", List.of(hvEinde)));
    g.add(huisverbod("Looptijd verstreken: gemeente en Veilig Thuis informeren", "Taak_EindeMelden",
        List.of(hvEinde)));
    g.add(huisverbod("Na het huisverbod in monitoring", "Monitoring", List.of("Einde_StabielVeilig", hvEinde)));
    g.add(huisverbod("Opnieuw onveilig na monitoring: opnieuw melden bij Veilig Thuis", "Taak_VeiligThuisOpnieuwMelden",
        List.of("Einde_OpnieuwGemeld")).eerst(z -> z.zaak.antwoord("monitoring-moment", v -> onveilig())));
    return g;
  }

  /** A Geval under construction. */
  private final class Bouw extends Geval {
    private final Map<String, Object> signalen = new LinkedHashMap<>(Map.of("kindStelselmatigGetuigeHG", true));
    private boolean email = true;
    private boolean kindermishandeling;

    Bouw(String naam, String hoofdproces, Set<String> processen, String stop, List<String> einden) {
      super(naam, hoofdproces, processen, stop, einden);
    }

    Bouw eerst(Consumer<Bouw> instellen) {
      instellen.accept(this);
      return this;
    }

    Bouw zonderEmail() {
      email = false;
      return this;
    }

    Bouw onderzoek() {
      zaak.antwoord("veiligheidsbeoordeling", v -> beoordeling(Map.of("betrokkenenWerkenMee", false)));
      return this;
    }

    Bouw voorwaarden() {
      zaak.antwoord("veiligheidsbeoordeling", v -> beoordeling(Map.of("structureel", true)));
      return this;
    }

    Bouw kindermishandeling() {
      kindermishandeling = true;
      return this;
    }

    Bouw plegerAanvaardt() {
      zaak.antwoord("eerste-contact", ModelMigratieIT::contactPlegerAanvaardt);
      for (int i = 0; i < 4; i++) {
        zaak.antwoord("eerste-contact", ModelMigratieIT::contactPlegerAanvaardt);
      }
      return this;
    }
  }

  private Bouw melding(String naam, String stop, List<String> einden, Map<String, Object> signalen) {
    Bouw geval = new Bouw(naam, "melding", MELDING, stop, einden);
    geval.signalen.putAll(signalen);
    geval.start = g -> {
      String bsn = TestBsn.nieuw();
      g.bsn.put("slachtoffer", bsn);
      ObjectNode melding = melding(T0, "POLITIE", geval.email, bsn, "Slachtoffer " + uniek(), geval.signalen);
      g.zaak.zaaknummer = meld(melding).path("zaaknummer").asText();
    };
    return geval;
  }

  private Geval radar() {
    Bouw geval = new Bouw("Radar: derde melding, kandidaat voor MDA++ en twee vervolgmeldingen",
        "melding", Set.of("melding", "radarsignaal", "terugkoppeling", "registerraadpleging", "monitoring"),
        "mda-kandidaat-beoordelen", List.of("Einde_GeenMda", "Einde_VervolgMeldingGewogen",
            "Einde_BemoeienisBeeindigd"));
    geval.start = g -> {
      String bsn = TestBsn.nieuw();
      String naam = "Moeder " + uniek();
      g.zaak.zaaknummer = meld(melding(T0, "POLITIE", true, bsn, naam, Map.of())).path("zaaknummer").asText();
      ClockUtil.setCurrentTime(Date.from(T0.plusMonths(2).toInstant()));
      meld(melding(T0.plusMonths(2), "BURGER", true, bsn, naam, Map.of()));
      ClockUtil.setCurrentTime(Date.from(T0.plusMonths(4).toInstant()));
      meld(melding(T0.plusMonths(4), "PROFESSIONAL", true, bsn, naam, Map.of()));
    };
    return geval;
  }

  private Bouw huisverbod(String naam, String stop, List<String> einden) {
    Bouw geval = new Bouw(naam, "huisverbod", HUISVERBOD, stop, einden);
    geval.start = g -> {
      String achternaam = uniek();
      ObjectNode voorstel = (ObjectNode) lees("""
          {"regio": "amsterdam-amstelland", "gemeente": "amsterdam", "incidentOp": "%s",
           "pleger": {"naam": "Pieter %s", "geboortedatum": "1985-06-01", "bsn": "%s"},
           "achterblijvers": [
             {"naam": "Sanne %s", "geboortedatum": "1987-02-14", "rol": "SLACHTOFFER"},
             {"naam": "Kees %s", "geboortedatum": "2019-09-03", "rol": "KIND"}],
           "kindermishandeling": %s,
           "rihg": {"roodPleger": 2, "roodIncident": 1, "roodGezin": 0,
                    "woontOfVerblijftNietIncidenteel": true, "ernstigOnmiddellijkGevaarOordeel": true},
           "woning": {"straat": "Dorpsstraat", "huisnummer": "1", "postcode": "1234AB", "plaats": "Amsterdam"},
           "feiten": "Slachtoffer geslagen in de keuken; pleger dreigde verder geweld."}"""
          .formatted(T0.minusHours(7), achternaam, TestBsn.nieuw(), achternaam, achternaam,
              geval.kindermishandeling));
      ResponseEntity<String> antwoord = stuur("agent", HttpMethod.POST, "/api/huisverboden", voorstel.toString());
      assertThat(antwoord.getStatusCode().value()).as(antwoord.getBody()).isEqualTo(201);
      g.zaak.zaaknummer = lees(antwoord.getBody()).path("zaaknummer").asText();
    };
    return geval;
  }

  // ------------------------------------------------------------------ messages from outside, through the real APIs

  private void vervolgmelding(Zaak zaak) {
    Geval geval = gevallen.stream().filter(g -> g.zaak == zaak).findFirst().orElseThrow();
    meld(melding(OffsetDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.of("Europe/Amsterdam")),
        "BURGER", true, geval.bsn.get("slachtoffer"), "Slachtoffer opnieuw", Map.of()));
  }

  private void bereikbaarheid(Zaak zaak) {
    verwacht202(stuur("agent", HttpMethod.PUT, "/api/huisverboden/" + zaak.zaaknummer + "/bereikbaarheid",
        "{\"adres\": \"Kerkstraat 5, Utrecht\"}"), 200);
  }

  private void overtreding(Zaak zaak) {
    verwacht202(stuur("agent", HttpMethod.POST, "/api/huisverboden/" + zaak.zaaknummer + "/overtredingen",
        "{\"overtredingOp\": \"" + nu() + "\", \"omschrijving\": \"Pleger stond voor de deur\"}"), 202);
  }

  private void voorlopigeVoorziening(Zaak zaak) {
    verwacht202(stuur("burgemeester", HttpMethod.POST, "/api/huisverboden/" + zaak.zaaknummer
        + "/voorlopige-voorziening", "{\"ingediendOp\": \"" + nu() + "\"}"), 202);
  }

  private void uitspraak(Zaak zaak, String uitspraak) {
    verwacht202(stuur("burgemeester", HttpMethod.POST, "/api/huisverboden/" + zaak.zaaknummer + "/uitspraak",
        "{\"uitspraak\": \"" + uitspraak + "\"}"), 202);
  }

  private static void verwacht202(ResponseEntity<String> antwoord, int status) {
    assertThat(antwoord.getStatusCode().value()).as(antwoord.getBody()).isEqualTo(status);
  }

  // ------------------------------------------------------------------ answers

  public static Map<String, Object> beoordeling(Map<String, Object> afwijkingen) {
    Map<String, Object> invoer = new HashMap<>(Map.of(
        "betreftHGofKM", true, "minderjarigeErnstigBedreigdMaatregelNodig", false, "hgkmAannemelijk", true,
        "betrokkenenWerkenMee", true, "voldoendeInformatie", true, "anonimiteitToegezegd", false,
        "acuut", false, "structureel", false, "complexHerhaaldMeerdereLeefgebieden", false,
        "passendeLopendeHulpverlening", false));
    invoer.put("zelfredzaamGeenVervolgNodig", false);
    invoer.put("melderRolInVervolg", false);
    invoer.put("toelichtingVeiligheidsbeoordeling", "Beoordeeld na gesprekken met betrokkenen");
    invoer.putAll(afwijkingen);
    return invoer;
  }

  private static Map<String, Object> escalatie() {
    return Map.of("escalatieActie", "Toegewezen aan een tweede medewerker");
  }

  private static Map<String, Object> veilig() {
    return Map.of("voorwaardenNageleefd", true, "stabielVeilig", true, "contactGezin", true,
        "contactProfessionals", true, "toelichting", "Gezin en school zien een rustige thuissituatie");
  }

  private static Map<String, Object> onveilig() {
    return Map.of("voorwaardenNageleefd", false, "stabielVeilig", false, "contactGezin", true,
        "contactProfessionals", true, "toelichting", "Uithuisgeplaatste weer in de woning");
  }

  private static Map<String, Object> verlengTotMaximum(Map<String, Object> variabelen) {
    Date maximum = (Date) variabelen.get("maximaleEinddatum");
    return Map.of("verlengen", true, "dreigingZetVoort", true, "verlengdTot",
        OffsetDateTime.ofInstant(maximum.toInstant(), ZoneId.of("Europe/Amsterdam")).toString(),
        "verlengingMotivering", "Dreiging houdt aan", "_groep", "burgemeester");
  }

  private static Map<String, Object> trekIn(Map<String, Object> variabelen) {
    return Map.of("intrekken", true, "intrekkingMotivering", "Hulp aanvaard; herhalingsrisico gedaald",
        "_groep", "burgemeester");
  }

  private static Map<String, Object> contactPlegerAanvaardt(Map<String, Object> variabelen) {
    return Map.of("contactGelegd", true, "hulpAanvaard", "PLEGER".equals(variabelen.get("persoonRol")),
        "toelichting", "Gesprek gevoerd");
  }

  // ------------------------------------------------------------------ helpers

  /** What a case holds when it is migrated: where each instance waits, its jobs and subscriptions. */
  private void legVast(Geval geval) {
    Stand stand = rijder.stand(geval.zaak);
    for (ProcessInstance instantie : stand.instanties()) {
      String sleutel = sleutel(instantie.getProcessDefinitionId());
      Set<String> ids = geval.wachtIn.computeIfAbsent(sleutel, s -> new LinkedHashSet<>());
      Set<String> boom = new LinkedHashSet<>();
      Zaakrijder.verzamel(runtimeService.getActivityInstance(instantie.getId()), boom);
      ids.addAll(boom);
      managementService.createJobQuery().processInstanceId(instantie.getId()).list().stream()
          .map(rijder::activiteitVan).filter(a -> a != null).forEach(ids::add);
      runtimeService.createEventSubscriptionQuery().processInstanceId(instantie.getId()).list().stream()
          .map(EventSubscription::getActivityId).forEach(ids::add);
    }
    geval.timersVoor = timers(geval);
    geval.stappenVoor = stappen(geval).stream().map(HistoricActivityInstance::getId).collect(Collectors.toSet());
  }

  private List<HistoricActivityInstance> stappen(Geval geval) {
    return historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(geval.zaak.zaaknummer)
        .list().stream().filter(h -> geval.zaak.processen.contains(h.getProcessDefinitionKey()))
        .flatMap(h -> historyService.createHistoricActivityInstanceQuery().processInstanceId(h.getId()).list()
            .stream()).toList();
  }

  private Map<String, Date> timers(Geval geval) {
    Map<String, Date> timers = new LinkedHashMap<>();
    for (String instantie : instantiesVan(geval)) {
      managementService.createJobQuery().processInstanceId(instantie).timers().orderByJobDuedate().asc().list()
          .forEach(j -> timers.put(instantie + "/" + rijder.activiteitVan(j) + "/" + j.getId(), j.getDuedate()));
    }
    return timers;
  }

  private List<String> instantiesVan(Geval geval) {
    if (geval.zaak.zaaknummer == null) {
      return List.of();
    }
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(geval.zaak.zaaknummer).list()
        .stream().filter(p -> geval.zaak.processen.contains(sleutel(p.getProcessDefinitionId())))
        .map(ProcessInstance::getId).sorted().toList();
  }

  private void voerBatchUit(String batchId) {
    Batch batch = managementService.createBatchQuery().batchId(batchId).singleResult();
    for (int ronde = 0; ronde < 1000 && managementService.createBatchQuery().batchId(batchId).count() > 0; ronde++) {
      List<Job> jobs = new ArrayList<>();
      for (String definitie : List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(),
          batch.getMonitorJobDefinitionId())) {
        jobs.addAll(managementService.createJobQuery().jobDefinitionId(definitie).list());
      }
      for (Job job : jobs) {
        managementService.executeJob(job.getId());
      }
    }
    assertThat(managementService.createBatchQuery().batchId(batchId).count()).as("batch %s klaar", batchId).isZero();
  }

  private Set<String> huidigeIds() {
    return huidige.values().stream().map(ProcessDefinition::getId).collect(Collectors.toSet());
  }

  private static String sleutel(String definitieId) {
    return definitieId.substring(0, definitieId.indexOf(':'));
  }

  private String resource(String deployment, String naam) throws Exception {
    try (InputStream in = repositoryService.getResourceAsStream(deployment, naam)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String uniek() {
    return "Mig" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static String nu() {
    return OffsetDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.of("Europe/Amsterdam")).toString();
  }

  private ObjectNode melding(OffsetDateTime ontvangenOp, String melderType, boolean email, String bsn, String naam,
      Map<String, Object> signalen) {
    ObjectNode melding = JSON.createObjectNode();
    melding.put("ontvangenOp", ontvangenOp.toString());
    melding.put("regio", "amsterdam-amstelland");
    ObjectNode melder = melding.putObject("melder");
    melder.put("type", melderType);
    melder.put("naam", "Melder " + melderType);
    if (email) {
      melder.put("email", melderType.toLowerCase() + "@example.org");
    }
    melder.put("anoniemNaarGezin", false);
    melding.putArray("betrokkenen").addObject().put("rol", "SLACHTOFFER").put("naam", naam)
        .put("geboortedatum", "1990-01-31").put("bsn", bsn);
    ObjectNode s = melding.putObject("signalen");
    signalen.forEach((k, v) -> s.put(k, (Boolean) v));
    melding.put("omschrijving", "Melding van huiselijk geweld na een incident in de nacht.");
    return melding;
  }

  private JsonNode meld(ObjectNode melding) {
    ResponseEntity<String> antwoord = stuur("intake", HttpMethod.POST, "/api/meldingen", melding.toString());
    assertThat(antwoord.getStatusCode().value()).as(antwoord.getBody()).isEqualTo(201);
    return lees(antwoord.getBody());
  }

  private ResponseEntity<String> stuur(String gebruiker, HttpMethod methode, String pad, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(gebruiker, "demo").exchange(pad, methode, new HttpEntity<>(body, headers), String.class);
  }

  private static JsonNode lees(String tekst) {
    try {
      return JSON.readTree(tekst);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
