package nl.hgkm.keten.modellen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.hgkm.keten.modellen.DiagramOpmaak.Gebrek;
import nl.hgkm.keten.modellen.DiagramOpmaak.Soort;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every diagram a process owner opens in Camunda Modeler is readable: no shapes on top of each other, no sequence
 * flow drawn through an element it does not connect, no label on another label or on an element
 * ({@link DiagramOpmaak}). A process owner runs it with {@code ./mvnw test -Dtest=ModelDiagramTest}.
 */
class ModelDiagramTest {

  private static final Path MODELLEN = Path.of("processes");
  private static final Path VOORBEELDEN = Path.of("src", "test", "resources", "diagram-opmaak");

  @Test
  void geenDiagramHeeftOverlappendeVormenLijnenDoorElementenOfLabelsOpElkaar() throws IOException {
    List<Path> bestanden = modellen();
    assertThat(bestanden).hasSizeGreaterThan(5);
    List<String> gebreken = new ArrayList<>();
    for (Path bestand : bestanden) {
      for (Gebrek gebrek : DiagramOpmaak.controleer(bestand)) {
        gebreken.add(bestand + ": " + gebrek.beschrijving());
      }
    }
    assertThat(gebreken)
        .withFailMessage("De diagrammen moeten leesbaar blijven in Camunda Modeler. Verschuif in de Modeler wat hier "
            + "staat, zodat vormen, lijnen en labels elkaar niet raken (README, 'Voor proceseigenaren'):%n  %s",
            String.join("%n  ".formatted(), gebreken))
        .isEmpty();
  }

  /** What is not drawn cannot be checked: every step and every sequence flow has its shape or line. */
  @Test
  void elkeStapEnElkeStroomIsGetekend() throws IOException {
    List<String> ongetekend = new ArrayList<>();
    for (Path bestand : modellen()) {
      BpmnModelInstance model = Bpmn.readModelFromFile(bestand.toFile());
      for (FlowNode stap : model.getModelElementsByType(FlowNode.class)) {
        if (stap.getDiagramElement() == null) {
          ongetekend.add(bestand + "#" + stap.getId());
        }
      }
      for (SequenceFlow stroom : model.getModelElementsByType(SequenceFlow.class)) {
        if (stroom.getDiagramElement() == null) {
          ongetekend.add(bestand + "#" + stroom.getId());
        }
      }
    }
    assertThat(ongetekend).as("elementen zonder vorm of lijn in het diagram").isEmpty();
  }

  /**
   * The check finds exactly what the team's {@code diagram-layout.py} finds, in the same order: on copies of
   * {@code huisverbod} and {@code melding} from release 3167c7c, before their re-layout (20 and 5 defects), and on an
   * example with every rule on both sides of its margin. The {@code .diagram-layout.txt} files are that tool's
   * verbatim {@code --verbose} output.
   */
  @ParameterizedTest
  @ValueSource(strings = {"huisverbod-3167c7c", "melding-3167c7c", "gebreken-voorbeeld"})
  void vindtPreciesWatDiagramLayoutPyVindt(String voorbeeld) throws IOException {
    List<String> uitvoer = Files.readAllLines(VOORBEELDEN.resolve(voorbeeld + ".diagram-layout.txt"));
    Matcher kop = Pattern.compile("^" + Pattern.quote(voorbeeld + ".bpmn.xml") + ": (\\d+) layout defects$")
        .matcher(uitvoer.get(0));
    assertThat(kop.matches()).as("kopregel %s", uitvoer.get(0)).isTrue();
    List<Gebrek> verwacht = uitvoer.stream().filter(regel -> regel.startsWith("  "))
        .map(regel -> vanPython(regel.substring(2))).toList();
    assertThat(verwacht).hasSize(Integer.parseInt(kop.group(1))).isNotEmpty();

    List<Gebrek> gevonden = DiagramOpmaak.controleer(VOORBEELDEN.resolve(voorbeeld + ".bpmn.xml"));

    assertThat(gevonden).containsExactlyElementsOf(verwacht);
  }

  @Test
  void deVoorbeeldenWordenNietGedeployed() throws IOException {
    // The engine deploys classpath*:processes/*.bpmn (application.yaml); the old diagrams must never become a model.
    try (Stream<Path> voorbeelden = Files.list(VOORBEELDEN)) {
      assertThat(voorbeelden.map(p -> p.getFileName().toString()))
          .isNotEmpty()
          .noneMatch(naam -> naam.endsWith(".bpmn"));
    }
    assertThat(Files.readString(Path.of("src", "main", "resources", "application.yaml")))
        .contains("classpath*:processes/*.bpmn");
  }

  private static final Pattern VORMEN = Pattern.compile("shapes overlap: (\\S+) and (\\S+)");
  private static final Pattern STROOM = Pattern.compile("flow (\\S+) \\((.*)\\) runs through (\\S+)");
  private static final Pattern LABELS = Pattern.compile("labels overlap: (\\S+) and (\\S+)");
  private static final Pattern LABEL_OP = Pattern.compile("label of (\\S+) overlaps (\\S+)");

  private static Gebrek vanPython(String regel) {
    Matcher m;
    if ((m = VORMEN.matcher(regel)).matches()) {
      return new Gebrek(Soort.VORMEN_OVERLAPPEN, m.group(1), m.group(2), "");
    }
    if ((m = STROOM.matcher(regel)).matches()) {
      return new Gebrek(Soort.STROOM_DOOR_ELEMENT, m.group(1), m.group(3), "unnamed".equals(m.group(2)) ? "" : m.group(2));
    }
    if ((m = LABELS.matcher(regel)).matches()) {
      return new Gebrek(Soort.LABELS_OVERLAPPEN, m.group(1), m.group(2), "");
    }
    if ((m = LABEL_OP.matcher(regel)).matches()) {
      return new Gebrek(Soort.LABEL_OP_ELEMENT, m.group(1), m.group(2), "");
    }
    throw new IllegalArgumentException("onbekende regel van diagram-layout.py: " + regel);
  }

  private static List<Path> modellen() throws IOException {
    try (Stream<Path> bestanden = Files.list(MODELLEN)) {
      return bestanden.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
    }
  }
}
