package nl.hgkm.keten.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import nl.hgkm.keten.regio.Regios;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cost of the tenant check in the task list (issue 9): a Veilig Thuis case worker ({@code medewerker}, member of
 * the tenant {@code utrecht} only) opens the filter "Taken van Veilig Thuis medewerker" in Tasklist, with the same
 * REST call Tasklist makes: {@code POST /engine-rest/filter/{id}/list?firstResult=0&maxResults=15} as
 * {@code application/hal+json}, which answers the page of tasks with the filter's variable columns and the count.
 * Authorizations and tenant checks on. Measured twice on one database: (a) one region ({@code utrecht}) with
 * {@code n} open tasks, (b) after filling the other 24 regions with {@code n} open tasks each (25 tenants). Beside it,
 * the filter sidebar as Tasklist loads it ({@code GET /engine-rest/filter?resourceType=Task&itemCount=true}).
 *
 * <p>How the tasks are filled: instances of a one-user-task process {@code bench-regiotaak} (deployed by the bench,
 * shared like the application's definitions, candidate group {@code vt-medewerker}, due date from a variable), started
 * through the engine's RuntimeService with the variables of the filter's columns ({@code zaaknummer}, {@code regio},
 * {@code deadline}, {@code acuut}); the application's {@code RegioTenantIdProvider} gives each the tenant of its
 * {@code regio}. 250 starts per transaction, two threads. The engine writes everything a real start writes: the
 * execution, task, candidate-group link, the task's authorization rows, variables and their history.
 */
final class Regiotaken {

  private static final Logger LOG = LoggerFactory.getLogger(Regiotaken.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String PROCES = "bench-regiotaak";
  static final String REGIO = "utrecht";
  static final String GEBRUIKER = "medewerker";
  static final String FILTER = "Taken van Veilig Thuis medewerker";
  private static final int PER_TRANSACTIE = 250;
  /** The body Tasklist sends for a filter's task list (its default sorting, newest first). */
  private static final String LIJSTVRAAG = """
      {"processVariables": [], "taskVariables": [], "caseInstanceVariables": [], "orQueries": [],
       "sorting": [{"sortBy": "created", "sortOrder": "desc"}]}""";

  /** One set-up measured. */
  record Meting(int regios, long openTaken, long zichtbaar, double vullenSeconden, double p50, double p95,
      double p99, double filtersP50, double filtersP95, String belasting) {}

  private final KetenApp app;
  private final Ketenzaak http;
  private final DataSource dataSource;
  private final String filterId;

  Regiotaken(KetenApp app, Ketenzaak http) {
    this.app = app;
    this.http = http;
    this.dataSource = app.context.getBean(DataSource.class);
    BpmnModelInstance model = Bpmn.createExecutableProcess(PROCES).name("Benchmark regiotaak")
        .camundaHistoryTimeToLive(180)
        .startEvent("Start_Regiotaak").name("Taak nodig")
        .userTask("regiotaak").name("Regiotaak (benchmark)").camundaCandidateGroups("vt-medewerker")
        .camundaDueDate("${deadline}")
        .endEvent("Einde_Regiotaak").name("Taak gedaan")
        .done();
    app.engine.getRepositoryService().createDeployment().name(PROCES).addModelInstance(PROCES + ".bpmn", model)
        .deploy();
    this.filterId = app.engine.getFilterService().createFilterQuery().filterName(FILTER).singleResult().getId();
  }

  /** The 25 regions, the case worker's first. */
  List<String> regios() {
    List<String> regios = new ArrayList<>(app.context.getBean(Regios.class).slugs());
    regios.remove(REGIO);
    regios.add(0, REGIO);
    return regios;
  }

  /** Fills {@code n} open tasks in each region given (in parallel, two threads); answers the seconds it took. */
  double vul(List<String> regios, int n) throws Exception {
    long start = System.nanoTime();
    ProcessEngineConfigurationImpl config =
        (ProcessEngineConfigurationImpl) app.engine.getProcessEngineConfiguration();
    RuntimeService runtime = app.engine.getRuntimeService();
    ExecutorService draden = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> klaar = new ArrayList<>();
      for (String regio : regios) {
        for (int begin = 0; begin < n; begin += PER_TRANSACTIE) {
          int van = begin;
          int tot = Math.min(n, begin + PER_TRANSACTIE);
          klaar.add(draden.submit(() -> config.getCommandExecutorTxRequired().execute(ctx -> {
            long nu = System.currentTimeMillis();
            for (int i = van; i < tot; i++) {
              runtime.startProcessInstanceByKey(PROCES, Variables.createVariables()
                  .putValue("zaaknummer", "BENCH-" + regio + "-" + i)
                  .putValue("regio", regio)
                  .putValue("deadline", new Date(nu + (i % 30) * 86_400_000L))
                  .putValue("acuut", i % 10 == 0));
            }
            return null;
          })));
        }
      }
      for (Future<?> f : klaar) {
        f.get();
      }
    } finally {
      draden.shutdown();
    }
    if ("postgres".equals(app.database.soort)) {
      try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
        s.execute("analyze");
      }
    }
    double seconden = (System.nanoTime() - start) / 1e9;
    LOG.info("{} open taken in {} regio's gevuld in {} s", (long) n * regios.size(), regios.size(),
        Rapport.getal(seconden));
    return seconden;
  }

  /** Measures the filter's task list {@code metingen} times (a fifth more as warm-up) and the filter sidebar. */
  Meting meet(int regios, double vullenSeconden, int metingen) throws Exception {
    Latenties lijst = new Latenties();
    Latenties filters = new Latenties();
    long zichtbaar = -1;
    for (int i = 0; i < metingen / 5 + metingen; i++) {
      long start = System.nanoTime();
      HttpResponse<String> antwoord = http.stuur(HttpRequest.newBuilder(URI.create(app.basisUrl
              + "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15"))
          .header("Content-Type", "application/json").header("Accept", "application/hal+json")
          .POST(HttpRequest.BodyPublishers.ofString(LIJSTVRAAG, StandardCharsets.UTF_8)), GEBRUIKER);
      long duur = System.nanoTime() - start;
      if (antwoord.statusCode() != 200) {
        throw new IllegalStateException("Filterlijst gaf " + antwoord.statusCode() + ": " + antwoord.body());
      }
      start = System.nanoTime();
      HttpResponse<String> zijbalk = http.stuur(HttpRequest.newBuilder(URI.create(app.basisUrl
          + "/engine-rest/filter?resourceType=Task&itemCount=true")).GET(), GEBRUIKER);
      long duurFilters = System.nanoTime() - start;
      if (zijbalk.statusCode() != 200) {
        throw new IllegalStateException("Filters gaven " + zijbalk.statusCode() + ": " + zijbalk.body());
      }
      if (i == 0) {
        JsonNode hal = JSON.readTree(antwoord.body());
        zichtbaar = hal.path("count").asLong(-1);
        JsonNode taken = hal.path("_embedded").path("task");
        if (taken.size() != 15 || !taken.get(0).path("_embedded").has("variable")) {
          throw new IllegalStateException("Filterlijst zonder 15 taken met variabelen: " + antwoord.body()
              .substring(0, Math.min(500, antwoord.body().length())));
        }
        for (JsonNode taak : taken) {
          if (!REGIO.equals(taak.path("tenantId").asText())) {
            throw new IllegalStateException("Taak van een andere regio in de lijst van " + GEBRUIKER + ": " + taak);
          }
        }
      }
      if (i >= metingen / 5) {
        lijst.voegToe(duur);
        filters.voegToe(duurFilters);
      }
    }
    long open = app.engine.getTaskService().createTaskQuery().count();
    Meting meting = new Meting(regios, open, zichtbaar, vullenSeconden, lijst.percentielMs(50),
        lijst.percentielMs(95), lijst.percentielMs(99), filters.percentielMs(50), filters.percentielMs(95),
        Machine.belasting());
    LOG.info("Filterlijst bij {} regio's ({} open taken, {} zichtbaar): p50 {} ms, p95 {} ms", regios, open,
        zichtbaar, Rapport.getal(meting.p50()), Rapport.getal(meting.p95()));
    return meting;
  }

  /**
   * The plans (PostgreSQL) of the count query the filter runs for the case worker, in the form the engine builds it
   * with its authorization and tenant check (Task.xml and Authorization.xml of Camunda 7.24; the user's groups and
   * tenant filled in): with the values inlined (EXPLAIN ANALYZE, the plan of the first executions), and as the
   * prepared statement pgjdbc uses after five executions (the generic plan, EXPLAIN only: it may take minutes).
   */
  List<String> plannen() throws Exception {
    List<String> plannen = new ArrayList<>();
    if (!"postgres".equals(app.database.soort)) {
      return plannen;
    }
    String vraag = """
        select count(*) from (select distinct RES.ID_ from ACT_RU_TASK RES
        left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_
        left join ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_
        left join (select A.* from ACT_RU_AUTHORIZATION A where A.TYPE_ < 2
          and (A.USER_ID_ in (#1, '*') or A.GROUP_ID_ in (#2))
          and ((A.RESOURCE_TYPE_ = #3 and A.PERMS_ & #4 = #5 or A.RESOURCE_TYPE_ = #6 and A.PERMS_ & #7 = #8))) AUTH
          on (AUTH.RESOURCE_ID_ in (RES.ID_, D.KEY_, '*'))
        where (1 = 1 and ((RES.ASSIGNEE_ is not null) or (I.TYPE_ = 'candidate' and I.GROUP_ID_ in (#2))))
          and ((AUTH.RESOURCE_ID_ is not null))
          and (RES.TENANT_ID_ is null or RES.TENANT_ID_ in (#9))) telling""";
    String[] waarden = {"'medewerker'", "'vt-medewerker'", "7", "2", "2", "6", "64", "64", "'utrecht'"};
    String ingevuld = vraag;
    String geparametriseerd = vraag;
    for (int i = waarden.length; i >= 1; i--) {
      ingevuld = ingevuld.replace("#" + i, waarden[i - 1]);
      geparametriseerd = geparametriseerd.replace("#" + i, "$" + i);
    }
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      plannen.add("telling, waarden ingevuld (EXPLAIN ANALYZE):\n" + plan(s, "explain analyze " + ingevuld));
      s.execute("set plan_cache_mode = force_generic_plan");
      s.execute("prepare bench_telling(text, text, int, int, int, int, int, int, text) as " + geparametriseerd);
      plannen.add("telling, generiek plan van het prepared statement (EXPLAIN):\n" + plan(s, "explain execute "
          + "bench_telling('medewerker', 'vt-medewerker', 7, 2, 2, 6, 64, 64, 'utrecht')"));
      s.execute("deallocate bench_telling");
      s.execute("reset plan_cache_mode");
    }
    return plannen;
  }

  private static String plan(Statement s, String sql) throws Exception {
    StringJoiner plan = new StringJoiner("\n");
    try (ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        plan.add(rs.getString(1));
      }
    }
    return plan.toString();
  }
}
