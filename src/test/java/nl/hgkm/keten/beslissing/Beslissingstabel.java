package nl.hgkm.keten.beslissing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * One decision table of {@code decisions/}, parsed from the classpath exactly as the engine deploys it, evaluated by
 * the standalone Camunda DMN engine with its default (FEEL) configuration, the one the process engine uses too.
 */
final class Beslissingstabel {

  private static final DmnEngine DMN_ENGINE =
      DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  private final DmnDecision beslissing;

  private Beslissingstabel(DmnDecision beslissing) {
    this.beslissing = beslissing;
  }

  /** Parses {@code decisions/<key>.dmn} and its decision with id {@code key}. */
  static Beslissingstabel laad(String key) {
    String pad = "decisions/" + key + ".dmn";
    try (InputStream dmn = Beslissingstabel.class.getClassLoader().getResourceAsStream(pad)) {
      if (dmn == null) {
        throw new IllegalStateException("Niet op het classpath: " + pad);
      }
      return new Beslissingstabel(DMN_ENGINE.parseDecision(key, dmn));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Variables as name/value pairs; a value may be null (a question not answered). */
  static VariableMap invoer(Object... namenEnWaarden) {
    VariableMap variabelen = Variables.createVariables();
    paren(namenEnWaarden).forEach(variabelen::putValue);
    return variabelen;
  }

  /** An expected result row as name/value pairs; unlike {@link Map#of} it allows null values. */
  static Map<String, Object> rij(Object... namenEnWaarden) {
    return paren(namenEnWaarden);
  }

  /** Every matched rule's outputs, in rule order (FIRST and UNIQUE give at most one row). */
  List<Map<String, Object>> evalueer(VariableMap invoer) {
    List<Map<String, Object>> rijen = new ArrayList<>();
    DMN_ENGINE.evaluateDecisionTable(beslissing, invoer).getResultList().forEach(r -> rijen.add(new LinkedHashMap<>(r)));
    return rijen;
  }

  /** The values of one output over all matched rules (COLLECT), in rule order. */
  List<Object> verzamel(String uitvoer, VariableMap invoer) {
    return DMN_ENGINE.evaluateDecisionTable(beslissing, invoer).collectEntries(uitvoer);
  }

  /** Every subset of the names, each in the given order: the combinations of a COLLECT table's Boolean inputs. */
  static List<List<String>> deelverzamelingen(List<String> namen) {
    List<List<String>> alle = new ArrayList<>();
    for (int masker = 0; masker < (1 << namen.size()); masker++) {
      int m = masker;
      alle.add(IntStream.range(0, namen.size()).filter(i -> (m & (1 << i)) != 0).mapToObj(namen::get).toList());
    }
    return alle;
  }

  private static Map<String, Object> paren(Object... namenEnWaarden) {
    if (namenEnWaarden.length % 2 != 0) {
      throw new IllegalArgumentException("Namen en waarden horen in paren");
    }
    Map<String, Object> paren = new LinkedHashMap<>();
    IntStream.iterate(0, i -> i < namenEnWaarden.length, i -> i + 2)
        .forEach(i -> paren.put((String) namenEnWaarden[i], namenEnWaarden[i + 1]));
    return paren;
  }
}
