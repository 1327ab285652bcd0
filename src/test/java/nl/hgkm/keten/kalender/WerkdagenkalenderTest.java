package nl.hgkm.keten.kalender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Working days per Algemene termijnenwet art. 3 (domain §6), over several years and every holiday. */
class WerkdagenkalenderTest {

  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  private final Werkdagenkalender kalender = new Werkdagenkalender(new KalenderProperties(AMSTERDAM, List.of()));

  @ParameterizedTest(name = "Pasen {0} valt op {1}")
  @CsvSource({
      "2024, 2024-03-31", "2025, 2025-04-20", "2026, 2026-04-05", "2027, 2027-03-28",
      "2028, 2028-04-16", "2029, 2029-04-01", "2030, 2030-04-21", "2038, 2038-04-25", "2285, 2285-03-22"})
  void eerstePaasdagVolgensDeGregoriaanseKalender(int jaar, LocalDate pasen) {
    assertThat(Werkdagenkalender.eerstePaasdag(jaar)).isEqualTo(pasen);
  }

  @ParameterizedTest(name = "{1} {0} is geen werkdag")
  @CsvSource({
      // 2026: every holiday of art. 3(1) and Goede Vrijdag (art. 3(2))
      "2026-01-01, Nieuwjaarsdag", "2026-04-03, Goede Vrijdag", "2026-04-06, Tweede Paasdag",
      "2026-04-27, Koningsdag", "2026-05-05, Bevrijdingsdag", "2026-05-14, Hemelvaartsdag",
      "2026-05-25, Tweede Pinksterdag", "2026-12-25, Eerste Kerstdag",
      // 2027
      "2027-01-01, Nieuwjaarsdag", "2027-03-26, Goede Vrijdag", "2027-03-29, Tweede Paasdag",
      "2027-04-27, Koningsdag", "2027-05-05, Bevrijdingsdag", "2027-05-06, Hemelvaartsdag",
      "2027-05-17, Tweede Pinksterdag",
      // 2028
      "2028-04-14, Goede Vrijdag", "2028-04-17, Tweede Paasdag", "2028-05-05, Bevrijdingsdag",
      "2028-05-25, Hemelvaartsdag", "2028-06-05, Tweede Pinksterdag", "2028-12-25, Eerste Kerstdag",
      "2028-12-26, Tweede Kerstdag"})
  void feestdagenZijnGeenWerkdag(LocalDate dag, String naam) {
    assertThat(kalender.isWerkdag(dag)).as(naam).isFalse();
    assertThat(dag.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
  }

  @Test
  void koningsdagValtOpZaterdag26AprilAlsDe27eEenZondagIs() {
    // 2025 and 2031: 27 April is a Sunday
    assertThat(kalender.feestdagen(2025)).containsEntry(LocalDate.of(2025, 4, 26), "Koningsdag")
        .doesNotContainKey(LocalDate.of(2025, 4, 27));
    assertThat(kalender.feestdagen(2031)).containsEntry(LocalDate.of(2031, 4, 26), "Koningsdag");
    assertThat(kalender.feestdagen(2026)).containsEntry(LocalDate.of(2026, 4, 27), "Koningsdag");
  }

  @Test
  void bevrijdingsdagIsElkJaarEenFeestdag() {
    for (int jaar = 2024; jaar <= 2035; jaar++) {
      assertThat(kalender.feestdagen(jaar)).containsEntry(LocalDate.of(jaar, 5, 5), "Bevrijdingsdag");
    }
  }

  @Test
  void elkJaarHeeftDeElfNamenVanDeWet() {
    for (int jaar = 2024; jaar <= 2035; jaar++) {
      Map<LocalDate, String> dagen = kalender.feestdagen(jaar);
      assertThat(dagen.values()).containsExactlyInAnyOrder("Nieuwjaarsdag", "Goede Vrijdag", "Eerste Paasdag",
          "Tweede Paasdag", "Koningsdag", "Bevrijdingsdag", "Hemelvaartsdag", "Eerste Pinksterdag",
          "Tweede Pinksterdag", "Eerste Kerstdag", "Tweede Kerstdag");
      LocalDate pasen = Werkdagenkalender.eerstePaasdag(jaar);
      assertThat(pasen.getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
      assertThat(pasen.plusDays(39).getDayOfWeek()).isEqualTo(DayOfWeek.THURSDAY);
    }
  }

  @Test
  void kerstInHetWeekendGeeftGeenVervangendeVrijeDag() {
    // 25 and 26 December 2027 are Saturday and Sunday; the Monday after is an ordinary working day
    assertThat(kalender.isWerkdag(LocalDate.of(2027, 12, 27))).isTrue();
  }

  @Test
  void weekendIsGeenWerkdag() {
    assertThat(kalender.isWerkdag(LocalDate.of(2026, 11, 28))).isFalse(); // Saturday
    assertThat(kalender.isWerkdag(LocalDate.of(2026, 11, 29))).isFalse(); // Sunday
    assertThat(kalender.isWerkdag(LocalDate.of(2026, 11, 30))).isTrue();  // Monday
  }

  @Test
  void extraVrijeDagenUitDeConfiguratieTellenNiet() {
    // e.g. a royal decree making the Friday after Ascension 2027 equal to a holiday
    Werkdagenkalender metBrugdag = new Werkdagenkalender(
        new KalenderProperties(AMSTERDAM, List.of(LocalDate.of(2027, 5, 7))));
    assertThat(kalender.isWerkdag(LocalDate.of(2027, 5, 7))).isTrue();
    assertThat(metBrugdag.isWerkdag(LocalDate.of(2027, 5, 7))).isFalse();
    // receipt Wed 5 May 2027 (holiday): Thu 6 Ascension, Fri 7 decreed, so Mon 10 .. Fri 14
    assertThat(metBrugdag.werkdagenNa(LocalDate.of(2027, 5, 5), 5)).isEqualTo(LocalDate.of(2027, 5, 14));
    assertThat(kalender.werkdagenNa(LocalDate.of(2027, 5, 5), 5)).isEqualTo(LocalDate.of(2027, 5, 13));
  }

  @ParameterizedTest(name = "ontvangen {0}: uiterlijk {1}")
  @CsvSource({
      // plain week: Monday -> next Monday
      "2026-11-30T10:00:00+01:00, 2026-12-07",
      // over a weekend: Friday -> Friday
      "2026-11-27T16:00:00+01:00, 2026-12-04",
      // received on a Saturday: counting starts Monday
      "2026-11-28T09:00:00+01:00, 2026-12-04",
      // Christmas 2026: Thu 24 Dec -> skip 25, 26 (Sat), 27 (Sun): 28, 29, 30, 31, then 1 Jan: 4 Jan
      "2026-12-24T12:00:00+01:00, 2027-01-04",
      // Easter 2027: Wed 24 Mar -> Thu 25, (Fri 26 Goede Vrijdag), (Mon 29), Tue 30, Wed 31, Thu 1 Apr, Fri 2
      "2027-03-24T12:00:00+01:00, 2027-04-02",
      // Koningsdag and Bevrijdingsdag 2027 and Ascension: Fri 23 Apr -> 26, 28, 29, 30, 3 May
      "2027-04-23T10:00:00+02:00, 2027-05-03",
      // Ascension + 5 mei 2027: Tue 4 May -> (5, 6 holidays) 7, 10, 11, 12, 13
      "2027-05-04T10:00:00+02:00, 2027-05-13",
      // Whit Monday 2027: Fri 14 May -> (17) 18, 19, 20, 21, 24
      "2027-05-14T10:00:00+02:00, 2027-05-24"})
  void vijfWerkdagenNaOntvangst(String ontvangen, LocalDate uiterlijk) {
    Termijn termijn = kalender.werkdagtermijn(ZonedDateTime.parse(ontvangen).toInstant(), 5);
    assertThat(termijn.uiterlijk()).isEqualTo(uiterlijk);
    assertThat(termijn.einde()).isEqualTo(uiterlijk.atTime(23, 59, 59).atZone(AMSTERDAM).toInstant());
    assertThat(termijn.verstreken()).isEqualTo(uiterlijk.plusDays(1).atStartOfDay(AMSTERDAM).toInstant());
  }

  @Nested
  class OntvangstLaatInDeNacht {

    @Test
    void eenMeldingOmHalfTwaalfLokaalTeltAlsDonderdag() {
      // 21:30 UTC on Thursday 22 April 2027 is 23:30 in Amsterdam: still Thursday
      Termijn termijn = kalender.werkdagtermijn(Instant.parse("2027-04-22T21:30:00Z"), 5);
      assertThat(termijn.uiterlijk()).isEqualTo(LocalDate.of(2027, 4, 30));
    }

    @Test
    void eenMeldingOmHalfEenLokaalTeltAlsVrijdagOokAlIsHetInUtcNogDonderdag() {
      // 22:30 UTC on Thursday 22 April 2027 is 00:30 on Friday 23 April in Amsterdam
      Termijn termijn = kalender.werkdagtermijn(Instant.parse("2027-04-22T22:30:00Z"), 5);
      assertThat(termijn.uiterlijk()).isEqualTo(LocalDate.of(2027, 5, 3));
    }

    @Test
    void winterUurOokGoed() {
      // 23:30 UTC on Monday 30 Nov 2026 is 00:30 on Tuesday 1 Dec in Amsterdam (UTC+1)
      assertThat(kalender.werkdagtermijn(Instant.parse("2026-11-30T23:30:00Z"), 5).uiterlijk())
          .isEqualTo(LocalDate.of(2026, 12, 8));
      assertThat(kalender.werkdagtermijn(Instant.parse("2026-11-30T22:59:00Z"), 5).uiterlijk())
          .isEqualTo(LocalDate.of(2026, 12, 7));
    }
  }

  @Test
  void kalenderdagenHoudenDezelfdeLokaleKloktijdOverDeZomertijdWissel() {
    // Wth art. 13: 10 calendar days. Imposed Fri 20 March 2026 18:00 CET; summer time starts 29 March.
    Instant opgelegd = ZonedDateTime.parse("2026-03-20T18:00:00+01:00").toInstant();
    Instant einde = kalender.plusKalenderdagen(opgelegd, 10);
    assertThat(einde.atZone(AMSTERDAM).toLocalDateTime().toString()).isEqualTo("2026-03-30T18:00");
    assertThat(einde).isEqualTo(Instant.parse("2026-03-30T16:00:00Z"));
  }

  @Test
  void kalendertermijnVanTienWeken() {
    Termijn termijn = kalender.kalendertermijn(ZonedDateTime.parse("2026-12-01T15:00:00+01:00").toInstant(),
        Period.ofWeeks(10));
    assertThat(termijn.uiterlijk()).isEqualTo(LocalDate.of(2027, 2, 9));
  }

  @Test
  void periodeInMaandenHoudtDeLokaleKloktijdEnEindigtOpDeLaatsteDagVanEenKorteMaand() {
    // A monitoring plan started Sunday 31 January 2027 10:00 CET: P1M ends on 28 February (CET), P3M on 30 April (CEST).
    Instant start = ZonedDateTime.parse("2027-01-31T10:00:00+01:00").toInstant();
    assertThat(kalender.plusPeriode(start, Period.parse("P1M")).atZone(AMSTERDAM).toLocalDateTime().toString())
        .isEqualTo("2027-02-28T10:00");
    assertThat(kalender.plusPeriode(start, Period.parse("P3M"))).isEqualTo(Instant.parse("2027-04-30T08:00:00Z"));
    assertThat(kalender.plusPeriode(start, Period.parse("P12M")))
        .isEqualTo(ZonedDateTime.parse("2028-01-31T10:00:00+01:00").toInstant());
  }

  @Test
  void negatiefAantalWerkdagenIsEenFout() {
    assertThatThrownBy(() -> kalender.werkdagenNa(LocalDate.of(2026, 1, 5), -1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
