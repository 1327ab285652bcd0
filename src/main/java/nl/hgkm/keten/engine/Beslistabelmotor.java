package nl.hgkm.keten.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedOutput;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputExpression;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.dmn.instance.Text;
import org.springframework.stereotype.Component;

/**
 * Decision tables evaluated outside the engine's deployments, for the what-if replay (docs/wat-als.md): a candidate
 * DMN file is parsed and evaluated here, never deployed. A DMN engine of its own, configured as the process engine's
 * (the same FEEL engine and its functions, the same legacy and blank-output settings), so that a candidate decides as
 * it would once deployed; of its own because it needs a listener that hands back the matched rules, which the process
 * engine's DMN engine only writes to history.
 *
 * <p>Each input column is fed the value the recorded evaluation had for it: its input expression is replaced by a
 * variable of its own ({@code watAlsInvoer0}, ...), so that a column whose expression is more than a variable name is
 * fed exactly what was recorded, never recomputed from variables that history does not have.
 *
 * <p>Engine internals (the process engine's DMN configuration, the DMN engine's decision table and type definitions)
 * are used only here (Operaton: rename).
 */
@Component
public class Beslistabelmotor {

  static final String INVOER = "watAlsInvoer";

  /** One input column of a table. */
  public record Kolom(int index, String id, String label, String expressie, String typeRef) {}

  /** One rule: its id, its number in the table (1-based) and its annotation (the legal source). */
  public record Regel(String id, int nummer, String annotatie) {}

  /** One matched rule and its outputs (output name to value, in the table's order). */
  public record Treffer(String regelId, int nummer, Map<String, Object> uitvoer) {}

  /** What a table decided: the matched rules in order, and the aggregate of a COLLECT with an aggregator. */
  public record Uitkomst(List<Treffer> treffers, Object verzameld) {}

  /** A DMN file that is not a table we can replay: malformed, without the key, not a table, or with requirements. */
  public static class OngeldigeTabel extends RuntimeException {
    public OngeldigeTabel(String melding, Throwable oorzaak) {
      super(melding, oorzaak);
    }
  }

  /** A decision table, parsed: what it asks, its rules, and the decision the DMN engine evaluates. */
  public static final class Tabel {
    private final String sleutel;
    private final String naam;
    private final String hitPolicy;
    private final String aggregatie;
    private final List<Kolom> kolommen;
    private final List<String> uitvoer;
    private final Map<String, Regel> regels;
    private final DmnDecision beslissing;

    private Tabel(String sleutel, String naam, String hitPolicy, String aggregatie, List<Kolom> kolommen,
        List<String> uitvoer, Map<String, Regel> regels, DmnDecision beslissing) {
      this.sleutel = sleutel;
      this.naam = naam;
      this.hitPolicy = hitPolicy;
      this.aggregatie = aggregatie;
      this.kolommen = kolommen;
      this.uitvoer = uitvoer;
      this.regels = regels;
      this.beslissing = beslissing;
    }

    public String sleutel() {
      return sleutel;
    }

    public String naam() {
      return naam;
    }

    public String hitPolicy() {
      return hitPolicy;
    }

    /** The aggregator of a COLLECT table (SUM, COUNT, ...), or null. */
    public String aggregatie() {
      return aggregatie;
    }

    public List<Kolom> kolommen() {
      return kolommen;
    }

    public List<String> uitvoer() {
      return uitvoer;
    }

    public Regel regel(String id) {
      return regels.get(id);
    }
  }

  private final DmnEngine dmnEngine;
  private final RepositoryService repositoryService;
  private final ThreadLocal<DmnDecisionTableEvaluationEvent> laatste = new ThreadLocal<>();
  private final Map<String, Tabel> versies = new ConcurrentHashMap<>();

  Beslistabelmotor(ProcessEngine processEngine) {
    this.repositoryService = processEngine.getRepositoryService();
    DefaultDmnEngineConfiguration bron = ((ProcessEngineConfigurationImpl) processEngine
        .getProcessEngineConfiguration()).getDmnEngineConfiguration();
    DefaultDmnEngineConfiguration eigen = (DefaultDmnEngineConfiguration) DmnEngineConfiguration
        .createDefaultDmnEngineConfiguration();
    eigen.feelEngineFactory(bron.getFeelEngineFactory())
        .elProvider(bron.getElProvider())
        .scriptEngineResolver(bron.getScriptEngineResolver())
        .enableFeelLegacyBehavior(bron.isEnableFeelLegacyBehavior())
        .setReturnBlankTableOutputAsNull(bron.isReturnBlankTableOutputAsNull());
    if (bron.getFeelCustomFunctionProviders() != null) {
      eigen.feelCustomFunctionProviders(bron.getFeelCustomFunctionProviders());
    }
    eigen.setCustomPostDecisionTableEvaluationListeners(List.of(new Vanger()));
    this.dmnEngine = eigen.buildEngine();
  }

  /**
   * The decision {@code sleutel} of a DMN file, ready to evaluate over recorded inputs.
   *
   * @throws OngeldigeTabel with a message for the user when the file does not parse, does not hold that decision,
   *                        holds it as something other than a decision table, or the table requires other decisions
   */
  public Tabel tabel(byte[] xml, String sleutel) {
    DmnModelInstance model;
    try {
      model = Dmn.readModelFromStream(new ByteArrayInputStream(xml));
    } catch (RuntimeException fout) {
      throw new OngeldigeTabel("Het bestand is geen geldige DMN: " + oorzaak(fout), fout);
    }
    List<String> sleutels = model.getModelElementsByType(Decision.class).stream().map(Decision::getId).toList();
    Decision decision = model.getModelElementsByType(Decision.class).stream()
        .filter(d -> sleutel.equals(d.getId())).findFirst()
        .orElseThrow(() -> new OngeldigeTabel("Het bestand bevat geen beslissing met sleutel '" + sleutel + "'"
            + (sleutels.isEmpty() ? "." : " (wel: " + String.join(", ", sleutels) + ")."), null));
    if (!(decision.getExpression() instanceof DecisionTable tabel)) {
      throw new OngeldigeTabel("Beslissing '" + sleutel + "' is in dit bestand geen beslistabel.", null);
    }
    if (!decision.getInformationRequirements().isEmpty()) {
      throw new OngeldigeTabel("Beslissing '" + sleutel + "' vraagt de uitkomst van andere beslissingen; wat-als "
          + "herberekent alleen een beslistabel die zelfstandig beslist.", null);
    }
    List<Kolom> kolommen = new ArrayList<>();
    int i = 0;
    for (Input input : tabel.getInputs()) {
      InputExpression expressie = input.getInputExpression();
      String tekst = expressie == null || expressie.getText() == null ? "" : expressie.getText().getTextContent();
      kolommen.add(new Kolom(i, input.getId(), input.getLabel() == null ? tekst.strip() : input.getLabel(),
          tekst.strip(), expressie == null ? null : expressie.getTypeRef()));
      if (expressie != null) {
        // feed the column what was recorded for it, whatever its expression computes
        Text naam = model.newInstance(Text.class);
        naam.setTextContent(INVOER + i);
        expressie.setText(naam);
        expressie.setExpressionLanguage("feel");
      }
      i++;
    }
    Map<String, Regel> regels = new LinkedHashMap<>();
    int nummer = 1;
    for (Rule rule : tabel.getRules()) {
      String annotatie = rule.getDescription() == null ? null : rule.getDescription().getTextContent();
      regels.put(rule.getId(), new Regel(rule.getId(), nummer++, annotatie == null ? null : annotatie.strip()));
    }
    List<String> uitvoer = tabel.getOutputs().stream().map(o -> naam(o)).toList();
    DmnDecision beslissing;
    try {
      beslissing = dmnEngine.parseDecision(sleutel, model);
    } catch (RuntimeException fout) {
      throw new OngeldigeTabel("Beslissing '" + sleutel + "' is geen geldige beslistabel: " + oorzaak(fout), fout);
    }
    return new Tabel(sleutel, decision.getName(), tabel.getHitPolicy() == null ? "UNIQUE"
        : tabel.getHitPolicy().name(), tabel.getAggregation() == null ? null : tabel.getAggregation().name(),
        List.copyOf(kolommen), uitvoer, regels, beslissing);
  }

  /** The table of a deployed decision definition version, parsed once per definition id. */
  public Tabel versie(String decisionDefinitionId, String sleutel) {
    return versies.computeIfAbsent(decisionDefinitionId, id -> {
      try (InputStream xml = repositoryService.getDecisionModel(id)) {
        return tabel(xml.readAllBytes(), sleutel);
      } catch (IOException fout) {
        throw new OngeldigeTabel("Het model van " + id + " is niet te lezen.", fout);
      }
    });
  }

  /**
   * Why {@code waarde} cannot be fed to column {@code kolom} of {@code tabel} (its typeRef), or null when it can.
   * The DMN engine's own type conversion decides, as it would at evaluation.
   */
  public String typeFout(Tabel tabel, int kolom, Object waarde) {
    if (waarde == null) {
      return null;
    }
    DmnDecisionTableImpl logica = (DmnDecisionTableImpl) tabel.beslissing.getDecisionLogic();
    try {
      logica.getInputs().get(kolom).getExpression().getTypeDefinition().transform(waarde);
      return null;
    } catch (RuntimeException fout) {
      // the engine wraps the transformer's IllegalArgumentException in a DmnEngineException
      return "de vastgelegde waarde " + waarde + " (" + waarde.getClass().getSimpleName() + ") past niet bij type '"
          + tabel.kolommen.get(kolom).typeRef() + "'";
    }
  }

  /** Evaluates {@code tabel} with these values for its columns (in column order). */
  public Uitkomst evalueer(Tabel tabel, Object[] waarden) {
    Map<String, Object> variabelen = new java.util.HashMap<>();
    for (int i = 0; i < waarden.length; i++) {
      variabelen.put(INVOER + i, waarden[i]);
    }
    laatste.remove();
    try {
      dmnEngine.evaluateDecision(tabel.beslissing, variabelen);
      DmnDecisionTableEvaluationEvent gebeurtenis = laatste.get();
      List<Treffer> treffers = new ArrayList<>();
      for (DmnEvaluatedDecisionRule regel : gebeurtenis.getMatchingRules()) {
        Map<String, Object> uitvoer = new LinkedHashMap<>();
        for (DmnEvaluatedOutput o : regel.getOutputEntries().values()) {
          uitvoer.put(o.getOutputName(), o.getValue() == null ? null : o.getValue().getValue());
        }
        Regel r = tabel.regel(regel.getId());
        treffers.add(new Treffer(regel.getId(), r == null ? 0 : r.nummer(), uitvoer));
      }
      TypedValue verzameld = gebeurtenis.getCollectResultValue();
      return new Uitkomst(treffers, verzameld == null ? null : verzameld.getValue());
    } finally {
      laatste.remove();
    }
  }

  private static String naam(Output output) {
    return output.getName() != null ? output.getName() : output.getId();
  }

  private static String oorzaak(Throwable fout) {
    Throwable t = fout;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String melding = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    return fout == t || fout.getMessage() == null ? melding : fout.getMessage()
        + (melding.equals(fout.getMessage()) ? "" : " (" + melding + ")");
  }

  /** Hands the evaluation's matched rules to the thread that evaluates. */
  private final class Vanger implements DmnDecisionTableEvaluationListener {
    @Override
    public void notify(DmnDecisionTableEvaluationEvent gebeurtenis) {
      laatste.set(gebeurtenis);
    }
  }
}
