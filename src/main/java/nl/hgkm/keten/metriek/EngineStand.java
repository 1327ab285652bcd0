package nl.hgkm.keten.metriek;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.hgkm.keten.kalender.Klok;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.metrics.reporter.DbMetricsReporter;
import org.camunda.bpm.engine.management.Metrics;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the metrics and health read from the engine, and the only class in this package that knows the engine's
 * tables ({@code ACT_RU_*}, {@code ACT_RE_PROCDEF}), its metric names and its internal classes: the seam to change when
 * the engine changes (the Operaton fork keeps the tables; the packages are a rename here).
 *
 * <p>Every figure is one grouped query, never a query per task or per series: a reading of the whole state is four
 * grouped queries and seven small metric sums, whatever the number of open tasks. The SQL is plain (joins, group by,
 * coalesce) and runs on H2 and PostgreSQL.
 */
@Component
public class EngineStand {

  private static final Logger LOG = LoggerFactory.getLogger(EngineStand.class);
  /** Label value for "none": a task without candidate group, a standalone task without process. */
  static final String GEEN = "geen";

  /** The engine's own counters that the job series show (Camunda {@link Metrics} names, 7.24). */
  enum CamundaTeller {
    ACQUISITIE_POGING(Metrics.JOB_ACQUISITION_ATTEMPT),
    VERWORVEN(Metrics.JOB_ACQUIRED_SUCCESS),
    NIET_VERWORVEN(Metrics.JOB_ACQUIRED_FAILURE),
    GESLAAGD(Metrics.JOB_SUCCESSFUL),
    MISLUKT(Metrics.JOB_FAILED),
    AFGEWEZEN(Metrics.JOB_EXECUTION_REJECTED),
    EXCLUSIEF_VERGRENDELD(Metrics.JOB_LOCKED_EXCLUSIVE);

    final String camundaNaam;

    CamundaTeller(String camundaNaam) {
      this.camundaNaam = camundaNaam;
    }
  }

  /** Open user tasks of one task key in one process with one candidate group (a task with two groups counts twice). */
  record TaakAantal(String proces, String taak, String groep, long aantal) {}

  /** Open tasks of one key whose due date has passed, in the cases of one Veilig Thuis region. */
  record VerstrekenAantal(String taak, String regio, long aantal) {}

  record IncidentAantal(String proces, String type, long aantal) {}

  /**
   * Jobs that are due and that no job executor holds (not locked, or its lock expired), with retries left and not
   * suspended: the work waiting for a job executor.
   *
   * @param oudsteSinds since when the oldest of them is due (its due date, or its creation for a job without one);
   *                    empty when none waits
   */
  record WachtendeJobs(long aantal, Optional<Instant> oudsteSinds) {
    Duration achterstand(Instant nu) {
      return oudsteSinds.map(sinds -> Duration.between(sinds, nu)).filter(d -> !d.isNegative()).orElse(Duration.ZERO);
    }
  }

  /** One reading of the engine's state. */
  record Stand(List<TaakAantal> takenOpen, List<VerstrekenAantal> verstreken, List<IncidentAantal> incidenten,
      WachtendeJobs wachtendeJobs, Map<CamundaTeller, Long> camundaTellers) {}

  record JobExecutorToestand(boolean ingeschakeld, boolean actief, String naam) {}

  record EngineInfo(String naam, long deployments, long procesdefinities) {}

  private final ProcessEngine engine;
  private final JdbcClient jdbc;
  private final CamundaBpmProperties camunda;
  /** The engine's counters count from this node's start: older rows are earlier runs of this node. */
  private final Instant gestart;

  EngineStand(ProcessEngine engine, JdbcClient jdbc, CamundaBpmProperties camunda, Klok klok) {
    this.engine = engine;
    this.jdbc = jdbc;
    this.camunda = camunda;
    this.gestart = klok.nu();
  }

  /**
   * @param termijnProces the process whose tasks carry the statutory terms ({@code melding})
   * @param termijnTaken  the task keys whose overdue count is wanted
   */
  Stand lees(Instant nu, String termijnProces, Collection<String> termijnTaken) {
    Timestamp tijdstip = Timestamp.from(nu);
    List<TaakAantal> taken = jdbc.sql("""
            select d.KEY_ as proces, t.TASK_DEF_KEY_ as taak, l.GROUP_ID_ as groep, count(*) as aantal
            from ACT_RU_TASK t
            left join ACT_RE_PROCDEF d on d.ID_ = t.PROC_DEF_ID_
            left join ACT_RU_IDENTITYLINK l
              on l.TASK_ID_ = t.ID_ and l.TYPE_ = 'candidate' and l.GROUP_ID_ is not null
            group by d.KEY_, t.TASK_DEF_KEY_, l.GROUP_ID_""")
        .query((rs, i) -> new TaakAantal(label(rs.getString("proces")), label(rs.getString("taak")),
            label(rs.getString("groep")), rs.getLong("aantal")))
        .list();
    // The region is the case's (zaak.regio), found through the process instance's business key, the zaaknummer.
    List<VerstrekenAantal> verstreken = jdbc.sql("""
            select t.TASK_DEF_KEY_ as taak, z.regio as regio, count(*) as aantal
            from ACT_RU_TASK t
            join ACT_RE_PROCDEF d on d.ID_ = t.PROC_DEF_ID_
            join ACT_RU_EXECUTION e on e.ID_ = t.PROC_INST_ID_
            left join zaak z on z.zaaknummer = e.BUSINESS_KEY_
            where d.KEY_ = :proces and t.TASK_DEF_KEY_ in (:taken) and t.DUE_DATE_ < :nu
            group by t.TASK_DEF_KEY_, z.regio""")
        .param("proces", termijnProces)
        .param("taken", List.copyOf(termijnTaken))
        .param("nu", tijdstip)
        .query((rs, i) -> new VerstrekenAantal(rs.getString("taak"),
            Optional.ofNullable(rs.getString("regio")).orElse("onbekend"), rs.getLong("aantal")))
        .list();
    List<IncidentAantal> incidenten = jdbc.sql("""
            select d.KEY_ as proces, i.INCIDENT_TYPE_ as type, count(*) as aantal
            from ACT_RU_INCIDENT i
            left join ACT_RE_PROCDEF d on d.ID_ = i.PROC_DEF_ID_
            group by d.KEY_, i.INCIDENT_TYPE_""")
        .query((rs, i) -> new IncidentAantal(label(rs.getString("proces")), label(rs.getString("type")),
            rs.getLong("aantal")))
        .list();
    WachtendeJobs jobs = jdbc.sql("""
            select count(*) as aantal, min(coalesce(DUEDATE_, CREATE_TIME_)) as oudste
            from ACT_RU_JOB
            where RETRIES_ > 0 and SUSPENSION_STATE_ = 1
              and (DUEDATE_ is null or DUEDATE_ <= :nu)
              and (LOCK_OWNER_ is null or LOCK_EXP_TIME_ is null or LOCK_EXP_TIME_ < :nu)""")
        .param("nu", tijdstip)
        .query((rs, i) -> new WachtendeJobs(rs.getLong("aantal"),
            Optional.ofNullable(rs.getTimestamp("oudste")).map(Timestamp::toInstant)))
        .single();
    return new Stand(taken, verstreken, incidenten, jobs, camundaTellers());
  }

  /**
   * This node's job counters since it started, as far as the engine has written them to the database (every
   * {@code keten.metriek.camunda-rapportage}). Several nodes each count their own job executor.
   */
  private Map<CamundaTeller, Long> camundaTellers() {
    Map<CamundaTeller, Long> tellers = new EnumMap<>(CamundaTeller.class);
    Optional<String> reporter = reporter();
    for (CamundaTeller teller : CamundaTeller.values()) {
      var query = engine.getManagementService().createMetricsQuery().name(teller.camundaNaam)
          .startDate(Date.from(gestart));
      reporter.ifPresent(query::reporter);
      tellers.put(teller, query.sum());
    }
    return tellers;
  }

  private Optional<String> reporter() {
    DbMetricsReporter rapporteur = configuratie().getDbMetricsReporter();
    return Optional.ofNullable(rapporteur).map(r -> r.getMetricsCollectionTask().getReporter());
  }

  /** Whether the engine writes its counters to the database at all (Camunda's default: yes). */
  boolean camundaTellersActief() {
    return configuratie().isMetricsEnabled() && configuratie().isDbMetricsReporterActivate();
  }

  JobExecutorToestand jobExecutor() {
    JobExecutor jobExecutor = configuratie().getJobExecutor();
    return new JobExecutorToestand(camunda.getJobExecution().isEnabled(),
        jobExecutor != null && jobExecutor.isActive(), jobExecutor == null ? null : jobExecutor.getName());
  }

  /** Engine up and its models there: two queries on small tables (no cache needed). */
  EngineInfo engineInfo() {
    return new EngineInfo(engine.getName(),
        engine.getRepositoryService().createDeploymentQuery().count(),
        engine.getRepositoryService().createProcessDefinitionQuery().latestVersion().count());
  }

  private ProcessEngineConfigurationImpl configuratie() {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  private static String label(String waarde) {
    return waarde == null || waarde.isBlank() ? GEEN : waarde;
  }

  /**
   * Sets how often the engine writes its counters to {@code ACT_RU_METER_LOG} (Camunda's default is 15 minutes; the
   * Spring Boot starter has no property for it). Every report writes one row per engine counter (twelve in
   * 7.24) and node.
   */
  static AbstractCamundaConfiguration rapportageInterval(Duration interval) {
    return new AbstractCamundaConfiguration() {
      @Override
      public void postInit(SpringProcessEngineConfiguration configuration) {
        DbMetricsReporter rapporteur = configuration.getDbMetricsReporter();
        if (rapporteur == null || !configuration.isMetricsEnabled() || !configuration.isDbMetricsReporterActivate()) {
          EngineStand.LOG.warn("Camunda schrijft zijn tellers niet naar de database (camunda.bpm.metrics.*): de reeksen "
              + "keten_jobs_* blijven 0.");
          return;
        }
        rapporteur.setReportingIntervalInSeconds(Math.max(1, interval.toSeconds()));
      }
    };
  }
}
