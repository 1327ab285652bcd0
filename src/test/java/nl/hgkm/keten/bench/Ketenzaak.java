package nl.hgkm.keten.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import nl.hgkm.keten.zaak.TestBsn;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * One full case through the real application, as the chain works it:
 * <ol>
 *   <li>Veilig Thuis intake files a melding ({@code POST /api/meldingen} as {@code intake}); the register lookups run;
 *   <li>the case worker completes the veiligheidsbeoordeling ({@code /engine-rest} as {@code medewerker}); the
 *       feedback to the reporter runs;
 *   <li>the police propose a tijdelijk huisverbod ({@code POST /api/huisverboden} as {@code agent}); the burgemeester
 *       imposes it ({@code /engine-rest} as {@code burgemeester}); beschikking, police, care referral and Veilig
 *       Thuis (a new VT case with its register lookups) run;
 *   <li>the evaluation timer fires; the burgemeester extends the order to 20 days; the police registration runs;
 *   <li>the end timer fires; the end is reported to police, care and mail; the case waits in monitoring.
 * </ol>
 * Asynchronous steps and timers are executed here, through the engine's ManagementService, as the tests do: the job
 * executor is off. Outside systems are the demo simulators, over HTTP in the same JVM.
 */
final class Ketenzaak {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  private static final AtomicInteger VOLGNUMMER = new AtomicInteger();
  private static final String RUN = UUID.randomUUID().toString().substring(0, 6);

  private final KetenApp app;
  private final HttpClient http;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final ManagementService managementService;
  private final Latenties intake;
  private final Latenties taakAfronden;

  /** What one case did: its user tasks, jobs (asynchronous steps) and timers, and its business keys. */
  record Verloop(int taken, int jobs, int timers, List<String> zaaknummers) {}

  Ketenzaak(KetenApp app, Latenties intake, Latenties taakAfronden) {
    this.app = app;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    this.runtimeService = app.engine.getRuntimeService();
    this.taskService = app.engine.getTaskService();
    this.managementService = app.engine.getManagementService();
    this.intake = intake;
    this.taakAfronden = taakAfronden;
  }

  Verloop rijd() {
    int[] teller = new int[3];
    // 1, 2: melding and veiligheidsbeoordeling
    JsonNode melding = intake("/api/meldingen", "intake", melding());
    String vt = melding.get("zaaknummer").asText();
    teller[1] += voerJobsUit(List.of(vt));
    rondAf(taak(vt, "veiligheidsbeoordeling"), "medewerker", veiligheidsbeoordeling());
    teller[0]++;
    teller[1] += voerJobsUit(List.of(vt));

    // 3: huisverbod proposed and imposed
    ZonedDateTime opgelegdOp = ZonedDateTime.now(AMSTERDAM).truncatedTo(ChronoUnit.MINUTES).minusMinutes(30);
    JsonNode huisverbod = intake("/api/huisverboden", "agent", voorstel(opgelegdOp.minusHours(2)));
    String hv = huisverbod.get("zaaknummer").asText();
    String pi = huisverbod.get("processInstanceId").asText();
    rondAf(taak(hv, "besluit-oplegging"), "burgemeester", Map.of("besluit", "OPLEGGEN",
        "opgelegdDoor", "BURGEMEESTER", "opgelegdOp", iso(opgelegdOp), "bereikbaarheidsadres", "Opvang Noord"));
    teller[0]++;
    teller[1] += voerJobsUit(List.of(hv));
    String vtVanHuisverbod = SqlTeller.zonderTellen(() -> (String) runtimeService.getVariable(pi, "vtZaaknummer"));
    List<String> sleutels = vtVanHuisverbod == null ? List.of(hv) : List.of(hv, vtVanHuisverbod);
    teller[1] += voerJobsUit(sleutels);

    // 4: evaluation and extension
    voerTimerUit(pi, "Timer_Evaluatie");
    teller[2]++;
    rondAf(taak(hv, "besluit-verlenging"), "burgemeester", Map.of("verlengen", true, "dreigingZetVoort", true,
        "verlengdTot", iso(opgelegdOp.plusDays(20)), "verlengingMotivering", "Dreiging houdt aan"));
    teller[0]++;
    teller[1] += voerJobsUit(sleutels);

    // 5: the order ends
    voerTimerUit(pi, "Timer_HuisverbodEindigt");
    teller[2]++;
    teller[1] += voerJobsUit(sleutels);
    if (SqlTeller.zonderTellen(() -> app.engine.getHistoryService().createHistoricActivityInstanceQuery()
        .processInstanceId(pi).activityId("Einde_LooptijdVerstreken").finished().count()) != 1) {
      throw new IllegalStateException(hv + ": het huisverbod is niet geëindigd");
    }
    List<String> zaaknummers = new ArrayList<>(List.of(vt));
    zaaknummers.addAll(sleutels);
    return new Verloop(teller[0], teller[1], teller[2], zaaknummers);
  }

  /**
   * A melding through intake and its veiligheidsbeoordeling, nothing more: the jobs are left to the job executor.
   * The task exists as soon as the intake answers (the acute check is synchronous).
   */
  String meldingMetBeoordeling() {
    String vt = intake("/api/meldingen", "intake", melding()).get("zaaknummer").asText();
    rondAf(taak(vt, "veiligheidsbeoordeling"), "medewerker", veiligheidsbeoordeling());
    return vt;
  }

  /** Executes every due asynchronous step of the cases' process instances (called ones too), until none is left. */
  int voerJobsUit(List<String> zaaknummers) {
    int uitgevoerd = 0;
    for (int ronde = 0; ronde < 50; ronde++) {
      List<Job> jobs = SqlTeller.zonderTellen(() -> {
        List<Job> gevonden = new ArrayList<>();
        for (String zaaknummer : zaaknummers) {
          for (ProcessInstance instantie : runtimeService.createProcessInstanceQuery()
              .processInstanceBusinessKey(zaaknummer).list()) {
            gevonden.addAll(managementService.createJobQuery().processInstanceId(instantie.getId()).messages()
                .executable().list());
          }
        }
        return gevonden;
      });
      if (jobs.isEmpty()) {
        return uitgevoerd;
      }
      for (Job job : jobs) {
        managementService.executeJob(job.getId());
        uitgevoerd++;
      }
    }
    throw new IllegalStateException("Jobs blijven komen voor " + zaaknummers);
  }

  private void voerTimerUit(String processInstanceId, String activiteit) {
    Job timer = SqlTeller.zonderTellen(() -> managementService.createJobQuery().processInstanceId(processInstanceId)
        .activityId(activiteit).timers().singleResult());
    if (timer == null) {
      throw new IllegalStateException("Geen timer " + activiteit + " in " + processInstanceId);
    }
    managementService.executeJob(timer.getId());
  }

  private Task taak(String zaaknummer, String sleutel) {
    Task taak = SqlTeller.zonderTellen(() -> taskService.createTaskQuery().processInstanceBusinessKey(zaaknummer)
        .taskDefinitionKey(sleutel).singleResult());
    if (taak == null) {
      throw new IllegalStateException(zaaknummer + " wacht niet op " + sleutel);
    }
    return taak;
  }

  private JsonNode intake(String pad, String gebruiker, ObjectNode body) {
    long start = System.nanoTime();
    HttpResponse<String> antwoord = stuur(HttpRequest.newBuilder(URI.create(app.basisUrl + pad))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)), gebruiker);
    intake.voegToe(System.nanoTime() - start);
    if (antwoord.statusCode() != 201) {
      throw new IllegalStateException(pad + " gaf " + antwoord.statusCode() + ": " + antwoord.body());
    }
    try {
      return JSON.readTree(antwoord.body());
    } catch (IOException fout) {
      throw new IllegalStateException(fout);
    }
  }

  /** Completes a task through the engine REST API as the user who does it, as Tasklist does. */
  private void rondAf(Task taak, String gebruiker, Map<String, Object> variabelen) {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode vars = body.putObject("variables");
    variabelen.forEach((naam, waarde) -> {
      ObjectNode v = vars.putObject(naam);
      if (waarde instanceof Boolean b) {
        v.put("value", b).put("type", "Boolean");
      } else {
        v.put("value", String.valueOf(waarde)).put("type", "String");
      }
    });
    long start = System.nanoTime();
    HttpResponse<String> antwoord = stuur(HttpRequest.newBuilder(
            URI.create(app.basisUrl + "/engine-rest/task/" + taak.getId() + "/complete"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)), gebruiker);
    taakAfronden.voegToe(System.nanoTime() - start);
    if (antwoord.statusCode() != 204) {
      throw new IllegalStateException(taak.getTaskDefinitionKey() + " afronden gaf " + antwoord.statusCode() + ": "
          + antwoord.body());
    }
  }

  HttpResponse<String> stuur(HttpRequest.Builder verzoek, String gebruiker) {
    verzoek.header("Authorization", "Basic " + Base64.getEncoder()
        .encodeToString((gebruiker + ":demo").getBytes(StandardCharsets.UTF_8)));
    try {
      return http.send(verzoek.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException fout) {
      throw new IllegalStateException(fout);
    } catch (InterruptedException onderbroken) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(onderbroken);
    }
  }

  private static String iso(ZonedDateTime moment) {
    return moment.toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  static ObjectNode melding() {
    ObjectNode melding = JSON.createObjectNode();
    melding.put("externeReferentie", "BENCH-" + RUN + "-" + VOLGNUMMER.incrementAndGet());
    melding.put("regio", "utrecht");
    ObjectNode melder = melding.putObject("melder");
    melder.put("type", "POLITIE").put("naam", "Team Centrum").put("email", "centrum@example.org")
        .put("anoniemNaarGezin", false);
    ArrayNode betrokkenen = melding.putArray("betrokkenen");
    betrokkenen.addObject().put("rol", "SLACHTOFFER").put("naam", "Slachtoffer " + UUID.randomUUID())
        .put("geboortedatum", "1990-01-31").put("bsn", TestBsn.nieuw());
    melding.putObject("signalen").put("directLevensgevaar", false).put("kindStelselmatigGetuigeHG", true);
    melding.put("omschrijving", "Melding van huiselijk geweld na een incident in de nacht.");
    return melding;
  }

  static Map<String, Object> veiligheidsbeoordeling() {
    Map<String, Object> invoer = new LinkedHashMap<>();
    invoer.put("betreftHGofKM", true);
    invoer.put("minderjarigeErnstigBedreigdMaatregelNodig", false);
    invoer.put("hgkmAannemelijk", true);
    invoer.put("betrokkenenWerkenMee", true);
    invoer.put("voldoendeInformatie", true);
    invoer.put("anonimiteitToegezegd", false);
    invoer.put("acuut", false);
    invoer.put("structureel", false);
    invoer.put("complexHerhaaldMeerdereLeefgebieden", false);
    invoer.put("passendeLopendeHulpverlening", false);
    invoer.put("zelfredzaamGeenVervolgNodig", true);
    invoer.put("melderRolInVervolg", false);
    invoer.put("toelichtingVeiligheidsbeoordeling", "Beoordeeld na gesprekken met betrokkenen");
    return invoer;
  }

  private static ObjectNode voorstel(ZonedDateTime incidentOp) {
    String achternaam = "Bench" + UUID.randomUUID().toString().substring(0, 8);
    ObjectNode voorstel = JSON.createObjectNode();
    voorstel.put("externeReferentie", "BENCH-HV-" + RUN + "-" + VOLGNUMMER.incrementAndGet());
    voorstel.put("regio", "utrecht").put("gemeente", "utrecht").put("incidentOp", iso(incidentOp));
    voorstel.putObject("pleger").put("naam", "Pieter " + achternaam).put("geboortedatum", "1985-06-01")
        .put("bsn", TestBsn.nieuw());
    ArrayNode achterblijvers = voorstel.putArray("achterblijvers");
    achterblijvers.addObject().put("naam", "Sanne " + achternaam).put("geboortedatum", "1987-02-14")
        .put("rol", "SLACHTOFFER");
    achterblijvers.addObject().put("naam", "Kees " + achternaam).put("geboortedatum", "2019-09-03")
        .put("rol", "KIND");
    voorstel.put("kindermishandeling", false);
    voorstel.putObject("rihg").put("roodPleger", 2).put("roodIncident", 1).put("roodGezin", 0)
        .put("woontOfVerblijftNietIncidenteel", true).put("ernstigOnmiddellijkGevaarOordeel", true);
    voorstel.putObject("woning").put("straat", "Dorpsstraat").put("huisnummer", "1").put("postcode", "1234AB")
        .put("plaats", "Utrecht");
    voorstel.put("feiten", "Slachtoffer geslagen in de keuken; pleger dreigde verder geweld.");
    return voorstel;
  }
}
