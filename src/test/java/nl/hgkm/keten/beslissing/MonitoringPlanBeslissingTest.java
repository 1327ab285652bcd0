package nl.hgkm.keten.beslissing;

import static nl.hgkm.keten.beslissing.Beslissingstabel.invoer;
import static nl.hgkm.keten.beslissing.Beslissingstabel.rij;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.impl.calendar.DurationHelper;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Decision {@code monitoring-plan} (FIRST; a project design on the domain default of monitoring every 3 months). An
 * empty cell is null. {@code eerdereMeldingen12Maanden} does not count the current melding.
 */
class MonitoringPlanBeslissingTest {

  private static final Beslissingstabel TABEL = Beslissingstabel.laad("monitoring-plan");

  @ParameterizedTest(name = "[{index}] {0} kinderen={1} eerder={2} acuut={3} huisverbod={4} -> {5}/{6}/{7}")
  @CsvSource({
    // herkomst, kinderenBetrokken, eerdereMeldingen12Maanden, acuutInVoorgeschiedenis, huisverbodOpgelegd, interval, duur, risicoprofiel
    // M1: MDA++ first, whatever else holds
    "MDA_PLUSPLUS,           false, 0, false, false, P1M, P24M, HOOG",
    "MDA_PLUSPLUS,           true,  3, true,  true,  P1M, P24M, HOOG",
    // M2: two or more earlier meldingen; one is not enough
    "VOORWAARDEN_EN_VERVOLG, false, 2, false, false, P1M, P18M, HOOG",
    "ONDERZOEK,              true,  5, true,  true,  P1M, P18M, HOOG",
    "VOORWAARDEN_EN_VERVOLG, false, 1, false, false, P3M, P12M, STANDAARD",
    // M3: a huisverbod with children, before M4
    "HUISVERBOD,             true,  0, false, true,  P1M, P18M, HOOG",
    "HUISVERBOD,             true,  1, true,  true,  P1M, P18M, HOOG",
    // M4a, M4b
    "ONDERZOEK,              false, 0, true,  false, P2M, P18M, VERHOOGD",
    "HUISVERBOD,             false, 0, false, true,  P2M, P18M, VERHOOGD",
    "HUISVERBOD,             ,      0, false, true,  P2M, P18M, VERHOOGD",
    // M4 before M5
    "ONDERZOEK,              true,  1, true,  false, P2M, P18M, VERHOOGD",
    // M5: children and at least one earlier melding
    "VOORWAARDEN_EN_VERVOLG, true,  1, false, false, P2M, P12M, VERHOOGD",
    "VOORWAARDEN_EN_VERVOLG, true,  0, false, false, P3M, P12M, STANDAARD",
    "VOORWAARDEN_EN_VERVOLG, false, 1, false, false, P3M, P12M, STANDAARD",
    "VOORWAARDEN_EN_VERVOLG, true,  ,  false, false, P3M, P12M, STANDAARD",
    // M6: the domain default
    "VOORWAARDEN_EN_VERVOLG, false, 0, false, false, P3M, P12M, STANDAARD",
    "VERZOEK_ONDERZOEK_RVDK, false, 0, false, false, P3M, P12M, STANDAARD",
    ",                       ,      ,  ,      ,      P3M, P12M, STANDAARD",
  })
  void plan(
      String herkomst,
      Boolean kinderenBetrokken,
      Integer eerdereMeldingen12Maanden,
      Boolean acuutInVoorgeschiedenis,
      Boolean huisverbodOpgelegd,
      String interval,
      String duur,
      String risicoprofiel) {
    assertThat(
            TABEL.evalueer(
                invoer(
                    "herkomst", herkomst,
                    "kinderenBetrokken", kinderenBetrokken,
                    "eerdereMeldingen12Maanden", eerdereMeldingen12Maanden,
                    "acuutInVoorgeschiedenis", acuutInVoorgeschiedenis,
                    "huisverbodOpgelegd", huisverbodOpgelegd)))
        .containsExactly(rij("interval", interval, "duur", duur, "risicoprofiel", risicoprofiel));
  }

  /** Every interval and duration the table can give, read from the model (FEEL string literals, unquoted). */
  static Stream<String> periodenInDeTabel() throws IOException {
    try (InputStream dmn = MonitoringPlanBeslissingTest.class.getResourceAsStream("/decisions/monitoring-plan.dmn")) {
      DecisionTable tabel = Dmn.readModelFromStream(dmn).getModelElementsByType(DecisionTable.class).iterator().next();
      List<String> uitvoer = tabel.getOutputs().stream().map(Output::getName).toList();
      return tabel.getRules().stream()
          .flatMap(
              regel -> {
                List<OutputEntry> cellen = List.copyOf(regel.getOutputEntries());
                return Stream.of(cellen.get(uitvoer.indexOf("interval")), cellen.get(uitvoer.indexOf("duur")));
              })
          .map(cel -> cel.getText().getTextContent().strip().replace("\"", ""))
          .distinct()
          .toList()
          .stream();
    }
  }

  /** Every interval and duration is an ISO-8601 period that a Camunda timer adds as calendar months. */
  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("periodenInDeTabel")
  void bruikbaarAlsTimerduur(String periode) throws Exception {
    LocalDateTime start = LocalDateTime.of(2027, 1, 31, 10, 0);
    Date begin = Date.from(start.atZone(ZoneId.systemDefault()).toInstant());

    Date einde = new DurationHelper(periode, begin).getDateAfter(begin);

    assertThat(LocalDateTime.ofInstant(einde.toInstant(), ZoneId.systemDefault()))
        .isEqualTo(start.plus(Period.parse(periode)));
  }
}
