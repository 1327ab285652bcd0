package nl.hgkm.keten.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * Decision evaluations per second for the project's own tables ({@code decisions/*.dmn}), with inputs drawn at random
 * (fixed seed) per table from the values its rules test: booleans, small integers, the strings in its rules. Also
 * loaded in an isolated class loader with another FEEL engine ({@link FeelVergelijking}); so only JDK types cross
 * its boundary.
 */
public final class Beslissingen {

  private static final Pattern TEKST = Pattern.compile("\"([^\"]*)\"");
  private static final int INVOER_PER_TABEL = 64;

  private final List<String> sleutels = new ArrayList<>();
  private final Map<String, List<VariableMap>> invoer = new LinkedHashMap<>();

  Beslissingen() {
    for (Path dmn : bestanden()) {
      String sleutel = dmn.getFileName().toString().replace(".dmn", "");
      DmnModelInstance model = Dmn.readModelFromFile(dmn.toFile());
      DecisionTable tabel = model.getModelElementsByType(DecisionTable.class).iterator().next();
      List<Input> inputs = new ArrayList<>(tabel.getInputs());
      List<Rule> regels = new ArrayList<>(tabel.getRules());
      Random toeval = new Random(sleutel.hashCode());
      List<VariableMap> reeks = new ArrayList<>();
      for (int n = 0; n < INVOER_PER_TABEL; n++) {
        VariableMap variabelen = Variables.createVariables();
        for (int i = 0; i < inputs.size(); i++) {
          Input input = inputs.get(i);
          String naam = input.getInputExpression().getText().getTextContent().trim();
          String type = input.getInputExpression().getTypeRef();
          variabelen.putValue(naam, waarde(type, i, regels, toeval));
        }
        reeks.add(variabelen);
      }
      sleutels.add(sleutel);
      invoer.put(sleutel, reeks);
    }
  }

  private static Object waarde(String type, int kolom, List<Rule> regels, Random toeval) {
    return switch (type == null ? "string" : type) {
      case "boolean" -> toeval.nextBoolean();
      case "integer", "long" -> toeval.nextInt(30);
      case "double" -> toeval.nextDouble() * 30;
      default -> {
        List<String> teksten = new ArrayList<>();
        for (Rule regel : regels) {
          Matcher m = TEKST.matcher(new ArrayList<>(regel.getInputEntries()).get(kolom).getTextContent());
          while (m.find()) {
            teksten.add(m.group(1));
          }
        }
        yield teksten.isEmpty() ? "ONBEKEND" : teksten.get(toeval.nextInt(teksten.size()));
      }
    };
  }

  static List<Path> bestanden() {
    URL map = Beslissingen.class.getClassLoader().getResource("decisions");
    if (map == null) {
      throw new IllegalStateException("decisions/ niet op het classpath");
    }
    try (Stream<Path> paden = Files.list(Path.of(map.toURI()))) {
      return paden.filter(p -> p.toString().endsWith(".dmn")).sorted().toList();
    } catch (IOException fout) {
      throw new UncheckedIOException(fout);
    } catch (URISyntaxException fout) {
      throw new IllegalStateException(fout);
    }
  }

  List<String> sleutels() {
    return sleutels;
  }

  /** Evaluations per second of every table in turn through the standalone DMN engine, per table and overall. */
  Map<String, Double> standalone(long opwarmMs, long meetMs) {
    DmnEngine engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    Map<String, DmnDecision> beslissingen = new LinkedHashMap<>();
    for (Path dmn : bestanden()) {
      try (InputStream in = Files.newInputStream(dmn)) {
        String sleutel = dmn.getFileName().toString().replace(".dmn", "");
        beslissingen.put(sleutel, engine.parseDecision(sleutel, in));
      } catch (IOException fout) {
        throw new UncheckedIOException(fout);
      }
    }
    Map<String, Double> uitkomst = new LinkedHashMap<>();
    uitkomst.put("alle", meet(opwarmMs, meetMs, sleutels, (sleutel, variabelen) ->
        engine.evaluateDecisionTable(beslissingen.get(sleutel), variabelen)));
    for (String sleutel : sleutels) {
      uitkomst.put(sleutel, meet(0, meetMs / sleutels.size(), List.of(sleutel), (s, variabelen) ->
          engine.evaluateDecisionTable(beslissingen.get(s), variabelen)));
    }
    return uitkomst;
  }

  /** Evaluations per second of every table in turn through an engine's DecisionService (its history included). */
  double viaEngine(ProcessEngine engine, long opwarmMs, long meetMs) {
    DecisionService service = engine.getDecisionService();
    return meet(opwarmMs, meetMs, sleutels, (sleutel, variabelen) ->
        service.evaluateDecisionTableByKey(sleutel).variables(variabelen).evaluate());
  }

  private double meet(long opwarmMs, long meetMs, List<String> welke,
      java.util.function.BiConsumer<String, VariableMap> evalueer) {
    long einde = System.nanoTime() + opwarmMs * 1_000_000;
    int i = 0;
    while (System.nanoTime() < einde) {
      String sleutel = welke.get(i % welke.size());
      evalueer.accept(sleutel, invoer.get(sleutel).get((i / welke.size()) % INVOER_PER_TABEL));
      i++;
    }
    long start = System.nanoTime();
    einde = start + meetMs * 1_000_000;
    long aantal = 0;
    while (System.nanoTime() < einde) {
      String sleutel = welke.get((int) (aantal % welke.size()));
      evalueer.accept(sleutel, invoer.get(sleutel).get((int) ((aantal / welke.size()) % INVOER_PER_TABEL)));
      aantal++;
    }
    return aantal / ((System.nanoTime() - start) / 1e9);
  }

  /** The FEEL engine this class loader sees: the jar it comes from. */
  static String feelJar() {
    try {
      Class<?> feel = Class.forName("org.camunda.feel.FeelEngine", false, Beslissingen.class.getClassLoader());
      return Path.of(feel.getProtectionDomain().getCodeSource().getLocation().toURI()).getFileName().toString();
    } catch (ClassNotFoundException | URISyntaxException fout) {
      return "onbekend: " + fout;
    }
  }

  /**
   * Entry point inside an isolated class loader: the standalone DMN engine and a bare in-memory engine's
   * DecisionService (H2, history full), with whatever FEEL engine that loader has.
   */
  public static Map<String, Object> meetGeisoleerd(long opwarmMs, long meetMs) {
    Beslissingen beslissingen = new Beslissingen();
    Map<String, Object> uitkomst = new LinkedHashMap<>();
    uitkomst.put("feel", feelJar());
    beslissingen.standalone(opwarmMs, meetMs).forEach((k, v) -> uitkomst.put("standalone." + k, v));
    ProcessEngine engine = ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
        .setJdbcUrl("jdbc:h2:mem:feel-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1")
        .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
        .setJobExecutorActivate(false)
        .setProcessEngineName("feel-" + System.nanoTime())
        .buildProcessEngine();
    try {
      DeploymentBuilder uitrol = engine.getRepositoryService().createDeployment().name("beslissingen");
      for (Path dmn : bestanden()) {
        uitrol.addInputStream(dmn.getFileName().toString(), leesBestand(dmn));
      }
      uitrol.deploy();
      uitkomst.put("engine", beslissingen.viaEngine(engine, opwarmMs / 2, meetMs));
    } finally {
      engine.close();
    }
    return uitkomst;
  }

  private static InputStream leesBestand(Path pad) {
    try {
      return Files.newInputStream(pad);
    } catch (IOException fout) {
      throw new UncheckedIOException(fout);
    }
  }
}
