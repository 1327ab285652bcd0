package nl.hgkm.keten.beslissing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Definitions;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What a process owner's edit in Camunda Modeler must keep: the contract's decision keys and hit policies, a history
 * time to live on every decision (the engine refuses to deploy without one), a source on every rule, and a layout.
 */
class BeslissingModellenTest {

  private static final Path BESLISSINGEN = Path.of("decisions");

  private static final String DMNDI = "https://www.omg.org/spec/DMN/20191111/DMNDI/";

  static Stream<Path> elkDmnBestand() throws IOException {
    try (Stream<Path> bestanden = Files.list(BESLISSINGEN)) {
      List<Path> dmn = bestanden.filter(p -> p.toString().endsWith(".dmn")).sorted().toList();
      // Guards against an empty or wrong directory: this test must never pass on no files.
      assertThat(dmn).hasSizeGreaterThanOrEqualTo(9);
      return dmn.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("elkDmnBestand")
  void elkeBeslissingHeeftEenHistoryTimeToLive(Path bestand) {
    List<Decision> beslissingen = beslissingen(bestand);

    assertThat(beslissingen).isNotEmpty();
    assertThat(beslissingen)
        .allSatisfy(
            b ->
                assertThat(b.getCamundaHistoryTimeToLive())
                    .as("camunda:historyTimeToLive van %s", b.getId())
                    .isNotNull()
                    .isPositive());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("elkDmnBestand")
  void elkeRegelIsGeannoteerdMetZijnBron(Path bestand) {
    List<Rule> regels = model(bestand).getModelElementsByType(Rule.class).stream().toList();

    assertThat(regels).isNotEmpty();
    assertThat(regels)
        .allSatisfy(
            r ->
                assertThat(r.getDescription() == null ? null : r.getDescription().getTextContent())
                    .as("annotatie (bron) van regel %s", r.getId())
                    .isNotBlank());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("elkDmnBestand")
  void opentInModelerVoorCamunda724MetLayout(Path bestand) throws Exception {
    Definitions definitions = model(bestand).getDefinitions();
    assertThat(definitions.getExporter()).isEqualTo("Camunda Modeler");
    assertThat(definitions.getAttributeValueNs("http://camunda.org/schema/modeler/1.0", "executionPlatform"))
        .isEqualTo("Camunda Platform");
    assertThat(definitions.getAttributeValueNs("http://camunda.org/schema/modeler/1.0", "executionPlatformVersion"))
        .isEqualTo("7.24.0");

    // The model API does not read DMNDI; a shape per decision keeps the DRD laid out.
    DocumentBuilderFactory fabriek = DocumentBuilderFactory.newInstance();
    fabriek.setNamespaceAware(true);
    NodeList vormen = fabriek.newDocumentBuilder().parse(bestand.toFile()).getElementsByTagNameNS(DMNDI, "DMNShape");
    List<String> metVorm =
        Stream.iterate(0, i -> i < vormen.getLength(), i -> i + 1)
            .map(i -> ((Element) vormen.item(i)).getAttribute("dmnElementRef"))
            .toList();
    assertThat(metVorm).containsAll(beslissingen(bestand).stream().map(Decision::getId).toList());
  }

  /** The contract (§4) keys and hit policies; the retention follows Wth art. 10 (5 years) or VT's 20 years. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "meldcode-afwegingskader,           UNIQUE,  7300",
    "acute-onveiligheid,                COLLECT, 7300",
    "structurele-onveiligheid,          COLLECT, 7300",
    "vervolg-na-veiligheidsbeoordeling, FIRST,   7300",
    "radar-classificatie,               UNIQUE,  7300",
    "terugkoppeling-melder,             COLLECT, 7300",
    "rihg-huisverbod-advies,            FIRST,   1825",
    "huisverbod-verlenging,             FIRST,   1825",
    "monitoring-plan,                   FIRST,   7300",
  })
  void contractsleutelHitPolicyEnBewaartermijn(String key, HitPolicy hitPolicy, int dagen) throws IOException {
    DmnModelInstance model;
    try (InputStream dmn = getClass().getResourceAsStream("/decisions/" + key + ".dmn")) {
      assertThat(dmn).as("decisions/%s.dmn op het classpath", key).isNotNull();
      model = Dmn.readModelFromStream(dmn);
    }
    Decision beslissing = model.getModelElementById(key);

    assertThat(beslissing).as("beslissing met id %s", key).isNotNull();
    assertThat(((DecisionTable) beslissing.getExpression()).getHitPolicy()).isEqualTo(hitPolicy);
    assertThat(beslissing.getCamundaHistoryTimeToLive()).isEqualTo(dagen);
  }

  @Test
  void geenBeslissingZonderContractsleutel() throws IOException {
    try (Stream<Path> bestanden = elkDmnBestand()) {
      assertThat(bestanden.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(
              "meldcode-afwegingskader.dmn",
              "acute-onveiligheid.dmn",
              "structurele-onveiligheid.dmn",
              "vervolg-na-veiligheidsbeoordeling.dmn",
              "radar-classificatie.dmn",
              "terugkoppeling-melder.dmn",
              "rihg-huisverbod-advies.dmn",
              "huisverbod-verlenging.dmn",
              "monitoring-plan.dmn");
    }
  }

  private static DmnModelInstance model(Path bestand) {
    return Dmn.readModelFromFile(bestand.toFile());
  }

  private static List<Decision> beslissingen(Path bestand) {
    return model(bestand).getModelElementsByType(Decision.class).stream().toList();
  }
}
