package nl.hgkm.keten.metriek;

import java.time.Duration;
import java.time.Instant;
import nl.hgkm.keten.metriek.EngineStand.JobExecutorToestand;
import nl.hgkm.keten.metriek.EngineStand.WachtendeJobs;
import nl.hgkm.keten.metriek.Verversing.Peiling;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * Health {@code jobexecutor}: whether this node's job executor runs when it should, and how late the work waiting for
 * a job executor is.
 * <ul>
 *   <li>switched off on this node ({@code camunda.bpm.job-execution.enabled=false}): UP, with the waiting jobs in the
 *       details; a node may deliberately run no jobs.</li>
 *   <li>switched on but not running: DOWN. Timers and asynchronous steps (mail, police, care) do not run here.</li>
 *   <li>running, but the oldest due job waits longer than {@code keten.metriek.job-achterstand-grens}:
 *       {@code ACHTERSTAND}. Not DOWN: every node shares the same backlog, so taking this node out of a load balancer
 *       helps nobody, and with several nodes all of them would go at once. The aggregate stays UP (status order in
 *       application.yaml); alert on {@code keten_jobs_achterstand_seconds} instead.</li>
 * </ul>
 * The waiting jobs come from the same reading as the metrics ({@code keten.metriek.verversing}), so a load balancer
 * probing health every few seconds does not query the job table every time.
 */
@Component("jobexecutorHealthIndicator")
class JobexecutorGezondheid implements HealthIndicator {

  static final Status ACHTERSTAND = new Status("ACHTERSTAND",
      "De job executor draait, maar de oudste klaarstaande job wacht langer dan de grens");

  private final EngineStand engineStand;
  private final EngineMetrieken metrieken;
  private final Duration grens;

  JobexecutorGezondheid(EngineStand engineStand, EngineMetrieken metrieken, MetriekProperties properties) {
    this.engineStand = engineStand;
    this.metrieken = metrieken;
    this.grens = properties.jobAchterstandGrens();
  }

  @Override
  public Health health() {
    Peiling<EngineMetrieken.Lezing> peiling = metrieken.peiling();
    return oordeel(engineStand.jobExecutor(), peiling.waarde().stand().wachtendeJobs(), peiling.op(), grens);
  }

  static Health oordeel(JobExecutorToestand jobExecutor, WachtendeJobs wachtend, Instant gepeildOp, Duration grens) {
    Duration achterstand = wachtend.achterstand(gepeildOp);
    Health.Builder health = new Health.Builder()
        .withDetail("ingeschakeld", jobExecutor.ingeschakeld())
        .withDetail("actief", jobExecutor.actief())
        .withDetail("wachtendeJobs", wachtend.aantal())
        .withDetail("achterstand", achterstand.toString())
        .withDetail("achterstandGrens", grens.toString())
        .withDetail("gepeildOp", gepeildOp.toString());
    if (jobExecutor.naam() != null) {
      health.withDetail("naam", jobExecutor.naam());
    }
    wachtend.oudsteSinds().ifPresent(sinds -> health.withDetail("oudsteWachtendSinds", sinds.toString()));
    if (!jobExecutor.ingeschakeld()) {
      return health.up().withDetail("toelichting",
          "De job executor staat op deze node uit (camunda.bpm.job-execution.enabled=false): deze node voert geen"
              + " jobs uit.").build();
    }
    if (!jobExecutor.actief()) {
      return health.down().withDetail("toelichting",
          "De job executor hoort te draaien maar staat stil: timers en asynchrone stappen lopen niet op deze node.")
          .build();
    }
    if (achterstand.compareTo(grens) > 0) {
      return health.status(ACHTERSTAND).withDetail("toelichting",
          "De oudste klaarstaande job wacht " + achterstand + ", langer dan " + grens
              + ": de job executors lopen achter of zijn vastgelopen.").build();
    }
    return health.up().build();
  }
}
