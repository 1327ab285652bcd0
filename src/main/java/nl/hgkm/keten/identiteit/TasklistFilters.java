package nl.hgkm.keten.identiteit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nl.hgkm.keten.tasklist.TaakWeergave;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * The Tasklist filters per role, each shared with the named groups only (READ on the filter). What a filter lists is
 * still limited by the task authorizations: a filter never shows a task its user may not read.
 *
 * <p>Tasklist orders the filters by {@code priority} (low first), opens the first one, and shows the
 * {@code variables} on every task card. A role's own list ("Taken van ...") comes first: it holds every task of the
 * role, so the filter a user lands on has work whenever any of the others has; the narrower views follow.
 */
public final class TasklistFilters {

  /** A filter: name (its identity when seeding), properties, the groups that may read it and its task query. */
  public record FilterDefinitie(String naam, String omschrijving, String kleur, int prioriteit, List<String> groepen,
      Function<TaskService, TaskQuery> query) {

    public FilterDefinitie {
      groepen = List.copyOf(groepen);
    }

    /** The filter properties Tasklist reads. */
    public Map<String, Object> eigenschappen() {
      Map<String, Object> eigenschappen = new LinkedHashMap<>();
      eigenschappen.put("description", omschrijving);
      eigenschappen.put("color", kleur);
      eigenschappen.put("priority", prioriteit);
      eigenschappen.put("refresh", true);
      eigenschappen.put("showUndefinedVariable", false);
      eigenschappen.put("variables", KOLOMMEN);
      return eigenschappen;
    }
  }

  /**
   * What every task card shows: the case, its region, the term of the step (statutory where the law sets one) and whether it is acute, in words. Every
   * user task gets these as task-local variables when it is created ({@link TaakWeergave}); a card leaves out what a
   * case does not have (a huisverbod has no acute flag of a melding).
   */
  static final List<Map<String, String>> KOLOMMEN = List.of(
      kolom(TaakWeergave.KAART_ZAAK, "Zaak"),
      kolom(TaakWeergave.KAART_REGIO, "Regio"),
      kolom(TaakWeergave.KAART_TERMIJN, "Termijn"),
      kolom(TaakWeergave.KAART_ACUUT, "Acuut"));

  public static final String MIJN_TAKEN = "Mijn taken";

  /** Low first; the lowest opens when a user logs in. */
  static final int PRIORITEIT_TAKEN_VAN_ROL = 10;
  static final int PRIORITEIT_VEILIGHEIDSBEOORDELINGEN = 20;
  static final int PRIORITEIT_ESCALATIES = 20;
  static final int PRIORITEIT_ACUUT = 30;
  static final int PRIORITEIT_MIJN_TAKEN = 40;

  public static final List<FilterDefinitie> FILTERS = filters();

  private TasklistFilters() {}

  public static String takenVan(Rollen.Rol rol) {
    return "Taken van " + rol.naam();
  }

  private static List<FilterDefinitie> filters() {
    List<Rollen.Rol> tasklistRollen = Rollen.tasklistRollen();
    List<FilterDefinitie> filters = new ArrayList<>();
    filters.add(new FilterDefinitie(MIJN_TAKEN,
        "Taken die u hebt geclaimd of die aan u zijn toegewezen, de eerste deadline bovenaan.",
        "#1f6f43", PRIORITEIT_MIJN_TAKEN, tasklistRollen.stream().map(Rollen.Rol::groepId).toList(),
        taken -> taken.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc()));
    for (Rollen.Rol rol : tasklistRollen) {
      filters.add(new FilterDefinitie(takenVan(rol),
          "Alle open taken voor " + rol.naam() + ", ook als een collega ze al heeft geclaimd; "
              + "eerste deadline bovenaan.",
          "#2d5f8b", PRIORITEIT_TAKEN_VAN_ROL, List.of(rol.groepId()),
          taken -> taken.createTaskQuery().taskCandidateGroup(rol.groepId()).includeAssignedTasks()
              .orderByDueDate().asc()));
    }
    filters.add(new FilterDefinitie("Acuut",
        "Taken in zaken met acute onveiligheid: eerst doen.",
        "#b3261e", PRIORITEIT_ACUUT, List.of(Groepen.VT_MEDEWERKER),
        taken -> taken.createTaskQuery().processVariableValueEquals("acuut", true).orderByDueDate().asc()));
    filters.add(new FilterDefinitie("Veiligheidsbeoordelingen",
        "Veiligheidsbeoordelingen, uiterlijk binnen 5 werkdagen na ontvangst van de melding; eerste deadline bovenaan.",
        "#c77700", PRIORITEIT_VEILIGHEIDSBEOORDELINGEN, List.of(Groepen.VT_MEDEWERKER),
        taken -> taken.createTaskQuery().taskDefinitionKey("veiligheidsbeoordeling").orderByDueDate().asc()));
    filters.add(new FilterDefinitie("Escalaties termijnen",
        "Taken waarvan de wettelijke termijn in gevaar is en die nog niemand heeft opgepakt; eerste deadline bovenaan.",
        "#b3261e", PRIORITEIT_ESCALATIES, List.of(Groepen.VT_TEAMLEIDER),
        // Without includeAssignedTasks: an escalation leaves this list once a team leader has claimed it.
        taken -> taken.createTaskQuery().taskCandidateGroup(Groepen.VT_TEAMLEIDER).orderByDueDate().asc()));
    return List.copyOf(filters);
  }

  private static Map<String, String> kolom(String naam, String label) {
    Map<String, String> kolom = new LinkedHashMap<>();
    kolom.put("name", naam);
    kolom.put("label", label);
    return kolom;
  }
}
