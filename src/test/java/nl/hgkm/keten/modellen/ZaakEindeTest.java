package nl.hgkm.keten.modellen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.hgkm.keten.zaak.Afsluitreden;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No path of the chain ends without monitoring or a recorded reason why none is needed: every end event of
 * {@code melding} and {@code huisverbod} at process level records an {@link Afsluitreden}, unless it only ends one of
 * the parallel branches (feedback to the reporter, the steps after imposing an order) while the case goes on. And the
 * paths that need monitoring reach the call activity of process {@code monitoring}.
 */
class ZaakEindeTest {

  private static final Pattern AFSLUITING = Pattern.compile("\\$\\{afsluiting\\.vastleggen\\(execution, '([A-Z_]+)'\\)}");

  /** Ends of a parallel branch: the case itself goes on along another branch. */
  private static final Map<String, Set<String>> TAKEINDEN = Map.of(
      "melding", Set.of("Einde_MelderTeruggekoppeld"),
      "huisverbod", Set.of("Einde_HuishoudenGeinformeerd", "Einde_BurgemeesterGeinformeerd",
          "Einde_DoorBurgemeesterOpgelegd", "Einde_VeiligThuisGeinformeerd", "Einde_PolitieGeregistreerd",
          "Einde_BereikbaarheidBekend", "Einde_BereikbaarheidVastgelegdDoorPolitie",
          "Einde_BereikbaarheidBijOplegging", "Einde_HulpaanbodGestart"));

  @ParameterizedTest
  @ValueSource(strings = {"melding", "huisverbod"})
  void elkEindeVanDeZaakLegtDeRedenVast(String proces) {
    BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("processes", proces + ".bpmn").toFile());
    List<EndEvent> einden = model.getModelElementsByType(EndEvent.class).stream()
        .filter(einde -> einde.getParentElement() instanceof Process)
        .toList();
    Set<String> redenen = Arrays.stream(Afsluitreden.values()).map(Enum::name).collect(Collectors.toSet());

    for (EndEvent einde : einden) {
      List<String> codes = einde.getExtensionElements() == null ? List.of()
          : einde.getExtensionElements().getElementsQuery().filterByType(CamundaExecutionListener.class).list()
              .stream()
              .map(CamundaExecutionListener::getCamundaExpression)
              .map(AFSLUITING::matcher)
              .filter(Matcher::matches)
              .map(m -> m.group(1))
              .toList();
      if (TAKEINDEN.get(proces).contains(einde.getId())) {
        assertThat(codes).as("%s is het einde van een parallelle tak", einde.getId()).isEmpty();
      } else {
        assertThat(codes).as("afsluitreden van %s", einde.getId()).hasSize(1);
        assertThat(redenen).as("afsluitreden van %s", einde.getId()).contains(codes.get(0));
      }
    }
    assertThat(einden).extracting(FlowNode::getId).containsAll(TAKEINDEN.get(proces));
  }

  @ParameterizedTest
  @ValueSource(strings = {"melding", "huisverbod"})
  void deZaakGaatNaarDeMonitoring(String proces) {
    BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("processes", proces + ".bpmn").toFile());
    CallActivity monitoring = model.getModelElementById("Monitoring");
    assertThat(monitoring.getCalledElement()).isEqualTo("monitoring");
    assertThat(monitoring.getIncoming()).hasSize(1);
    // melding: voorwaarden en vervolg, onderzoek met voorwaarden, verzoek aan de Raad, MDA++; huisverbod: het einde
    assertThat(monitoring.getPreviousNodes().singleResult().getIncoming())
        .hasSize("melding".equals(proces) ? 4 : 1);
  }
}
