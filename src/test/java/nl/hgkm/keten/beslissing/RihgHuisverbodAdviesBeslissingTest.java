package nl.hgkm.keten.beslissing;

import static nl.hgkm.keten.beslissing.Beslissingstabel.invoer;
import static nl.hgkm.keten.beslissing.Beslissingstabel.rij;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Decision {@code rihg-huisverbod-advies} (FIRST, rules E1-E6). An empty cell is null. The statutory conditions of
 * Wth art. 2 (adult, shared home, consultation with Veilig Thuis) must be established: null there counts as not met.
 */
class RihgHuisverbodAdviesBeslissingTest {

  private static final Beslissingstabel TABEL = Beslissingstabel.laad("rihg-huisverbod-advies");

  @ParameterizedTest(name = "[{index}] {8}")
  @CsvSource({
    // meerderjarig, woont, kindermishandeling, overlegVT, oordeelGevaar, roodPleger, roodIncident, roodGezin, advies
    // E1: only an adult, before everything else; not established counts as not met
    "false, true,  false, false, true,  20, 20, 20, NIET_TOEGESTAAN_MINDERJARIG",
    ",      true,  false, false, true,  20, 20, 20, NIET_TOEGESTAAN_MINDERJARIG",
    "false, false, true,  false, true,  20, 20, 20, NIET_TOEGESTAAN_MINDERJARIG",
    // E2: only the shared home
    "true,  false, false, false, true,  20, 20, 20, NIET_TOEGESTAAN_GEEN_GEDEELDE_WONING",
    "true,  ,      false, false, true,  20, 20, 20, NIET_TOEGESTAAN_GEEN_GEDEELDE_WONING",
    "true,  false, true,  false, true,  20, 20, 20, NIET_TOEGESTAAN_GEEN_GEDEELDE_WONING",
    // E3: child abuse needs the consultation with Veilig Thuis first, before the reds count
    "true,  true,  true,  false, true,  20, 20, 20, EERST_OVERLEG_VEILIG_THUIS",
    "true,  true,  true,  ,      false, 2,  0,  0,  EERST_OVERLEG_VEILIG_THUIS",
    "true,  true,  true,  true,  false, 2,  0,  0,  HUISVERBOD_IN_BEGINSEL",
    "true,  true,  false, false, false, 2,  0,  0,  HUISVERBOD_IN_BEGINSEL",
    "true,  true,  ,      false, false, 2,  0,  0,  HUISVERBOD_IN_BEGINSEL",
    // E4a-c: at least two reds in one part; one red is not enough, and reds do not add up over parts
    "true,  true,  false, false, false, 1,  0,  0,  GEEN_HUISVERBOD",
    "true,  true,  false, false, false, 2,  0,  0,  HUISVERBOD_IN_BEGINSEL",
    "true,  true,  false, false, false, 0,  1,  0,  GEEN_HUISVERBOD",
    "true,  true,  false, false, false, 0,  2,  0,  HUISVERBOD_IN_BEGINSEL",
    "true,  true,  false, false, false, 0,  0,  1,  GEEN_HUISVERBOD",
    "true,  true,  false, false, false, 0,  0,  2,  HUISVERBOD_IN_BEGINSEL",
    "true,  true,  false, false, false, 1,  1,  1,  GEEN_HUISVERBOD",
    "true,  true,  false, false, false, 20, 20, 20, HUISVERBOD_IN_BEGINSEL",
    // E4 before E5
    "true,  true,  false, false, true,  0,  2,  0,  HUISVERBOD_IN_BEGINSEL",
    // E5: the statutory criterion with fewer reds, with reasons
    "true,  true,  false, false, true,  1,  1,  1,  HUISVERBOD_MOGELIJK_MOTIVERING_VEREIST",
    "true,  true,  true,  true,  true,  0,  0,  0,  HUISVERBOD_MOGELIJK_MOTIVERING_VEREIST",
    "true,  true,  false, false, true,  ,   ,   ,   HUISVERBOD_MOGELIJK_MOTIVERING_VEREIST",
    // E6
    "true,  true,  false, false, false, 0,  0,  0,  GEEN_HUISVERBOD",
    "true,  true,  false, false, ,      1,  1,  1,  GEEN_HUISVERBOD",
    "true,  true,  false, false, false, ,   ,   ,   GEEN_HUISVERBOD",
  })
  void advies(
      Boolean plegerMeerderjarig,
      Boolean woontOfVerblijftNietIncidenteel,
      Boolean kindermishandeling,
      Boolean overlegVeiligThuisGevoerd,
      Boolean ernstigOnmiddellijkGevaarOordeel,
      Integer roodPleger,
      Integer roodIncident,
      Integer roodGezin,
      String advies) {
    assertThat(
            TABEL.evalueer(
                invoer(
                    "plegerMeerderjarig", plegerMeerderjarig,
                    "woontOfVerblijftNietIncidenteel", woontOfVerblijftNietIncidenteel,
                    "kindermishandeling", kindermishandeling,
                    "overlegVeiligThuisGevoerd", overlegVeiligThuisGevoerd,
                    "ernstigOnmiddellijkGevaarOordeel", ernstigOnmiddellijkGevaarOordeel,
                    "roodPleger", roodPleger,
                    "roodIncident", roodIncident,
                    "roodGezin", roodGezin)))
        .containsExactly(rij("advies", advies));
  }
}
