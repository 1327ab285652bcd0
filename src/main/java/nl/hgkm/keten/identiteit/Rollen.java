package nl.hgkm.keten.identiteit;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_REQUIREMENTS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.OPERATION_LOG_CATEGORY;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;

/**
 * Who may do what: per group, every authorization the engine checks (least privilege, contract §2). This table is the
 * single source: {@link RollenInrichting} writes exactly these grants, docs/rollen-en-rechten.md shows them (a test
 * keeps the two equal).
 *
 * <p>Tasks are deliberately absent. A group sees and works a task because the engine itself grants READ + TASK_WORK on
 * that one task to each of its candidate groups ({@code defaultUserPermissionNameForTask: TASK_WORK} in
 * application.yaml). A grant on a whole process definition (READ_TASK, TASK_WORK) would show a group every task of
 * that process, also the tasks of other roles.
 */
public final class Rollen {

  /** One authorization: a group may do {@code permissies} on {@code resource} with id {@code resourceId}. */
  public record Recht(Resource resource, String resourceId, List<Permission> permissies) {
    public Recht {
      permissies = List.copyOf(permissies);
    }

    Recht(Resource resource, String resourceId, Permission... permissies) {
      this(resource, resourceId, List.of(permissies));
    }
  }

  /** A group of contract §2 with its Dutch name, its engine group type and its grants. */
  public record Rol(String groepId, String naam, String type, List<Recht> rechten) {
    public Rol {
      rechten = List.copyOf(rechten);
    }

    /** Case managers: the roles that work tasks in Tasklist. */
    public boolean werktInTasklist() {
      return rechten.contains(TASKLIST);
    }
  }

  // Process keys of contract §3; meldcode-afweging comes with the meldcode issue.
  static final String MELDING = "melding";
  static final String HUISVERBOD = "huisverbod";
  static final String HULPAANBOD = "hulpaanbod";
  static final String MONITORING = "monitoring";
  /** Called from melding after the assessment and after an investigation; vt-medewerker has tasks in it. */
  static final String TERUGKOPPELING = "terugkoppeling";
  static final String MELDCODE_AFWEGING = "meldcode-afweging";
  /** The radar flags a case to the team leader as a candidate for MDA++ (task mda-kandidaat-beoordelen). */
  static final String RADARSIGNAAL = "radarsignaal";

  private static final Recht TASKLIST = new Recht(APPLICATION, "tasklist", Permissions.ACCESS);

  /**
   * The table. Reading a process definition is what Tasklist needs to show a task's process name and diagram (a form
   * needs only the task); a group reads the definitions of the processes in which it has tasks, nothing else. The
   * engine keeps one grant per (group, resource, id), so each line below names a resource id once per group.
   */
  public static final List<Rol> ROLLEN = List.of(
      rol(Groepen.VT_INTAKE, "Veilig Thuis intake",
          tasklist(), leesProces(MELDING)),
      rol(Groepen.VT_MEDEWERKER, "Veilig Thuis medewerker",
          tasklist(), leesProces(MELDING, HUISVERBOD, HULPAANBOD, MONITORING, TERUGKOPPELING)),
      rol(Groepen.VT_TEAMLEIDER, "Veilig Thuis teamleider",
          tasklist(),
          // Cockpit, read only: the team leader is escalated to when a statutory term is at risk, and must then see
          // where all running cases of the team stand (not only the escalated task) to shift capacity. Instances of
          // the team's own processes only (READ_INSTANCE on the definition); no history, no write.
          cockpit(), leesProcesEnInstanties(MELDING, MONITORING),
          // Escalations of a late first contact or safety plan during a huisverbod land with the team leader, and
          // so do the radar's MDA++ candidates.
          leesProces(HULPAANBOD, RADARSIGNAAL)),
      rol(Groepen.VERTROUWENSARTS, "Vertrouwensarts",
          tasklist(), leesProces(MELDING)),
      rol(Groepen.POLITIE, "Politie",
          tasklist(), leesProces(HUISVERBOD)),
      // Imposing an order starts the called hulpaanbod: the deciding groups read its model (not its instances).
      rol(Groepen.HULPOFFICIER, "Hulpofficier van justitie",
          tasklist(), leesProces(HUISVERBOD, HULPAANBOD)),
      rol(Groepen.BURGEMEESTER, "Burgemeester en locoburgemeester",
          tasklist(), leesProces(HUISVERBOD, HULPAANBOD)),
      // Confirming a hand-over after voorwaarden en vervolg starts the called monitoring: its model, not its instances.
      rol(Groepen.WIJKTEAM, "Lokaal team / wijkteam",
          tasklist(), leesProces(MELDING, HULPAANBOD, MONITORING)),
      rol(Groepen.PROFESSIONAL, "Professional (meldcode)",
          tasklist(),
          // Starts its own weighing in Tasklist: the definition (READ, CREATE_INSTANCE) and a new instance (CREATE).
          recht(PROCESS_DEFINITION, MELDCODE_AFWEGING,
              ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE),
          recht(PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE)),
      rol(Groepen.AUDITOR, "Auditor",
          // Reads everything that happened and changes nothing: no Tasklist, no task, no write permission anywhere.
          cockpit(),
          recht(PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_HISTORY),
          recht(DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY),
          // Cockpit shows decisions that require each other as one requirements diagram.
          recht(DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ),
          recht(DEPLOYMENT, ANY, Permissions.READ),
          recht(PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ),
          // The user operation log (who claimed, reassigned, changed or deleted what) is the audit trail itself.
          recht(OPERATION_LOG_CATEGORY, ANY, UserOperationLogCategoryPermissions.READ)),
      // Data-subject requests (AVG art. 15 and 17) through /api/betrokkenen (docs/privacy.md): no engine rights at all.
      rol(Groepen.PRIVACYFUNCTIONARIS, "Privacyfunctionaris"),
      new Rol(Groepen.CAMUNDA_ADMIN, "Beheerders", Groups.GROUP_TYPE_SYSTEM,
          // Platform administration: everything on every resource type, as Camunda Admin's initial setup grants it.
          Arrays.stream(Resources.values()).map(r -> new Recht(r, ANY, Permissions.ALL)).toList()));

  private Rollen() {}

  public static Rol rol(String groepId) {
    return ROLLEN.stream().filter(r -> r.groepId().equals(groepId)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Onbekende groep " + groepId));
  }

  /** The groups that work in Tasklist, in table order. */
  public static List<Rol> tasklistRollen() {
    return ROLLEN.stream().filter(Rol::werktInTasklist).toList();
  }

  /** The table as Markdown, for docs/rollen-en-rechten.md. */
  public static String alsMarkdown() {
    StringBuilder tabel = new StringBuilder("| Groep | Resource | Id | Rechten |\n|---|---|---|---|\n");
    for (Rol rol : ROLLEN) {
      if (rol.rechten().size() == Resources.values().length
          && rol.rechten().stream().allMatch(r -> r.permissies().equals(List.of(Permissions.ALL)))) {
        tabel.append("| `").append(rol.groepId()).append("` | elk resourcetype (")
            .append(Resources.values().length).append(") | `*` | ALL |\n");
        continue;
      }
      for (Recht recht : rol.rechten()) {
        tabel.append("| `").append(rol.groepId()).append("` | ")
            .append(((Resources) recht.resource()).name()).append(" | `")
            .append(recht.resourceId()).append("` | ")
            .append(recht.permissies().stream().map(Permission::getName).collect(Collectors.joining(", ")))
            .append(" |\n");
      }
    }
    return tabel.toString();
  }

  @SafeVarargs
  private static Rol rol(String groepId, String naam, List<Recht>... delen) {
    return new Rol(groepId, naam, Groups.GROUP_TYPE_WORKFLOW, Arrays.stream(delen).flatMap(List::stream).toList());
  }

  private static List<Recht> recht(Resource resource, String resourceId, Permission... permissies) {
    return List.of(new Recht(resource, resourceId, permissies));
  }

  private static List<Recht> tasklist() {
    return List.of(TASKLIST);
  }

  private static List<Recht> cockpit() {
    return recht(APPLICATION, "cockpit", Permissions.ACCESS);
  }

  private static List<Recht> leesProces(String... sleutels) {
    return Arrays.stream(sleutels)
        .map(sleutel -> new Recht(PROCESS_DEFINITION, sleutel, ProcessDefinitionPermissions.READ))
        .toList();
  }

  private static List<Recht> leesProcesEnInstanties(String... sleutels) {
    return Arrays.stream(sleutels)
        .map(sleutel -> new Recht(PROCESS_DEFINITION, sleutel,
            ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE))
        .toList();
  }
}
