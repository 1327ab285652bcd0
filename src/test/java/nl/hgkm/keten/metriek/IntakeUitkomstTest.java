package nl.hgkm.keten.metriek;

import static org.assertj.core.api.Assertions.assertThat;

import nl.hgkm.keten.metriek.IntakeMetrieken.Uitkomst;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IntakeUitkomstTest {

  @ParameterizedTest(name = "HTTP {0}: {1}")
  @CsvSource({
      "201, AANGENOMEN", "200, HERHAALD", "400, GEWEIGERD", "404, GEWEIGERD", "409, GEWEIGERD", "415, GEWEIGERD",
      "500, FOUT", "503, FOUT"})
  void deStatusBepaaltDeUitkomst(int status, Uitkomst uitkomst) {
    assertThat(Uitkomst.van(status, false)).contains(uitkomst);
  }

  @Test
  void eenOnafgehandeldeFoutIsEenFoutOokAlsDeStatusNogNietGezetIs() {
    assertThat(Uitkomst.van(200, true)).contains(Uitkomst.FOUT);
  }

  @Test
  void andereStatussenZijnGeenIntakeUitkomst() {
    assertThat(Uitkomst.van(204, false)).isEmpty();
    assertThat(Uitkomst.van(302, false)).isEmpty();
  }
}
