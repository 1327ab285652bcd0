package nl.hgkm.keten.metriek;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import nl.hgkm.keten.metriek.Bereikbaarheid.Uitslag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BereikbaarheidTest {

  @ParameterizedTest(name = "HTTP {0}: bereikbaar {1}")
  @CsvSource({
      "200, true", "204, true", "301, true", "404, true", "405, true",
      "401, false", "403, false", "500, false", "502, false", "503, false"})
  void eenAntwoordTeltAlsBereikbaarBehalveGeweigerdeInloggegevensEnStoringen(int status, boolean bereikbaar) {
    Uitslag uitslag = Uitslag.vanAntwoord(status, Duration.ofMillis(3));
    assertThat(uitslag.bereikbaar()).isEqualTo(bereikbaar);
    assertThat(uitslag.httpStatus()).isEqualTo(status);
    assertThat(uitslag.oordeel()).contains("HTTP " + status);
  }
}
