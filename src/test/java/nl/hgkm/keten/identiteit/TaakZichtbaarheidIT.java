package nl.hgkm.keten.identiteit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.hgkm.keten.support.KetenIntegratieTest;
import nl.hgkm.keten.support.TestIdentiteit;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;


/**
 * A user sees and works only the tasks of its own groups (contract §2), through /engine-rest with HTTP Basic, on a
 * small model of its own: one task for vt-medewerker and one for wijkteam, in parallel.
 */
@KetenIntegratieTest
class TaakZichtbaarheidIT {

  private static final String PROCES = "test-identiteit-taken";
  private static final String BESLISSING = "test-identiteit-besluit";
  private static final String FORMULIER = "test-identiteit-formulier";

  /** A decision the process evaluates after the medewerker's task; no group has rights on decision definitions. */
  private static final String DMN = """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"
          xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="testIdentiteit" name="Test identiteit"
          namespace="http://camunda.org/schema/1.0/dmn">
        <decision id="test-identiteit-besluit" name="Test identiteit besluit" camunda:historyTimeToLive="1">
          <decisionTable id="tabel" hitPolicy="FIRST">
            <input id="invoer" label="Zaaknummer">
              <inputExpression id="invoerExpressie" typeRef="string"><text>zaaknummer</text></inputExpression>
            </input>
            <output id="uitvoer" name="uitkomst" typeRef="string"/>
            <rule id="regel">
              <inputEntry id="regelInvoer"><text></text></inputEntry>
              <outputEntry id="regelUitvoer"><text>"beoordeeld"</text></outputEntry>
            </rule>
          </decisionTable>
        </decision>
      </definitions>
      """;

  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired FilterService filterService;
  @Autowired IdentityService identityService;

  @Autowired AuthorizationService authorizationService;

  private final List<String> leesrechten = new ArrayList<>();
  private String deploymentId;
  private String instantieId;

  @BeforeEach
  void startEenZaak() {
    BpmnModelInstance model = Bpmn.createExecutableProcess(PROCES)
        .name("Test identiteit: taken per groep")
        .camundaHistoryTimeToLive(1)
        .startEvent()
        .parallelGateway("splitsing")
        .userTask("taakMedewerker").name("Taak voor de medewerker").camundaCandidateGroups("vt-medewerker")
        .camundaFormRef(FORMULIER).camundaFormRefBinding("deployment")
        .businessRuleTask("besluit").camundaDecisionRef(BESLISSING).camundaResultVariable("uitkomst")
        .camundaMapDecisionResult("singleEntry")
        .endEvent()
        .moveToNode("splitsing")
        .userTask("taakWijkteam").name("Taak voor het wijkteam").camundaCandidateGroups("wijkteam")
        .endEvent()
        .done();
    deploymentId = repositoryService.createDeployment().name(PROCES)
        .addModelInstance(PROCES + ".bpmn", model)
        .addString(BESLISSING + ".dmn", DMN)
        .addString(FORMULIER + ".form", """
            {"id": "%s", "type": "default", "schemaVersion": 16,
             "components": [{"key": "toelichting", "label": "Toelichting", "type": "textfield"}]}
            """.formatted(FORMULIER))
        .deploy().getId();
    // As for the real models (Rollen): a group reads the process definitions it has tasks in.
    for (String groep : List.of("vt-medewerker", "wijkteam")) {
      Authorization lezen = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      lezen.setGroupId(groep);
      lezen.setResource(Resources.PROCESS_DEFINITION);
      lezen.setResourceId(PROCES);
      lezen.addPermission(Permissions.READ);
      leesrechten.add(authorizationService.saveAuthorization(lezen).getId());
    }
    instantieId = runtimeService.startProcessInstanceByKey(PROCES, "TEST-" + UUID.randomUUID(),
        Map.of("zaaknummer", "TEST-" + UUID.randomUUID(), "regio", "utrecht")).getId();
  }

  @AfterEach
  void ruimOp() {
    identityService.clearAuthentication();
    leesrechten.forEach(authorizationService::deleteAuthorization);
    leesrechten.clear();
    repositoryService.deleteDeployment(deploymentId, true);
  }

  @Test
  void medewerkerZietEnWerktAlleenDeTaakVanZijnGroep() throws Exception {
    JsonNode taken = taken("medewerker");
    assertThat(taken).hasSize(1);
    assertThat(taken.get(0).get("taskDefinitionKey").asText()).isEqualTo("taakMedewerker");
    String taakId = taken.get(0).get("id").asText();

    // Its Camunda Form opens with nothing more than the engine's grant on the task.
    ResponseEntity<String> formulier = rest.withBasicAuth("medewerker", "demo")
        .getForEntity("/engine-rest/task/" + taakId + "/deployed-form", String.class);
    assertThat(formulier.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(formulier.getBody()).contains(FORMULIER);

    assertThat(post("medewerker", "/task/" + taakId + "/claim", Map.of("userId", "medewerker")).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    String mijnTaken = filterService.createFilterQuery().filterName("Mijn taken").singleResult().getId();
    JsonNode mijn = json.readTree(rest.withBasicAuth("medewerker", "demo")
        .getForObject("/engine-rest/filter/" + mijnTaken + "/list", String.class));
    assertThat(mijn).extracting(t -> t.get("id").asText()).contains(taakId);

    assertThat(post("medewerker", "/task/" + taakId + "/complete",
        Map.of("variables", Map.of("toelichting", Map.of("value", "gezien", "type", "String"))))
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    assertThat(historyService.createHistoricTaskInstanceQuery().taskId(taakId).singleResult().getEndTime())
        .isNotNull();
    assertThat(historyService.createHistoricTaskInstanceQuery().taskId(taakId).singleResult().getAssignee())
        .isEqualTo("medewerker");
    // The process went on through a decision the medewerker has no rights on: the engine evaluates it, not the user.
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instantieId)
        .variableName("uitkomst").singleResult().getValue()).isEqualTo("beoordeeld");
  }

  @Test
  void wijkteamZietDeTaakVanDeMedewerkerNietEnKanHemNietAfronden() throws Exception {
    assertThat(taken("wijkteam")).extracting(t -> t.get("taskDefinitionKey").asText())
        .containsExactly("taakWijkteam");

    ResponseEntity<String> afronden = post("wijkteam", "/task/" + taak("taakMedewerker").getId() + "/complete",
        Map.of());

    assertThat(afronden.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(taskService.createTaskQuery().processInstanceId(instantieId).count()).isEqualTo(2);
  }

  @Test
  void intakeZietGeenVanBeideTaken() throws Exception {
    assertThat(taken("intake")).isEmpty();
  }

  @Test
  void eenKandidaatMagWerkenMaarNietHerverdelen() {
    // TASK_WORK (defaultUserPermissionNameForTask), not UPDATE: no moving a task to another group or user.
    String taakId = taak("taakMedewerker").getId();

    assertThat(post("medewerker", "/task/" + taakId + "/identity-links",
        Map.of("groupId", "wijkteam", "type", "candidate")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post("medewerker", "/task/" + taakId + "/assignee", Map.of("userId", "wijkteam")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.withBasicAuth("medewerker", "demo").exchange("/engine-rest/task/" + taakId, HttpMethod.PUT,
        new HttpEntity<>(Map.of("name", "Taak voor de medewerker",
            "due", "2030-01-01T12:00:00.000+0100")), String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(taskService.getIdentityLinksForTask(taakId)).extracting(l -> l.getGroupId())
        .containsExactly("vt-medewerker");
    assertThat(taak("taakMedewerker").getAssignee()).isNull();
    assertThat(taak("taakMedewerker").getDueDate()).isNull();

    // Documented consequence (docs/rollen-en-rechten.md): a claimed task cannot be released by its candidate.
    assertThat(post("medewerker", "/task/" + taakId + "/claim", Map.of("userId", "medewerker")).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(post("medewerker", "/task/" + taakId + "/unclaim", Map.of()).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(taak("taakMedewerker").getAssignee()).isEqualTo("medewerker");
  }

  @Test
  void deAuditorLeestMaarRondtNietsAfEnVerwijdertNiets() throws Exception {
    String taakId = taak("taakMedewerker").getId();

    assertThat(post("auditor", "/task/" + taakId + "/complete", Map.of()).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post("auditor", "/task/" + taakId + "/claim", Map.of("userId", "auditor")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(verwijder("auditor", "/history/process-instance/" + instantieId).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(verwijder("auditor", "/process-instance/" + instantieId).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(verwijder("auditor", "/deployment/" + deploymentId).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.withBasicAuth("auditor", "demo").exchange(
        "/engine-rest/process-instance/" + instantieId + "/variables/zaaknummer", HttpMethod.PUT,
        new HttpEntity<>(Map.of("value", "ANDERS", "type", "String")), String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    // A task outside any process may be deleted by whoever has DELETE on it; the auditor has not.
    Task losseTaak = taskService.newTask();
    losseTaak.setName("Losse taak test-identiteit");
    taskService.saveTask(losseTaak);
    try {
      assertThat(verwijder("auditor", "/task/" + losseTaak.getId()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(taskService.createTaskQuery().taskId(losseTaak.getId()).count()).isEqualTo(1);
    } finally {
      taskService.deleteTask(losseTaak.getId(), true);
    }

    // Nothing changed, and what happened is readable.
    assertThat(taskService.createTaskQuery().processInstanceId(instantieId).count()).isEqualTo(2);
    assertThat(runtimeService.getVariable(instantieId, "zaaknummer").toString()).startsWith("TEST-");
    JsonNode geschiedenis = json.readTree(rest.withBasicAuth("auditor", "demo")
        .getForObject("/engine-rest/history/process-instance?processInstanceId=" + instantieId, String.class));
    assertThat(geschiedenis).hasSize(1);
    JsonNode lopend = json.readTree(rest.withBasicAuth("auditor", "demo")
        .getForObject("/engine-rest/process-instance?processInstanceIds=" + instantieId, String.class));
    assertThat(lopend).hasSize(1);
  }

  @Test
  void hetFilterVanDeGroepToontDeTaakAlleenAanDieGroep() {
    String filterId = filterService.createFilterQuery().filterName("Taken van Veilig Thuis medewerker")
        .singleResult().getId();

    TestIdentiteit.alsGebruiker(identityService, "medewerker", List.of("vt-medewerker"));
    List<Task> gefilterd = filterService.list(filterId);
    identityService.clearAuthentication();
    assertThat(gefilterd).extracting(Task::getTaskDefinitionKey).contains("taakMedewerker")
        .doesNotContain("taakWijkteam");

    TestIdentiteit.alsGebruiker(identityService, "wijkteam", List.of("wijkteam"));
    assertThatThrownBy(() -> filterService.list(filterId)).isInstanceOf(AuthorizationException.class);
  }

  private Task taak(String sleutel) {
    return taskService.createTaskQuery().processInstanceId(instantieId).taskDefinitionKey(sleutel).singleResult();
  }

  private JsonNode taken(String gebruiker) throws Exception {
    ResponseEntity<String> antwoord = rest.withBasicAuth(gebruiker, "demo")
        .getForEntity("/engine-rest/task?processInstanceId=" + instantieId, String.class);
    assertThat(antwoord.getStatusCode()).isEqualTo(HttpStatus.OK);
    return json.readTree(antwoord.getBody());
  }

  private ResponseEntity<String> post(String gebruiker, String pad, Object body) {
    return rest.withBasicAuth(gebruiker, "demo").postForEntity("/engine-rest" + pad, body, String.class);
  }

  private ResponseEntity<String> verwijder(String gebruiker, String pad) {
    return rest.withBasicAuth(gebruiker, "demo").exchange("/engine-rest" + pad, HttpMethod.DELETE, null, String.class);
  }
}
