package nl.hgkm.keten.beslissing;

import static nl.hgkm.keten.beslissing.Beslissingstabel.invoer;
import static nl.hgkm.keten.beslissing.Beslissingstabel.rij;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Decision {@code radar-classificatie} (UNIQUE): the CBS categories of a melding about persons VT knows. */
class RadarClassificatieBeslissingTest {

  private static final Beslissingstabel TABEL = Beslissingstabel.laad("radar-classificatie");

  @ParameterizedTest(name = "[{index}] {0}, eerder bekend {1} -> {2}")
  @CsvSource({
    // lopendeBetrokkenheidFase, eerderBekendBijVT, categorie, bundelMetLopendDossier, radarSignaal
    // G1-G3: a running involvement decides, whatever the history says
    "VEILIGHEIDSBEOORDELING,    true,  VERVOLGMELDING_TIJDENS_VB,         true,  true",
    "VEILIGHEIDSBEOORDELING,    false, VERVOLGMELDING_TIJDENS_VB,         true,  true",
    "VEILIGHEIDSBEOORDELING,    ,      VERVOLGMELDING_TIJDENS_VB,         true,  true",
    "NA_VEILIGHEIDSBEOORDELING, true,  VERVOLGMELDING_NA_VB,              true,  true",
    "NA_VEILIGHEIDSBEOORDELING, false, VERVOLGMELDING_NA_VB,              true,  true",
    "NA_VEILIGHEIDSBEOORDELING, ,      VERVOLGMELDING_NA_VB,              true,  true",
    "MONITORING,                true,  VERVOLGMELDING_TIJDENS_MONITORING, true,  true",
    "MONITORING,                false, VERVOLGMELDING_TIJDENS_MONITORING, true,  true",
    "MONITORING,                ,      VERVOLGMELDING_TIJDENS_MONITORING, true,  true",
    // G4: known before, involvement ended: a new file, flagged on the radar
    "GEEN,                      true,  HERMELDING,                        false, true",
    // G5: first melding about these persons
    "GEEN,                      false, NIEUWE_MELDING,                    false, false",
  })
  void categorie(
      String fase, Boolean eerderBekend, String categorie, Boolean bundelMetLopendDossier, Boolean radarSignaal) {
    assertThat(TABEL.evalueer(invoer("lopendeBetrokkenheidFase", fase, "eerderBekendBijVT", eerderBekend)))
        .containsExactly(
            rij("categorie", categorie, "bundelMetLopendDossier", bundelMetLopendDossier, "radarSignaal", radarSignaal));
  }

  /**
   * Without a running involvement the history must be known: an unknown history is not silently classified as a new
   * melding (which would drop the radar signal), and an unknown phase is not classified at all.
   */
  @ParameterizedTest(name = "[{index}] {0}, eerder bekend {1} -> geen categorie")
  @CsvSource({
    "GEEN,     ",
    ",         true",
    ",         false",
    "ONBEKEND, true",
  })
  void onvolledigeRadarcheckGeeftGeenCategorie(String fase, Boolean eerderBekend) {
    assertThat(TABEL.evalueer(invoer("lopendeBetrokkenheidFase", fase, "eerderBekendBijVT", eerderBekend))).isEmpty();
  }
}
