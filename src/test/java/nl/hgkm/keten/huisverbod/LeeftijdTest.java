package nl.hgkm.keten.huisverbod;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LeeftijdTest {

  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  @ParameterizedTest(name = "geboren {0}, incident {1}: meerderjarig {2}")
  @CsvSource({
      "2009-04-23, 2027-04-23T00:00:00+02:00, true",   // first moment of the 18th birthday, local time
      "2009-04-23, 2027-04-22T22:00:00Z,      true",   // the same moment written in UTC (still the 22nd there)
      "2009-04-23, 2027-04-22T21:59:59Z,      false",  // one second earlier: 23:59:59 on the 22nd locally
      "2009-04-24, 2027-04-23T23:59:59+02:00, false",  // last moment before the birthday
      "2009-01-15, 2027-01-14T23:30:00Z,      true",   // winter time: 00:30 on the 15th locally
      "2009-01-15, 2027-01-14T22:30:00Z,      false",
      "2008-02-29, 2026-02-28T12:00:00+01:00, false",  // born on a leap day: not yet 18 on 28 February...
      "2008-02-29, 2026-03-01T00:00:00+01:00, true",   // ...but on 1 March
      "1985-06-01, 2027-04-23T10:00:00+02:00, true"})
  void meerderjarigOpDeLokaleDatum(LocalDate geboren, String incident, boolean meerderjarig) {
    Instant moment = java.time.OffsetDateTime.parse(incident).toInstant();
    assertThat(Leeftijd.isMeerderjarig(geboren, moment, AMSTERDAM)).isEqualTo(meerderjarig);
    assertThat(Leeftijd.isMinderjarig(geboren, moment, AMSTERDAM)).isEqualTo(!meerderjarig);
  }
}
