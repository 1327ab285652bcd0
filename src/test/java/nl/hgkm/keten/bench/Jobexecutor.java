package nl.hgkm.keten.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parts that measure the application's own job executor (otherwise off in the benchmark): many monitoring timers
 * falling due at once, and a day of national meldingen through one node.
 */
final class Jobexecutor {

  private static final Logger LOG = LoggerFactory.getLogger(Jobexecutor.class);
  private static final String TIMER = "Timer_VolgendMonitoringmoment";

  record TimerUitkomst(int timers, double aanmaakSeconden, double seconden, long mislukt, String instellingen) {}

  record DagUitkomst(int meldingen, double seconden, long fouten, long incidenten) {}

  private final KetenApp app;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;

  Jobexecutor(KetenApp app) {
    this.app = app;
    this.runtimeService = app.engine.getRuntimeService();
    this.managementService = app.engine.getManagementService();
  }

  JobExecutor jobExecutor() {
    return ((ProcessEngineConfigurationImpl) app.engine.getProcessEngineConfiguration()).getJobExecutor();
  }

  String instellingen() {
    JobExecutor je = jobExecutor();
    return je.getClass().getSimpleName() + ", maxJobsPerAcquisition " + je.getMaxJobsPerAcquisition()
        + ", lockTime " + je.getLockTimeInMillis() + " ms, waitTime " + je.getWaitTimeInMillis() + " ms";
  }

  /**
   * {@code aantal} monitoring processes waiting at their next monitoring moment, all already due: started (with the
   * variables of a real monitoring of a chain case) directly before the timer while the job executor is off; then the
   * job executor starts and the clock runs until no such timer is left. Each timer, when it runs, opens the monitoring
   * moment (task {@code monitoring-moment} and its lateness timer).
   */
  TimerUitkomst monitoringTimers(int aantal) throws InterruptedException {
    ProcessInstance voorbeeld = runtimeService.createProcessInstanceQuery().processDefinitionKey("monitoring")
        .active().listPage(0, 1).stream().findFirst()
        .orElseThrow(() -> new IllegalStateException("Geen lopende monitoring om na te doen"));
    Map<String, Object> variabelen = new HashMap<>(runtimeService.getVariables(voorbeeld.getId()));
    variabelen.put("volgendMoment", new Date(ClockUtil.getCurrentTime().getTime() - 60_000));
    long start = System.nanoTime();
    AtomicInteger volgende = new AtomicInteger();
    List<Thread> makers = new ArrayList<>();
    for (int d = 0; d < 4; d++) {
      Thread t = new Thread(() -> {
        while (volgende.incrementAndGet() <= aantal) {
          runtimeService.createProcessInstanceByKey("monitoring").businessKey(voorbeeld.getBusinessKey())
              .setVariables(variabelen).startBeforeActivity(TIMER).execute();
        }
      });
      makers.add(t);
      t.start();
    }
    for (Thread t : makers) {
      t.join();
    }
    double aanmaak = (System.nanoTime() - start) / 1e9;
    long wachtend = dueTimers();
    LOG.info("{} monitoringstimers klaar in {} s; nu verlopen: {}", aantal, Rapport.getal(aanmaak), wachtend);
    long mislukt0 = mislukt();
    double seconden = loopTot(() -> dueTimers() == 0, Duration.ofMinutes(15));
    long mislukt = mislukt() - mislukt0;
    LOG.info("{} verlopen monitoringstimers uitgevoerd in {} s ({} mislukt)", wachtend, Rapport.getal(seconden),
        mislukt);
    return new TimerUitkomst((int) wachtend, aanmaak, seconden, mislukt, instellingen());
  }

  private long dueTimers() {
    return managementService.createJobQuery().activityId(TIMER).timers().executable().count();
  }

  private long mislukt() {
    return managementService.createJobQuery().withException().count();
  }

  /**
   * {@code aantal} meldingen through one node with its job executor on: intake, the register lookups, the
   * veiligheidsbeoordeling by a case worker and the feedback to the reporter, four clients at a time; the time until
   * every melding has ended.
   */
  DagUitkomst dag(Ketenzaak http, int aantal) throws InterruptedException {
    AtomicInteger volgende = new AtomicInteger();
    AtomicInteger fouten = new AtomicInteger();
    List<String> zaaknummers = java.util.Collections.synchronizedList(new ArrayList<>());
    long start = System.nanoTime();
    jobExecutor().start();
    try {
      List<Thread> clients = new ArrayList<>();
      for (int d = 0; d < 4; d++) {
        Thread t = new Thread(() -> {
          while (volgende.incrementAndGet() <= aantal) {
            try {
              zaaknummers.add(http.meldingMetBeoordeling());
            } catch (RuntimeException fout) {
              if (fouten.incrementAndGet() == 1) {
                LOG.warn("Dag: eerste fout", fout);
              }
            }
          }
        });
        clients.add(t);
        t.start();
      }
      for (Thread t : clients) {
        t.join();
      }
      // asks again only for the meldingen not yet ended
      java.util.Set<String> lopend = new java.util.HashSet<>(zaaknummers);
      loopTot(() -> {
        lopend.removeIf(z -> runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(z).count() == 0);
        return lopend.isEmpty();
      }, Duration.ofMinutes(10));
    } finally {
      jobExecutor().shutdown();
    }
    double seconden = (System.nanoTime() - start) / 1e9;
    long incidenten = runtimeService.createIncidentQuery().count();
    LOG.info("Dag: {} meldingen afgerond in {} s ({} fouten)", zaaknummers.size(), Rapport.getal(seconden),
        fouten.get());
    return new DagUitkomst(zaaknummers.size(), seconden, fouten.get(), incidenten);
  }

  /** Starts the job executor, polls until {@code klaar}, stops it; the seconds it took. */
  private double loopTot(java.util.function.BooleanSupplier klaar, Duration uiterlijk) throws InterruptedException {
    long start = System.nanoTime();
    boolean zelfGestart = !jobExecutor().isActive();
    if (zelfGestart) {
      jobExecutor().start();
    }
    try {
      while (!klaar.getAsBoolean()) {
        if (System.nanoTime() - start > uiterlijk.toNanos()) {
          throw new IllegalStateException("Niet klaar binnen " + uiterlijk);
        }
        // The benchmark measures the real job executor in real time, so it polls (with a deadline) instead of
        // driving jobs itself as the tests do; 100 ms is the resolution of the figure.
        Thread.sleep(100);
      }
    } finally {
      if (zelfGestart) {
        jobExecutor().shutdown();
      }
    }
    return (System.nanoTime() - start) / 1e9;
  }
}
