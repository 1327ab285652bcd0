package nl.hgkm.keten.migratie;

import java.util.ArrayDeque;
import nl.hgkm.keten.support.TestIdentiteit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;

/**
 * Drives one case (every process instance with its zaaknummer as business key, of the processes named) the way its
 * users and the job executor would, one step at a time, until a condition holds: runs due asynchronous steps,
 * completes open tasks as a user of the task's candidate group with the case's answers, sends the case's pending
 * messages, and only when nothing else can happen fires the earliest timer (the clock moves to its due date). No
 * sleep: every step is the engine's public API, called directly.
 */
public final class Zaakrijder {

  private static final Map<String, String> GEBRUIKER_VAN_GROEP = Map.of(
      "vt-medewerker", "medewerker", "vt-teamleider", "teamleider", "vt-intake", "intake", "politie", "agent",
      "hulpofficier", "hovj", "burgemeester", "burgemeester", "wijkteam", "wijkteam");

  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final ManagementService managementService;
  private final IdentityService identityService;
  private final Map<String, JobDefinition> definities = new java.util.concurrent.ConcurrentHashMap<>();

  public Zaakrijder(RuntimeService runtimeService, TaskService taskService, ManagementService managementService,
      IdentityService identityService) {
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.managementService = managementService;
    this.identityService = identityService;
  }

  /** An answer to a task: the variables it is completed with, from the task's variables. */
  public interface Antwoord extends Function<Map<String, Object>, Map<String, Object>> {}

  /** What a case is and how its users answer. */
  public static final class Zaak {
    final String naam;
    final Set<String> processen;
    public String zaaknummer;
    /** Per task key, answers used once each in order, before the default answers. */
    final Map<String, Deque<Antwoord>> afwijkingen = new HashMap<>();
    /** Timers (activity ids) fired as soon as they exist, before tasks are completed. */
    final Set<String> timersEerst = new HashSet<>();
    /** Done when the case has nothing else to do, before any timer fires (a message from outside). */
    final Deque<Consumer<Zaak>> berichten = new ArrayDeque<>();
    final Set<String> gevuurd = new HashSet<>();
    Date klok;

    public Zaak(String naam, Set<String> processen) {
      this.naam = naam;
      this.processen = processen;
    }

    public Zaak antwoord(String taak, Antwoord antwoord) {
      afwijkingen.computeIfAbsent(taak, t -> new ArrayDeque<>()).add(antwoord);
      return this;
    }

    public Zaak antwoord(String taak, Map<String, Object> variabelen) {
      return antwoord(taak, v -> variabelen);
    }

    Zaak vuurEerst(String... timers) {
      timersEerst.addAll(List.of(timers));
      return this;
    }

    Zaak bericht(Consumer<Zaak> bericht) {
      berichten.add(bericht);
      return this;
    }

    @Override
    public String toString() {
      return naam + " (" + zaaknummer + ")";
    }
  }

  /** Where the case stands: its running instances, what waits in them, its jobs, tasks and subscriptions. */
  public record Stand(List<ProcessInstance> instanties, Set<String> activiteiten, List<Job> jobs, Set<String> jobActiviteiten,
      List<Task> taken, List<EventSubscription> abonnementen) {
    public boolean wachtIn(String activiteit) {
      return activiteiten.contains(activiteit) || jobActiviteiten.contains(activiteit);
    }

    public boolean afgelopen() {
      return instanties.isEmpty();
    }
  }

  Stand stand(Zaak zaak) {
    List<ProcessInstance> instanties = runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(zaak.zaaknummer).active().list().stream()
        .filter(p -> zaak.processen.contains(sleutel(p))).toList();
    Set<String> activiteiten = new LinkedHashSet<>();
    List<Job> jobs = new ArrayList<>();
    List<Task> taken = new ArrayList<>();
    List<EventSubscription> abonnementen = new ArrayList<>();
    for (ProcessInstance instantie : instanties) {
      ActivityInstance boom = runtimeService.getActivityInstance(instantie.getId());
      if (boom != null) {
        verzamel(boom, activiteiten);
      }
      jobs.addAll(managementService.createJobQuery().processInstanceId(instantie.getId()).list());
      taken.addAll(taskService.createTaskQuery().processInstanceId(instantie.getId()).list());
    }
    // The newest task first: an escalation is handled before the task it escalates (as a team leader would).
    taken.sort(Comparator.comparing(Task::getCreateTime).reversed());
    for (ProcessInstance instantie : instanties) {
      abonnementen.addAll(runtimeService.createEventSubscriptionQuery().processInstanceId(instantie.getId()).list());
    }
    Set<String> jobActiviteiten = new LinkedHashSet<>();
    jobs.forEach(j -> Optional.ofNullable(activiteitVan(j)).ifPresent(jobActiviteiten::add));
    return new Stand(instanties, activiteiten, jobs, jobActiviteiten, taken, abonnementen);
  }

  /** Drives until {@code klaar} holds; fails with the case's state when it gets stuck or runs too long. */
  public void rijdTot(Zaak zaak, Predicate<Stand> klaar, String wat, Map<String, Antwoord> standaard) {
    for (int stap = 0; stap < 400; stap++) {
      Stand stand = stand(zaak);
      if (klaar.test(stand)) {
        return;
      }
      if (stand.afgelopen()) {
        throw new AssertionError(zaak + " is afgelopen zonder dat " + wat + " bereikt werd");
      }
      if (!stap(zaak, stand, standaard)) {
        throw new AssertionError(zaak + " zit vast voor " + wat + ": wacht in " + stand.activiteiten()
            + ", jobs " + stand.jobActiviteiten() + ", abonnementen "
            + stand.abonnementen().stream().map(EventSubscription::getActivityId).toList());
      }
    }
    throw new AssertionError(zaak + " bereikt " + wat + " niet in 400 stappen");
  }

  private boolean stap(Zaak zaak, Stand stand, Map<String, Antwoord> standaard) {
    Optional<Job> vroeg = stand.jobs().stream().filter(j -> j.getDuedate() != null)
        .filter(j -> zaak.timersEerst.contains(activiteitVan(j)) && zaak.gevuurd.add(j.getId())).findFirst();
    if (vroeg.isPresent()) {
      vuur(vroeg.get());
      return true;
    }
    Optional<Job> asynchroon = stand.jobs().stream().filter(j -> !timer(j)).findFirst();
    if (asynchroon.isPresent()) {
      managementService.executeJob(asynchroon.get().getId());
      return true;
    }
    if (!stand.taken().isEmpty()) {
      rondAf(zaak, stand.taken().get(0), standaard);
      return true;
    }
    if (!zaak.berichten.isEmpty()) {
      zaak.berichten.poll().accept(zaak);
      return true;
    }
    Optional<Job> eerste = stand.jobs().stream().filter(this::timer)
        .min(Comparator.comparing(Job::getDuedate));
    if (eerste.isPresent()) {
      vuur(eerste.get());
      return true;
    }
    return false;
  }

  private void vuur(Job timer) {
    if (timer.getDuedate().after(ClockUtil.getCurrentTime())) {
      ClockUtil.setCurrentTime(timer.getDuedate());
    }
    managementService.executeJob(timer.getId());
  }

  private void rondAf(Zaak zaak, Task taak, Map<String, Antwoord> standaard) {
    String sleutel = taak.getTaskDefinitionKey();
    Map<String, Object> variabelen = taskService.getVariables(taak.getId());
    Deque<Antwoord> eigen = zaak.afwijkingen.get(sleutel);
    Antwoord antwoord = eigen != null && !eigen.isEmpty() ? eigen.poll() : standaard.get(sleutel);
    if (antwoord == null) {
      throw new AssertionError("Taak '" + sleutel + "' van " + zaak + " heeft geen antwoord in ModelMigratieIT: "
          + "een nieuwe gebruikerstaak? Voeg aan ModelMigratieIT.ANTWOORDEN toe waarmee een gebruiker hem afrondt.");
    }
    Map<String, Object> invoer = new HashMap<>(antwoord.apply(variabelen));
    String gebruiker = (String) invoer.remove("_gebruiker");
    String groep = (String) invoer.remove("_groep");
    if (groep == null) {
      groep = taskService.getIdentityLinksForTask(taak.getId()).stream()
          .filter(l -> "candidate".equals(l.getType()) && l.getGroupId() != null).map(IdentityLink::getGroupId)
          .findFirst().orElse("vt-medewerker");
    }
    if (gebruiker == null) {
      gebruiker = taak.getAssignee() != null ? taak.getAssignee() : GEBRUIKER_VAN_GROEP.getOrDefault(groep, groep);
    }
    // Also camunda-admin: the test's process coverage listener reads the definition as the current user, which a
    // case worker may not; the task listeners' own group checks still see the task's group.
    TestIdentiteit.alsGebruiker(identityService, gebruiker, List.of(groep, "camunda-admin"));
    try {
      taskService.complete(taak.getId(), invoer);
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** The activity a job belongs to (an asynchronous step or a timer), from its job definition. */
  String activiteitVan(Job job) {
    return definitie(job).map(JobDefinition::getActivityId).orElse(null);
  }

  private boolean timer(Job job) {
    return definitie(job).map(d -> d.getJobType().startsWith("timer")).orElse(false);
  }

  private Optional<JobDefinition> definitie(Job job) {
    if (job.getJobDefinitionId() == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(definities.computeIfAbsent(job.getJobDefinitionId(),
        id -> managementService.createJobDefinitionQuery().jobDefinitionId(id).singleResult()));
  }

  private String sleutel(ProcessInstance instantie) {
    return instantie.getProcessDefinitionId().substring(0, instantie.getProcessDefinitionId().indexOf(':'));
  }

  static void verzamel(ActivityInstance activiteit, Set<String> ids) {
    for (ActivityInstance kind : activiteit.getChildActivityInstances()) {
      ids.add(kind.getActivityId());
      verzamel(kind, ids);
    }
    for (TransitionInstance overgang : activiteit.getChildTransitionInstances()) {
      ids.add(overgang.getActivityId());
    }
  }
}
