package nl.hgkm.keten.beslissing;

import static nl.hgkm.keten.beslissing.Beslissingstabel.invoer;
import static nl.hgkm.keten.beslissing.Beslissingstabel.rij;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Decision {@code meldcode-afwegingskader} (UNIQUE): the five questions of the afwegingskader, asked in order. An
 * empty cell below is null: the question was not answered, so the weighing stands at that question.
 */
class MeldcodeAfwegingskaderBeslissingTest {

  private static final Beslissingstabel TABEL = Beslissingstabel.laad("meldcode-afwegingskader");

  @ParameterizedTest(name = "[{index}] q1={0} q2={1} q3={2} q4={3} q5={4} -> {5}, volgende {6}")
  @CsvSource({
    // q1,  q2,    q3,    q4,    q5,    besluit,                               volgendeAfweging
    // A0: nothing answered yet, and question 1 open whatever else was filled in
    ",      ,      ,      ,      ,      IN_AFWEGING,                           1",
    ",      true,  true,  true,  true,  IN_AFWEGING,                           1",
    ",      false, false, false, false, IN_AFWEGING,                           1",
    // A1: no suspicion closes, whatever else was filled in
    "false, ,      ,      ,      ,      AFSLUITEN_EN_VASTLEGGEN,               ",
    "false, true,  false, true,  false, AFSLUITEN_EN_VASTLEGGEN,               ",
    // A2
    "true,  ,      ,      ,      ,      IN_AFWEGING,                           2",
    "true,  ,      true,  true,  true,  IN_AFWEGING,                           2",
    // A3: acute or structural unsafety reports; questions 3-5 then go together with Veilig Thuis
    "true,  true,  ,      ,      ,      MELDEN_VT_AFWEGINGEN_3_5_SAMEN_MET_VT, 3",
    "true,  true,  true,  true,  true,  MELDEN_VT_AFWEGINGEN_3_5_SAMEN_MET_VT, 3",
    "true,  true,  false, false, false, MELDEN_VT_AFWEGINGEN_3_5_SAMEN_MET_VT, 3",
    // A4
    "true,  false, ,      ,      ,      IN_AFWEGING,                           3",
    "true,  false, ,      true,  true,  IN_AFWEGING,                           3",
    // A5
    "true,  false, false, ,      ,      MELDEN_VT,                             ",
    "true,  false, false, true,  true,  MELDEN_VT,                             ",
    // A6
    "true,  false, true,  ,      ,      IN_AFWEGING,                           4",
    "true,  false, true,  ,      true,  IN_AFWEGING,                           4",
    // A7
    "true,  false, true,  false, ,      MELDEN_VT,                             ",
    "true,  false, true,  false, true,  MELDEN_VT,                             ",
    // A8: help accepted, the result is not known yet
    "true,  false, true,  true,  ,      HULP_BIEDEN_OF_ORGANISEREN,            5",
    // A9
    "true,  false, true,  true,  false, OPNIEUW_MELDEN_VT,                     ",
    // A10
    "true,  false, true,  true,  true,  HULP_AFSLUITEN_MET_VOLGAFSPRAKEN,      ",
  })
  void besluitEnVolgendeAfweging(
      Boolean q1, Boolean q2, Boolean q3, Boolean q4, Boolean q5, String besluit, Integer volgendeAfweging) {
    assertThat(TABEL.evalueer(antwoorden(q1, q2, q3, q4, q5)))
        .containsExactly(rij("besluit", besluit, "volgendeAfweging", volgendeAfweging));
  }

  /** UNIQUE: every one of the 3^5 combinations of true, false and not answered hits exactly one rule. */
  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("elkeCombinatie")
  void elkeCombinatieRaaktPreciesEenRegel(List<Boolean> antwoorden) {
    assertThat(TABEL.evalueer(antwoorden(antwoorden.toArray(Boolean[]::new)))).hasSize(1);
  }

  static Stream<Arguments> elkeCombinatie() {
    List<List<Boolean>> combinaties = List.of(List.of());
    for (int vraag = 0; vraag < 5; vraag++) {
      List<List<Boolean>> langer = new ArrayList<>();
      for (List<Boolean> begin : combinaties) {
        for (Boolean antwoord : Arrays.asList(true, false, null)) {
          List<Boolean> c = new ArrayList<>(begin);
          c.add(antwoord);
          langer.add(c);
        }
      }
      combinaties = langer;
    }
    return combinaties.stream().map(c -> Arguments.of(c));
  }

  private static VariableMap antwoorden(Boolean... q) {
    return invoer(
        "q1Vermoeden", q[0],
        "q2AcuutOfStructureel", q[1],
        "q3EffectieveHulpMogelijk", q[2],
        "q4HulpAanvaard", q[3],
        "q5ResultaatBereikt", q[4]);
  }
}
