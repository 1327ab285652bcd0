package nl.hgkm.keten.beslissing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Decision {@code terugkoppeling-melder} (COLLECT): the parts of the feedback to the reporter. The rules are the same
 * after the veiligheidsbeoordeling and after an onderzoek, so every row is checked at both moments. The rows cover
 * every combination of reporter type and the two Booleans; expected parts are "|"-separated, in rule order.
 */
class TerugkoppelingMelderBeslissingTest {

  private static final Beslissingstabel TABEL = Beslissingstabel.laad("terugkoppeling-melder");

  private static final List<String> MOMENTEN = List.of("NA_VEILIGHEIDSBEOORDELING", "NA_ONDERZOEK");

  @ParameterizedTest(name = "[{index}] {0} vervolg={1} rol={2} -> {3}")
  @CsvSource({
    // melderType, vervolgIngezet, melderRolInVervolg, onderdelen
    "PROFESSIONAL,   false, false, VERVOLG_JA_NEE",
    "PROFESSIONAL,   true,  false, VERVOLG_JA_NEE|OVERDRACHTSPARTIJEN",
    "PROFESSIONAL,   false, true,  VERVOLG_JA_NEE|VEILIGHEIDSVOORWAARDEN_EN_MONITORAFSPRAKEN",
    "PROFESSIONAL,   true,  true,  VERVOLG_JA_NEE|OVERDRACHTSPARTIJEN|VEILIGHEIDSVOORWAARDEN_EN_MONITORAFSPRAKEN",
    // the police report as professionals
    "POLITIE,        false, false, VERVOLG_JA_NEE",
    "POLITIE,        true,  false, VERVOLG_JA_NEE|OVERDRACHTSPARTIJEN",
    "POLITIE,        false, true,  VERVOLG_JA_NEE|VEILIGHEIDSVOORWAARDEN_EN_MONITORAFSPRAKEN",
    "POLITIE,        true,  true,  VERVOLG_JA_NEE|OVERDRACHTSPARTIJEN|VEILIGHEIDSVOORWAARDEN_EN_MONITORAFSPRAKEN",
    // a citizen does not hear the hand-over parties
    "BURGER,         false, false, VERVOLG_JA_NEE",
    "BURGER,         true,  false, VERVOLG_JA_NEE",
    "BURGER,         false, true,  VERVOLG_JA_NEE|VEILIGHEIDSVOORWAARDEN_EN_MONITORAFSPRAKEN",
    "BURGER,         true,  true,  VERVOLG_JA_NEE|VEILIGHEIDSVOORWAARDEN_EN_MONITORAFSPRAKEN",
    // a doctor who only gave information gets no standard feedback
    "INFORMANT_ARTS, false, false, ",
    "INFORMANT_ARTS, true,  false, ",
    "INFORMANT_ARTS, false, true,  ",
    "INFORMANT_ARTS, true,  true,  ",
    // not answered is not true
    "PROFESSIONAL,   ,      ,      VERVOLG_JA_NEE",
    // an unknown reporter type is still a reporter (Wmo 2015 art. 4.1.1 lid 2 sub g), but not a professional
    ",               true,  true,  VERVOLG_JA_NEE|VEILIGHEIDSVOORWAARDEN_EN_MONITORAFSPRAKEN",
  })
  void onderdelenOpBeideMomenten(
      String melderType, Boolean vervolgIngezet, Boolean melderRolInVervolg, String onderdelen) {
    List<String> verwacht = onderdelen == null ? List.of() : List.of(onderdelen.split("\\|"));

    for (String moment : MOMENTEN) {
      assertThat(TABEL.verzamel("onderdeel", invoer(moment, melderType, vervolgIngezet, melderRolInVervolg)))
          .as("moment %s", moment)
          .containsExactlyElementsOf(verwacht);
    }
  }

  @ParameterizedTest(name = "[{index}] moment {0} -> geen terugkoppeling")
  @NullSource
  @ValueSource(strings = "NA_INTAKE")
  void alleenOpDeVasteMomenten(String moment) {
    assertThat(TABEL.verzamel("onderdeel", invoer(moment, "PROFESSIONAL", true, true))).isEmpty();
  }

  private static VariableMap invoer(
      String moment, String melderType, Boolean vervolgIngezet, Boolean melderRolInVervolg) {
    return Beslissingstabel.invoer(
        "moment", moment,
        "melderType", melderType,
        "vervolgIngezet", vervolgIngezet,
        "melderRolInVervolg", melderRolInVervolg);
  }
}
