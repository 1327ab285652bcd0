package nl.hgkm.keten.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import nl.hgkm.keten.support.Buitensystemen;
import nl.hgkm.keten.zaak.TestBsn;
import nl.hgkm.keten.support.TestIdentiteit;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A whole tijdelijk huisverbod, start to end, as the auditor's tests replay it: proposed by the police through the
 * API, imposed by the burgemeester (who claims the task first), the police system down at the registration until the
 * job has no retries left and an incident opens, then up again and the incident resolved by an administrator giving
 * the job new retries; the care offer (one first contact a day late), the evaluation timer, an extension to the full
 * 28 days, the end timer, and monitoring that finds the household unsafe again, which ends the case. Veilig Thuis is
 * informed on the way (a linked VT case). Jobs and timers driven directly, the clock moved, never a sleep.
 */
final class AfgerondHuisverbod {

  static final ObjectMapper JSON = new ObjectMapper();
  /** The order is imposed at this moment; it ends 28 days later at the same local clock time. */
  static final Instant OPGELEGD = OffsetDateTime.parse("2027-04-23T10:00:00+02:00").toInstant();
  static final String EINDE_NA_VERLENGING = "2027-05-21T10:00:00+02:00";

  record Zaak(String zaaknummer, String processInstanceId, String vtZaaknummer, Instant afgerondOp) {}

  private final ProcessEngine engine;
  private final TestRestTemplate rest;
  private RuntimeService runtime;
  private TaskService taken;
  private ManagementService beheer;
  private IdentityService identiteit;

  AfgerondHuisverbod(ProcessEngine engine, TestRestTemplate rest) {
    this.engine = engine;
    this.rest = rest;
    this.runtime = engine.getRuntimeService();
    this.taken = engine.getTaskService();
    this.beheer = engine.getManagementService();
    this.identiteit = engine.getIdentityService();
  }

  /** Runs the story in {@code regio} (a demo region with municipality {@code gemeente}); leaves the clock at its end. */
  Zaak maak(String regio, String gemeente) throws Exception {
    ClockUtil.setCurrentTime(Date.from(OPGELEGD.minusSeconds(15 * 60)));
    Buitensystemen.reset();
    String achternaam = "Audit" + UUID.randomUUID().toString().substring(0, 8);
    String voorstel = """
        {"regio": "%s", "gemeente": "%s", "incidentOp": "2027-04-23T01:30:00+02:00",
         "pleger": {"naam": "Pieter %s", "geboortedatum": "1985-06-01", "bsn": "%s"},
         "achterblijvers": [{"naam": "Sanne %s", "geboortedatum": "1987-02-14", "rol": "SLACHTOFFER"}],
         "kindermishandeling": false,
         "rihg": {"roodPleger": 2, "roodIncident": 1, "roodGezin": 0,
                  "woontOfVerblijftNietIncidenteel": true, "ernstigOnmiddellijkGevaarOordeel": true},
         "woning": {"straat": "Dorpsstraat", "huisnummer": "1", "postcode": "1234AB", "plaats": "Utrecht"},
         "feiten": "Slachtoffer geslagen; pleger dreigde verder geweld."}"""
        .formatted(regio, gemeente, achternaam, TestBsn.nieuw(), achternaam);
    ResponseEntity<String> antwoord = post("agent", "/api/huisverboden", voorstel);
    assertThat(antwoord.getStatusCode()).as(antwoord.getBody()).isEqualTo(HttpStatus.CREATED);
    JsonNode json = JSON.readTree(antwoord.getBody());
    String zaaknummer = json.get("zaaknummer").asText();
    String pi = json.get("processInstanceId").asText();

    // the burgemeester claims the decision, then imposes the order
    ClockUtil.setCurrentTime(Date.from(OPGELEGD));
    Task besluit = taak(pi, "besluit-oplegging");
    alsGebruiker("burgemeester", "burgemeester", () -> {
      taken.claim(besluit.getId(), "burgemeester");
      Map<String, Object> variabelen = new HashMap<>();
      variabelen.put("besluit", "OPLEGGEN");
      variabelen.put("opgelegdDoor", "BURGEMEESTER");
      variabelen.put("opgelegdOp", "2027-04-23T10:00:00+02:00");
      variabelen.put("bereikbaarheidsadres", "Opvang Noord");
      taken.complete(besluit.getId(), variabelen);
      return null;
    });

    // the police system is down at the registration: every retry fails, an incident opens
    ClockUtil.setCurrentTime(Date.from(OPGELEGD.plusSeconds(60)));
    Job registreren = beheer.createJobQuery().processInstanceId(pi).activityId("Taak_PolitieRegistreren")
        .singleResult();
    Buitensystemen.politie().plat();
    int poging = 0;
    while (beheer.createJobQuery().jobId(registreren.getId()).singleResult().getRetries() > 0) {
      ClockUtil.setCurrentTime(Date.from(OPGELEGD.plusSeconds(120 + 300L * poging++)));
      assertThatThrownBy(() -> beheer.executeJob(registreren.getId()));
    }
    assertThat(runtime.createIncidentQuery().processInstanceId(pi).count()).isEqualTo(1);
    // up again; an administrator gives the job a new try (as in Cockpit), and it succeeds
    Buitensystemen.politie().weerOp();
    ClockUtil.setCurrentTime(Date.from(OPGELEGD.plus(Duration.ofHours(2))));
    alsGebruiker("demo", "camunda-admin", () -> {
      beheer.setJobRetries(registreren.getId(), 1);
      return null;
    });
    beheer.executeJob(registreren.getId());
    assertThat(runtime.createIncidentQuery().processInstanceId(pi).count()).isZero();
    voerStappenUit(pi);

    // the care offer: first contacts (the last one a day late) and the safety plan
    ProcessInstance hulp = runtime.createProcessInstanceQuery().superProcessInstanceId(pi)
        .processDefinitionKey("hulpaanbod").singleResult();
    List<Task> contacten = taken.createTaskQuery().processInstanceId(hulp.getId()).taskDefinitionKey("eerste-contact")
        .list();
    for (int i = 0; i < contacten.size(); i++) {
      Task contact = contacten.get(i);
      if (i == contacten.size() - 1) {
        ClockUtil.setCurrentTime(Date.from(OPGELEGD.plus(Duration.ofHours(26))));
      }
      // As the system: the test coverage listener reads the calling huisverbod's definition as the current user,
      // which wijkteam may not (a test artefact; through Tasklist the listener is not there).
      taken.complete(contact.getId(), Map.of("contactGelegd", true, "hulpAanvaard", false,
          "toelichting", "Gesprek gevoerd"));
    }
    voerStappenUit(pi);
    Task plan = taken.createTaskQuery().processInstanceId(hulp.getId()).taskDefinitionKey("veiligheidsplan-afspreken")
        .singleResult();
    if (plan != null) {
      taken.complete(plan.getId(), Map.of("veiligheidsplan", "Afspraken over contact",
          "veiligheidsplanMetHuishoudenBesproken", true));
    }
    voerStappenUit(pi);

    // the evaluation, and an extension to the full 28 days by the burgemeester
    Job evaluatie = timer(pi, "Timer_Evaluatie");
    ClockUtil.setCurrentTime(evaluatie.getDuedate());
    beheer.executeJob(evaluatie.getId());
    Task verlenging = taak(pi, "besluit-verlenging");
    alsGebruiker("burgemeester", "burgemeester", () -> {
      taken.complete(verlenging.getId(), Map.of("verlengen", true, "dreigingZetVoort", true,
          "verlengdTot", EINDE_NA_VERLENGING, "verlengingMotivering", "Dreiging houdt aan"));
      return null;
    });
    voerStappenUit(pi);

    // the order ends; monitoring finds the household unsafe again, which ends the case
    Job einde = timer(pi, "Timer_HuisverbodEindigt");
    ClockUtil.setCurrentTime(einde.getDuedate());
    beheer.executeJob(einde.getId());
    voerStappenUit(pi);
    ProcessInstance monitoring = runtime.createProcessInstanceQuery().superProcessInstanceId(pi)
        .processDefinitionKey("monitoring").singleResult();
    Job moment = beheer.createJobQuery().processInstanceId(monitoring.getId())
        .activityId("Timer_VolgendMonitoringmoment").timers().singleResult();
    ClockUtil.setCurrentTime(moment.getDuedate());
    beheer.executeJob(moment.getId());
    Task monitoringsmoment = taken.createTaskQuery().processInstanceId(monitoring.getId())
        .taskDefinitionKey("monitoring-moment").singleResult();
    // The case worker of the case's region (tenant): medewerker works in Utrecht, medewerker-haaglanden there.
    String medewerker = "haaglanden".equals(regio) ? "medewerker-haaglanden" : "medewerker";
    alsGebruiker(medewerker, "vt-medewerker", () -> {
      taken.complete(monitoringsmoment.getId(), Map.of("voorwaardenNageleefd", false, "stabielVeilig", false,
          "toelichting", "Uithuisgeplaatste weer in de woning"));
      return null;
    });
    voerStappenUit(pi);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi).count()).as("huisverbod beëindigd")
        .isZero();
    String vtZaak = (String) engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi)
        .variableName("vtZaaknummer").singleResult().getValue();
    return new Zaak(zaaknummer, pi, vtZaak, ClockUtil.getCurrentTime().toInstant());
  }

  ResponseEntity<String> post(String gebruiker, String pad, String json) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(gebruiker, "demo").exchange(pad, HttpMethod.POST, new HttpEntity<>(json, headers),
        String.class);
  }

  private Task taak(String pi, String sleutel) {
    return taken.createTaskQuery().processInstanceId(pi).taskDefinitionKey(sleutel).singleResult();
  }

  private Job timer(String pi, String activiteit) {
    return beheer.createJobQuery().processInstanceId(pi).activityId(activiteit).timers().singleResult();
  }

  /** Every due asynchronous step (not timers) of the case and its called processes, until none is left. */
  private void voerStappenUit(String pi) {
    for (int ronde = 0; ronde < 20; ronde++) {
      List<Job> stappen = new ArrayList<>(beheer.createJobQuery().processInstanceId(pi).messages().list());
      for (ProcessInstance sub : runtime.createProcessInstanceQuery().superProcessInstanceId(pi).list()) {
        stappen.addAll(beheer.createJobQuery().processInstanceId(sub.getId()).messages().list());
      }
      if (stappen.isEmpty()) {
        return;
      }
      for (Job stap : stappen) {
        beheer.executeJob(stap.getId());
      }
    }
    throw new AssertionError("Asynchrone stappen blijven komen in " + pi);
  }

  private <T> T alsGebruiker(String gebruiker, String groep, Supplier<T> actie) {
    TestIdentiteit.alsGebruiker(identiteit, gebruiker, List.of(groep));
    try {
      return actie.get();
    } finally {
      identiteit.clearAuthentication();
    }
  }
}
