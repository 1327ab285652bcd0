package nl.hgkm.keten.beslissing;

import static nl.hgkm.keten.beslissing.Beslissingstabel.invoer;
import static nl.hgkm.keten.beslissing.Beslissingstabel.rij;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Decision {@code huisverbod-verlenging} (FIRST, rules F1-F5; Wth art. 3 and 9). An empty cell is null: an extension
 * is only allowed when every condition is established, so null never leads to {@code VERLENGING_TOEGESTAAN}.
 */
class HuisverbodVerlengingBeslissingTest {

  private static final Beslissingstabel TABEL = Beslissingstabel.laad("huisverbod-verlenging");

  @ParameterizedTest(name = "[{index}] {0} vanKracht={1} dreiging={2} {3} dagen -> {4}")
  @CsvSource({
    // beslisser, huisverbodVanKracht, dreigingZetVoort, totaleDuurDagen, uitkomst
    // F1: extending cannot be mandated; first of all
    "HULPOFFICIER,     true,  true,  20, NIET_BEVOEGD_GEEN_MANDAAT",
    "HULPOFFICIER,     false, false, 40, NIET_BEVOEGD_GEEN_MANDAAT",
    ",                 true,  true,  20, NIET_BEVOEGD_GEEN_MANDAAT",
    "WETHOUDER,        true,  true,  20, NIET_BEVOEGD_GEEN_MANDAAT",
    // F2: an order no longer in force cannot be extended; before F3 and F4
    "BURGEMEESTER,     false, true,  20, NIET_MOGELIJK_VERLOPEN",
    "LOCOBURGEMEESTER, ,      true,  20, NIET_MOGELIJK_VERLOPEN",
    "BURGEMEESTER,     false, false, 40, NIET_MOGELIJK_VERLOPEN",
    // F3: the danger must continue; before F4
    "BURGEMEESTER,     true,  false, 20, GEEN_GRONDSLAG",
    "BURGEMEESTER,     true,  ,      20, GEEN_GRONDSLAG",
    "LOCOBURGEMEESTER, true,  false, 40, GEEN_GRONDSLAG",
    // F4: at most four weeks (28 calendar days) after imposition; an extension without an end exceeds it
    "BURGEMEESTER,     true,  true,  29, MAXIMUM_OVERSCHREDEN",
    "LOCOBURGEMEESTER, true,  true,  29, MAXIMUM_OVERSCHREDEN",
    "BURGEMEESTER,     true,  true,  ,   MAXIMUM_OVERSCHREDEN",
    // F5
    "BURGEMEESTER,     true,  true,  28, VERLENGING_TOEGESTAAN",
    "LOCOBURGEMEESTER, true,  true,  28, VERLENGING_TOEGESTAAN",
    "BURGEMEESTER,     true,  true,  11, VERLENGING_TOEGESTAAN",
  })
  void uitkomst(
      String beslisser, Boolean huisverbodVanKracht, Boolean dreigingZetVoort, Integer totaleDuurDagen, String uitkomst) {
    assertThat(
            TABEL.evalueer(
                invoer(
                    "beslisser", beslisser,
                    "huisverbodVanKracht", huisverbodVanKracht,
                    "dreigingZetVoort", dreigingZetVoort,
                    "totaleDuurDagen", totaleDuurDagen)))
        .containsExactly(rij("uitkomst", uitkomst));
  }
}
