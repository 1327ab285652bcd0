package nl.hgkm.keten.regio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.hgkm.keten.engine.ZakenNaarTenants;
import nl.hgkm.keten.support.KetenIntegratieTest;
import nl.hgkm.keten.support.TestIdentiteit;
import nl.hgkm.keten.support.TestKlok;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A Camunda tenant per Veilig Thuis region: the tenants, the demo memberships, and a case that keeps its tenant. */
@KetenIntegratieTest
class RegioTenantsIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final OffsetDateTime NU = OffsetDateTime.parse("2027-04-23T10:00:00+02:00");

  @Autowired Regios regios;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired TestRestTemplate rest;
  @Autowired ZakenNaarTenants zakenNaarTenants;

  @AfterEach
  void herstel() {
    identityService.clearAuthentication();
    TestKlok.terug();
  }

  @Test
  @DisplayName("Elke Veilig Thuis-regio is een tenant met de slug als id")
  void eenTenantPerRegio() {
    List<Tenant> tenants = identityService.createTenantQuery().tenantIdIn(regios.slugs().toArray(String[]::new))
        .list();
    assertThat(tenants).extracting(Tenant::getId).containsExactlyInAnyOrderElementsOf(regios.slugs());
    assertThat(tenants).hasSize(25);
    assertThat(tenants).filteredOn(t -> t.getId().equals("haaglanden")).extracting(Tenant::getName)
        .containsExactly("Veilig Thuis Haaglanden");
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
      "medewerker, utrecht",
      "teamleider, utrecht",
      "medewerker-haaglanden, haaglanden",
      "teamleider-haaglanden, haaglanden",
      "professional, ''"})
  @DisplayName("Demogebruikers zijn lid van de tenant van hun regio (contract §6)")
  void demoLidmaatschappen(String gebruiker, String regio) {
    assertThat(TestIdentiteit.tenants(identityService, gebruiker))
        .containsExactlyElementsOf(regio.isEmpty() ? List.of() : List.of(regio));
  }

  @ParameterizedTest
  @CsvSource({"intake", "auditor"})
  @DisplayName("Intake en auditor zien in de demo elke regio")
  void intakeEnAuditorLandelijk(String gebruiker) {
    assertThat(TestIdentiteit.tenants(identityService, gebruiker)).containsExactlyInAnyOrderElementsOf(regios.slugs());
  }

  @Test
  @DisplayName("Een zaak zonder (bekende) regio start niet")
  void zaakZonderRegioStartNiet() {
    long voor = runtimeService.createProcessInstanceQuery().processDefinitionKey("monitoring").count();
    assertThatThrownBy(() -> runtimeService.createProcessInstanceByKey("monitoring")
        .setVariables(Map.of("zaaknummer", "VT-2027-999999")).execute())
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("Een zaak start niet zonder Veilig Thuis-regio")
        .hasMessageContaining("geen variabele regio");
    assertThatThrownBy(() -> runtimeService.createProcessInstanceByKey("monitoring")
        .setVariables(Map.of("zaaknummer", "VT-2027-999999", "regio", "atlantis")).execute())
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("regio 'atlantis', geen bekende regio");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("monitoring").count())
        .isEqualTo(voor);
  }

  @Test
  @DisplayName("Een melding in Haaglanden: instantie, taak, timer, escalatie na de timer en beslissingen in tenant"
      + " haaglanden; Utrecht ziet er niets van")
  void zaakHoudtHaarTenant() throws Exception {
    ClockUtil.setCurrentTime(Date.from(NU.toInstant()));
    Date begin = ClockUtil.getCurrentTime();
    JsonNode antwoord = meld("haaglanden");
    String pid = antwoord.get("processInstanceId").asText();

    ProcessInstance instantie = runtimeService.createProcessInstanceQuery().processInstanceId(pid).singleResult();
    assertThat(instantie.getTenantId()).isEqualTo("haaglanden");
    Task beoordeling = taskService.createTaskQuery().processInstanceId(pid)
        .taskDefinitionKey("veiligheidsbeoordeling").singleResult();
    assertThat(beoordeling.getTenantId()).isEqualTo("haaglanden");
    assertThat(managementService.createJobQuery().processInstanceId(pid).list())
        .isNotEmpty().allSatisfy(j -> assertThat(j.getTenantId()).isEqualTo("haaglanden"));
    assertThat(historyService.createHistoricDecisionInstanceQuery().processInstanceId(pid).list())
        .allSatisfy(d -> assertThat(d.getTenantId()).isEqualTo("haaglanden"));
    // The intake's own evaluations, outside the process, carry the region too (other tests' cases, evaluated at
    // the same test moment, carry theirs).
    assertThat(historyService.createHistoricDecisionInstanceQuery().evaluatedAfter(begin).list())
        .filteredOn(d -> d.getProcessInstanceId() == null
            && !"meldcode-afwegingskader".equals(d.getDecisionDefinitionKey()))
        .extracting(d -> d.getTenantId())
        .contains("haaglanden")
        .doesNotContainNull();
    // The register lookup started by the intake is a case of the same region.
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(antwoord.get("zaaknummer")
        .asText()).list()).allSatisfy(p -> assertThat(p.getTenantId()).isEqualTo("haaglanden"));

    // Tenant checks: the Utrecht case worker does not see the task, the Haaglanden one does.
    TestIdentiteit.alsGebruiker(identityService, "medewerker", List.of("vt-medewerker"));
    assertThat(taskService.createTaskQuery().processInstanceId(pid).count()).isZero();
    TestIdentiteit.alsGebruiker(identityService, "medewerker-haaglanden", List.of("vt-medewerker"));
    assertThat(taskService.createTaskQuery().processInstanceId(pid).taskDefinitionKey("veiligheidsbeoordeling")
        .count()).isEqualTo(1);
    identityService.clearAuthentication();

    // The term passes: the job executor's timer runs in the case's tenant, and so does what it creates.
    Job termijn = managementService.createJobQuery().processInstanceId(pid)
        .activityId("Timer_VeiligheidsbeoordelingVerlopen").timers().singleResult();
    assertThat(termijn.getTenantId()).isEqualTo("haaglanden");
    ClockUtil.setCurrentTime(termijn.getDuedate());
    managementService.executeJob(termijn.getId());
    assertThat(managementService.createJobQuery().processInstanceId(pid).list())
        .allSatisfy(j -> assertThat(j.getTenantId()).isEqualTo("haaglanden"));
    assertThat(taskService.createTaskQuery().processInstanceId(pid).list())
        .allSatisfy(t -> assertThat(t.getTenantId()).isEqualTo("haaglanden"));

  }

  @Test
  @DisplayName("Geen rij van een zaak zonder tenant, in geen enkele engine-tabel")
  void geenZaakZonderTenant() throws Exception {
    ClockUtil.setCurrentTime(Date.from(NU.toInstant()));
    meld("utrecht");
    assertThat(zakenNaarTenants.zonderTenant()).isEmpty();
  }

  private JsonNode meld(String regio) throws Exception {
    ObjectNode melding = JSON.createObjectNode();
    melding.put("ontvangenOp", NU.minusHours(1).toString());
    melding.put("regio", regio);
    melding.putObject("melder").put("type", "POLITIE").put("naam", "Team Centrum").put("email", "c@example.org")
        .put("anoniemNaarGezin", false);
    melding.putArray("betrokkenen").addObject().put("rol", "SLACHTOFFER")
        .put("naam", "Slachtoffer " + UUID.randomUUID()).put("geboortedatum", "1990-01-31");
    melding.putObject("signalen").put("kindStelselmatigGetuigeHG", true);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> antwoord = rest.withBasicAuth("intake", "demo").exchange("/api/meldingen",
        HttpMethod.POST, new HttpEntity<>(melding.toString(), headers), String.class);
    assertThat(antwoord.getStatusCode()).as(antwoord.getBody()).isEqualTo(HttpStatus.CREATED);
    return JSON.readTree(antwoord.getBody());
  }
}
