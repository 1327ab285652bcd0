package nl.hgkm.keten.migratie;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.migration.MigrationVariableValidationReport;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/**
 * Turns a reviewed plan file into the engine's {@link MigrationPlan} from one deployed version to another, and says
 * what the file does not cover. The engine first maps every pair of activities with equal ids
 * ({@code mapEqualActivities()}); the file's instructions then replace those from the same activity, and activities
 * whose cases stay on their version lose their mapping (the engine then refuses those cases, as it should).
 *
 * <p>Not covered, and so reported as a gap: a wait state of the previous version that is neither mapped nor listed
 * under {@code blijftOpVersie} (its cases would be stranded), a wait state only the new version has that is neither
 * the target of a mapping nor listed under {@code nieuweWachttoestanden}, and any activity the file names that the
 * models do not have (a stale plan). Every gap names the line to add to the file.
 */
@Component
public class MigratieplanBouwer {

  public static final String GELIJK_ID = "GELIJK_ID";
  public static final String PLAN = "PLAN";

  private final RuntimeService runtimeService;
  private final RepositoryService repositoryService;

  public MigratieplanBouwer(RuntimeService runtimeService, RepositoryService repositoryService) {
    this.runtimeService = runtimeService;
    this.repositoryService = repositoryService;
  }

  /** One mapping of the built plan, where it came from, and the reviewer's reason when the file gave it. */
  public record Instructieregel(String van, String naar, String herkomst, boolean triggerBijwerken, String waarom) {}

  /**
   * The engine's plan ({@code null} when the engine refused it), its mappings, the engine's refusals ({@code
   * fouten}) and what the file does not cover ({@code gaten}). Usable only when both lists are empty.
   */
  public record Bouwresultaat(MigrationPlan plan, List<Instructieregel> instructies, List<String> fouten,
      List<String> gaten) {
    public boolean bruikbaar() {
      return plan != null && fouten.isEmpty() && gaten.isEmpty();
    }
  }

  public Bouwresultaat bouw(ProcessDefinition bron, ProcessDefinition doel, Migratieplan plan, String planbestand) {
    List<Wachttoestand> bronWacht = Wachttoestanden.van(repositoryService.getBpmnModelInstance(bron.getId()),
        bron.getKey());
    List<Wachttoestand> doelWacht = Wachttoestanden.van(repositoryService.getBpmnModelInstance(doel.getId()),
        doel.getKey());
    Set<String> bronActiviteiten = activiteiten(bron);
    Set<String> doelActiviteiten = activiteiten(doel);
    Set<String> blijft = plan.blijftOpVersie().stream().map(Migratieplan.Besluit::activiteit)
        .collect(Collectors.toCollection(LinkedHashSet::new));
    Set<String> nieuw = plan.nieuweWachttoestanden().stream().map(Migratieplan.Besluit::activiteit)
        .collect(Collectors.toCollection(LinkedHashSet::new));
    List<String> gaten = new ArrayList<>();

    // What the file names must exist, or the plan was written for other models.
    for (Migratieplan.Instructie instructie : plan.instructies()) {
      if (!bronActiviteiten.contains(instructie.van())) {
        gaten.add(planbestand + ": instructie van '" + instructie.van() + "': die activiteit bestaat niet in versie "
            + bron.getVersion() + " van " + bron.getKey() + "; haal de instructie weg of verbeter het id");
      }
      if (!doelActiviteiten.contains(instructie.naar())) {
        gaten.add(planbestand + ": instructie naar '" + instructie.naar() + "': die activiteit bestaat niet in versie "
            + doel.getVersion() + " van " + doel.getKey() + "; verbeter het id");
      }
    }
    for (String activiteit : blijft) {
      if (!bronActiviteiten.contains(activiteit)) {
        gaten.add(planbestand + ": blijftOpVersie noemt '" + activiteit + "', maar versie " + bron.getVersion()
            + " van " + bron.getKey() + " heeft die activiteit niet; haal de regel weg");
      }
    }
    for (String activiteit : nieuw) {
      if (!doelActiviteiten.contains(activiteit)) {
        gaten.add(planbestand + ": nieuweWachttoestanden noemt '" + activiteit + "', maar versie " + doel.getVersion()
            + " van " + doel.getKey() + " heeft die activiteit niet; haal de regel weg");
      }
    }

    // 1. The engine's own mapping by equal id.
    List<MigrationInstruction> gelijk = runtimeService.createMigrationPlan(bron.getId(), doel.getId())
        .mapEqualActivities().build().getInstructions();
    // 2. The file's instructions replace those from the same activity; staying activities lose theirs.
    Map<String, Instructieregel> regels = new LinkedHashMap<>();
    for (MigrationInstruction instructie : gelijk) {
      if (!blijft.contains(instructie.getSourceActivityId())) {
        regels.put(instructie.getSourceActivityId(), new Instructieregel(instructie.getSourceActivityId(),
            instructie.getTargetActivityId(), GELIJK_ID, instructie.isUpdateEventTrigger(), null));
      }
    }
    for (Migratieplan.Instructie instructie : plan.instructies()) {
      if (bronActiviteiten.contains(instructie.van()) && doelActiviteiten.contains(instructie.naar())) {
        regels.put(instructie.van(), new Instructieregel(instructie.van(), instructie.naar(), PLAN,
            instructie.eventTriggerBijwerken(), instructie.waarom()));
      }
    }

    Set<String> doelen = regels.values().stream().map(Instructieregel::naar).collect(Collectors.toSet());
    for (Wachttoestand wacht : bronWacht) {
      if (!regels.containsKey(wacht.activiteit()) && !blijft.contains(wacht.activiteit())) {
        gaten.add("Wachttoestand " + wacht + " van " + bron.getKey() + " versie " + bron.getVersion()
            + " heeft geen doel in versie " + doel.getVersion() + ": zaken die daar wachten zouden vastlopen. "
            + "Voeg aan " + planbestand + " toe onder \"instructies\": {\"van\": \"" + wacht.activiteit()
            + "\", \"naar\": \"<id in het nieuwe model>\", \"waarom\": \"...\"}, of onder \"blijftOpVersie\": "
            + "{\"activiteit\": \"" + wacht.activiteit() + "\", \"waarom\": \"...\"}");
      }
    }
    for (Wachttoestand wacht : doelWacht) {
      if (!doelen.contains(wacht.activiteit()) && !nieuw.contains(wacht.activiteit())) {
        gaten.add("Nieuwe wachttoestand " + wacht + " in " + doel.getKey() + " versie " + doel.getVersion()
            + " komt uit geen enkele activiteit van versie " + bron.getVersion() + ". Koppel een oude activiteit "
            + "eraan onder \"instructies\" in " + planbestand + ", of zet hem onder \"nieuweWachttoestanden\": "
            + "{\"activiteit\": \"" + wacht.activiteit() + "\", \"waarom\": \"<waarom geen lopende zaak daar "
            + "hoeft te staan>\"}");
      }
    }

    MigrationPlanBuilder bouwer = runtimeService.createMigrationPlan(bron.getId(), doel.getId());
    for (Instructieregel regel : regels.values()) {
      var instructie = bouwer.mapActivities(regel.van(), regel.naar());
      if (regel.triggerBijwerken()) {
        instructie.updateEventTrigger();
      }
    }
    if (!plan.variabelen().isEmpty()) {
      bouwer.setVariables(plan.variabelen());
    }
    List<String> fouten = new ArrayList<>();
    MigrationPlan gebouwd = null;
    try {
      gebouwd = bouwer.build();
    } catch (MigrationPlanValidationException e) {
      for (MigrationInstructionValidationReport rapport : e.getValidationReport().getInstructionReports()) {
        MigrationInstruction instructie = rapport.getMigrationInstruction();
        for (String fout : rapport.getFailures()) {
          fouten.add("De engine weigert '" + instructie.getSourceActivityId() + "' -> '"
              + instructie.getTargetActivityId() + "': " + fout);
        }
      }
      for (Map.Entry<String, MigrationVariableValidationReport> variabele
          : e.getValidationReport().getVariableReports().entrySet()) {
        for (String fout : variabele.getValue().getFailures()) {
          fouten.add("De engine weigert variabele '" + variabele.getKey() + "': " + fout);
        }
      }
      if (fouten.isEmpty()) {
        fouten.add("De engine weigert het plan: " + e.getMessage());
      }
    }
    return new Bouwresultaat(gebouwd, List.copyOf(regels.values()), List.copyOf(fouten), List.copyOf(gaten));
  }

  private Set<String> activiteiten(ProcessDefinition definitie) {
    Set<String> ids = new LinkedHashSet<>();
    repositoryService.getBpmnModelInstance(definitie.getId())
        .getModelElementsByType(org.camunda.bpm.model.bpmn.instance.FlowNode.class).forEach(k -> {
          ids.add(k.getId());
          if (k instanceof org.camunda.bpm.model.bpmn.instance.Activity a
              && a.getLoopCharacteristics() instanceof
                  org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics) {
            ids.add(k.getId() + Wachttoestanden.MI_BODY);
          }
        });
    return ids;
  }
}
