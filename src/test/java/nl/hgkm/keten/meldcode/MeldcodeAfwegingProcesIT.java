package nl.hgkm.keten.meldcode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.hgkm.keten.engine.OngeldigeTaakInvoerException;
import nl.hgkm.keten.identiteit.Groepen;
import nl.hgkm.keten.melding.Signalen;
import nl.hgkm.keten.regio.Regios;
import nl.hgkm.keten.support.KetenIntegratieTest;
import nl.hgkm.keten.zaak.TestBsn;
import nl.hgkm.keten.zaak.TestGebruikers;
import nl.hgkm.keten.support.TestIdentiteit;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Process {@code meldcode-afweging} as Tasklist's start form drives it: started by the professional with the engine's
 * authorizations on, through {@code FormService.submitStartForm}, one story per end, and the refusals that leave
 * nothing behind. The last check asserts that together the stories pass every flow node of the model.
 */
@KetenIntegratieTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeldcodeAfwegingProcesIT {

  static final String PROCES = "meldcode-afweging";
  static final String PROFESSIONAL = TestGebruikers.PROFESSIONAL;

  @Autowired ProcessEngine engine;
  @Autowired FormService formService;
  @Autowired RepositoryService repositoryService;
  @Autowired HistoryService historyService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired JdbcClient jdbc;
  @Autowired Regios regios;
  @Autowired ObjectMapper objectMapper;

  private final Set<String> gestart = new HashSet<>();

  @BeforeAll
  void gebruikers() {
    TestGebruikers.zorgVoorAlle(identityService);
  }

  @BeforeEach
  void init() {
    AbstractAssertions.init(engine);
  }

  @Test
  @DisplayName("Acute of structurele onveiligheid: de melding is gedaan en de afweging hangt aan de zaak")
  void meldenBijVeiligThuis() {
    Map<String, Object> formulier = afwegingen("ja", "ja");
    formulier.putAll(melding());

    ProcessInstance pi = start(formulier);

    assertThat(pi).isEnded().hasPassedInOrder("Start_Twijfel", "Taak_AfwegingVastleggen", "Taak_MeldingDoen",
        "Einde_MeldingGedaan");
    String afwegingId = pi.getBusinessKey();
    Map<String, Object> variabelen = variabelen(pi);
    assertThat(variabelen).containsEntry("afwegingId", afwegingId).containsEntry("eigenaar", PROFESSIONAL)
        .containsEntry("besluit", "MELDEN_VT_AFWEGINGEN_3_5_SAMEN_MET_VT").containsEntry("melden", true);
    String zaaknummer = (String) variabelen.get("zaaknummer");
    assertThat(zaaknummer).matches("VT-\\d{4}-\\d{6}");
    Map<String, Object> afweging = jdbc.sql("select * from meldcode_afweging where id = :id")
        .param("id", afwegingId).query().singleRow();
    assertThat(afweging).containsEntry("EIGENAAR", PROFESSIONAL).containsEntry("ZAAKNUMMER", zaaknummer)
        .containsEntry("PROCESS_INSTANCE_ID", pi.getId());
    assertThat(jdbc.sql("select count(*) from meldcode_antwoord where afweging_id = :id and toelichting is not null")
        .param("id", afwegingId).query(Integer.class).single()).isEqualTo(2);
    String meldingProces = jdbc.sql("select process_instance_id from zaak where zaaknummer = :z")
        .param("z", zaaknummer).query(String.class).single();
    assertThat(taskService.createTaskQuery().processInstanceId(meldingProces).taskDefinitionKey("veiligheidsbeoordeling")
        .count()).isEqualTo(1);
    Map<String, Object> melding = jdbc.sql("select melder_type, melder_naam, melder_email, geregistreerd_door, signalen"
        + " from melding where zaaknummer = :z").param("z", zaaknummer).query().singleRow();
    assertThat(melding).containsEntry("MELDER_TYPE", "PROFESSIONAL").containsEntry("MELDER_NAAM", "Pieter Bos")
        .containsEntry("MELDER_EMAIL", "professional@demo.keten-hgkm.example")
        .containsEntry("GEREGISTREERD_DOOR", PROFESSIONAL);
    assertThat((String) melding.get("SIGNALEN")).contains("\"kindStelselmatigGetuigeHG\":true");
    // the persons and texts of the form went to the case file, not into the engine history
    List<String> inHistorie = historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .list().stream().map(HistoricVariableInstance::getName).toList();
    assertThat(inHistorie).contains("regio", "afwegingId", "zaaknummer")
        .doesNotContain("betrokkene1Naam", "betrokkene1Bsn", "betrokkene1Geboortedatum", "omschrijving", "melderNaam",
            "toelichting1");
    assertThat(historyService.createHistoricDetailQuery().processInstanceId(pi.getId()).variableUpdates().list())
        .extracting(d -> ((HistoricVariableUpdate) d).getVariableName())
        .contains("betrokkene1Rol").doesNotContain("betrokkene1Naam", "betrokkene1Bsn", "omschrijving");
  }

  @Test
  @DisplayName("Hulp niet aanvaard: melden, met drie betrokkenen en een eigen melder")
  void hulpNietAanvaardMeldtMetMeerBetrokkenen() {
    Map<String, Object> formulier = afwegingen("ja", "nee", "ja", "nee");
    formulier.putAll(melding());
    formulier.put("betrokkene2Naam", "Moeder " + UUID.randomUUID());
    formulier.put("betrokkene2Rol", "SLACHTOFFER");
    formulier.put("betrokkene3Naam", "Partner " + UUID.randomUUID());
    formulier.put("betrokkene3Rol", "PLEGER");
    formulier.put("betrokkene3Geboortedatum", "1985-02-03");
    formulier.put("melderNaam", "P. Bos, basisschool De Regenboog");
    formulier.put("anoniemNaarGezin", true);

    ProcessInstance pi = start(formulier);

    assertThat(pi).isEnded().hasPassed("Einde_MeldingGedaan");
    assertThat(variabelen(pi)).containsEntry("besluit", "MELDEN_VT");
    String zaaknummer = (String) variabelen(pi).get("zaaknummer");
    assertThat(jdbc.sql("select rol from betrokkene where zaaknummer = :z order by id").param("z", zaaknummer)
        .query(String.class).list()).containsExactly("KIND", "SLACHTOFFER", "PLEGER");
    assertThat(jdbc.sql("select naam from melder_beschermd b join melding m on m.id = b.melding_id"
        + " where m.zaaknummer = :z").param("z", zaaknummer).query(String.class).single())
        .isEqualTo("P. Bos, basisschool De Regenboog");
  }

  @Test
  @DisplayName("Hulp aanvaard en afweging 5 nog open: hulp bieden, de afweging is vastgelegd")
  void hulpBieden() {
    ProcessInstance pi = start(afwegingen("ja", "nee", "ja", "ja"));

    assertThat(pi).isEnded().hasPassed("Einde_HulpBieden").hasNotPassed("Taak_MeldingDoen");
    assertThat(variabelen(pi)).containsEntry("besluit", "HULP_BIEDEN_OF_ORGANISEREN")
        .containsEntry("volgendeAfweging", 5).doesNotContainKey("zaaknummer");
    assertThat(jdbc.sql("select volgende_afweging from meldcode_afweging where id = :id")
        .param("id", pi.getBusinessKey()).query(Integer.class).single()).isEqualTo(5);
  }

  @Test
  @DisplayName("Geen vermoeden: afgesloten en vastgelegd")
  void geenVermoeden() {
    ProcessInstance pi = start(afwegingen("nee"));

    assertThat(pi).isEnded().hasPassed("Einde_Afgesloten");
    assertThat(variabelen(pi)).containsEntry("besluit", "AFSLUITEN_EN_VASTLEGGEN");
  }

  @Test
  @DisplayName("Resultaat bereikt: hulp afsluiten met volgafspraken, ook afgesloten en vastgelegd")
  void resultaatBereikt() {
    ProcessInstance pi = start(afwegingen("ja", "nee", "ja", "ja", "ja"));

    assertThat(pi).isEnded().hasPassed("Einde_Afgesloten");
    assertThat(variabelen(pi)).containsEntry("besluit", "HULP_AFSLUITEN_MET_VOLGAFSPRAKEN");
  }

  @Test
  @DisplayName("Een afweging die halverwege stopt, start niet en legt niets vast")
  void eenOnafgemaakteAfwegingStartNiet() {
    Map<String, Integer> voor = TestAfwegingen.tellingen(jdbc);
    long instanties = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(PROCES).count();

    assertThatThrownBy(() -> start(afwegingen("ja", "nee")))
        .isInstanceOf(OngeldigeTaakInvoerException.class)
        .hasMessageContaining("beantwoord afweging 3 (Hulp)");
    assertThatThrownBy(() -> start(Map.of("afweging1", "ja")))
        .isInstanceOf(OngeldigeTaakInvoerException.class)
        .hasMessageContaining("Toelichting bij afweging 1: is verplicht");

    assertThat(TestAfwegingen.tellingen(jdbc)).isEqualTo(voor);
    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(PROCES).count())
        .isEqualTo(instanties);
  }

  @Test
  @DisplayName("Een melding die de intake weigert, weigert de start: geen afweging, geen zaak")
  void eenOngeldigeMeldingWeigertDeStart() {
    Map<String, Object> formulier = afwegingen("ja", "nee", "nee");
    formulier.putAll(melding());
    formulier.put("betrokkene1Bsn", "111222334");
    formulier.remove("regio");
    Map<String, Integer> voor = TestAfwegingen.tellingen(jdbc);

    assertThatThrownBy(() -> start(formulier))
        .isInstanceOf(OngeldigeTaakInvoerException.class)
        .hasMessageContaining("Veilig Thuis-regio: is verplicht")
        .hasMessageContaining("Betrokkene 1, BSN: is geen geldig burgerservicenummer");

    assertThat(TestAfwegingen.tellingen(jdbc)).isEqualTo(voor);
  }

  @Test
  @DisplayName("Het startformulier is een Camunda Form met de geconfigureerde regio's en alle signalen")
  void hetStartformulierPastBijDeConfiguratie() throws Exception {
    ProcessDefinition definitie = repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCES)
        .latestVersion().singleResult();
    assertThat(formService.getStartFormData(definitie.getId()).getCamundaFormRef().getKey()).isEqualTo(PROCES);
    JsonNode formulier;
    try (InputStream bron = formService.getDeployedStartForm(definitie.getId())) {
      formulier = objectMapper.readTree(bron);
    }
    Map<String, JsonNode> velden = new HashMap<>();
    formulier.path("components").forEach(c -> velden.put(c.path("key").asText(c.path("id").asText()), c));

    Set<String> regioWaarden = new TreeSet<>();
    velden.get("regio").path("values").forEach(v -> regioWaarden.add(v.path("value").asText()));
    assertThat(regioWaarden).isEqualTo(new TreeSet<>(regios.slugs()));
    assertThat(velden.keySet()).containsAll(Signalen.ALLE);
    List<String> teksten = new ArrayList<>();
    formulier.path("components").forEach(c -> teksten.add(c.path("text").asText()));
    for (Afwegingsvraag vraag : Afwegingsvraag.values()) {
      assertThat(velden).containsKeys("afweging" + vraag.nummer(), "toelichting" + vraag.nummer());
      assertThat(teksten).anySatisfy(tekst -> assertThat(tekst).contains(vraag.vraag()));
    }
    assertThat(String.join("\n", teksten)).contains("**Acute onveiligheid**", "**Structurele onveiligheid**");
  }

  @AfterAll
  void elkStroomelementIsDoorlopen() {
    String definitieId = repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCES)
        .latestVersion().singleResult().getId();
    Set<String> alle = repositoryService.getBpmnModelInstance(definitieId).getModelElementsByType(FlowNode.class)
        .stream().map(FlowNode::getId).collect(Collectors.toSet());
    Set<String> doorlopen = gestart.stream()
        .flatMap(pi -> historyService.createHistoricActivityInstanceQuery().processInstanceId(pi).list().stream())
        .map(HistoricActivityInstance::getActivityId)
        .collect(Collectors.toSet());
    assertThat(doorlopen).containsAll(alle);
  }

  // ------------------------------------------------------------------ helpers

  /** The form's answers in order ("ja"/"nee"), each with a reasoning, as the Camunda Form submits them. */
  private static Map<String, Object> afwegingen(String... antwoorden) {
    Map<String, Object> formulier = new HashMap<>();
    for (int i = 0; i < antwoorden.length; i++) {
      formulier.put("afweging" + (i + 1), antwoorden[i]);
      formulier.put("toelichting" + (i + 1), "Waarom afweging " + (i + 1) + ": " + antwoorden[i] + ".");
    }
    return formulier;
  }

  private static Map<String, Object> melding() {
    Map<String, Object> melding = new HashMap<>();
    melding.put("regio", "amsterdam-amstelland");
    melding.put("betrokkene1Naam", "Kind Tasklist-" + UUID.randomUUID());
    melding.put("betrokkene1Rol", "KIND");
    melding.put("betrokkene1Geboortedatum", "2017-09-01");
    melding.put("betrokkene1Bsn", TestBsn.nieuw());
    melding.put("omschrijving", "Het kind komt herhaaldelijk met blauwe plekken op school.");
    melding.put("kindStelselmatigGetuigeHG", true);
    melding.put("directLevensgevaar", false);
    return melding;
  }

  /** Starts as the professional, with the engine's authorizations, as Tasklist does. */
  private ProcessInstance start(Map<String, Object> formulier) {
    String definitieId = repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCES)
        .latestVersion().singleResult().getId();
    TestIdentiteit.alsGebruiker(identityService, PROFESSIONAL, List.of(Groepen.PROFESSIONAL));
    try {
      ProcessInstance pi = formService.submitStartForm(definitieId, formulier);
      gestart.add(pi.getId());
      return pi;
    } finally {
      identityService.clearAuthentication();
    }
  }

  private Map<String, Object> variabelen(ProcessInstance pi) {
    Map<String, Object> variabelen = new HashMap<>();
    historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).list()
        .forEach(v -> variabelen.put(v.getName(), v.getValue()));
    return variabelen;
  }
}
