package nl.hgkm.keten.huisverbod;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;

class ElfproefTest {

  @ParameterizedTest
  @CsvSource({
      "111222333, true",
      "123456782, true",
      "111222334, false",   // one digit off
      "123456789, false",
      "000000000, false",   // sum 0 is a multiple of 11 but not a BSN
      "12345678,  false",   // eight digits
      "1234567890, false",
      "12345678a, false"})
  void elfproef(String bsn, boolean geldig) {
    assertThat(Elfproef.geldig(bsn)).isEqualTo(geldig);
  }

  @ParameterizedTest
  @NullSource
  void geenWaardeIsOngeldig(String bsn) {
    assertThat(Elfproef.geldig(bsn)).isFalse();
  }
}
