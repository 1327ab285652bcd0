package nl.hgkm.keten.huisverbod;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;

/**
 * Age on the local date of a moment. Only an adult can be ordered out of the home (Wth art. 2(2)); whether the
 * pleger is an adult counts on the date of the incident as it is in the Netherlands (Europe/Amsterdam), not in UTC,
 * and the 18th birthday itself counts as adult: an incident at 00:30 local time on that day concerns an adult.
 *
 * <p>Someone born on 29 February turns a year older on 1 March in a non-leap year (whole years as
 * {@link Period#between} counts them). No Dutch source for that corner was checked; it is the conservative reading
 * (one day later an adult, never one day early).
 */
final class Leeftijd {

  static final int MEERDERJARIG = 18;

  private Leeftijd() {}

  static int jarenOp(LocalDate geboortedatum, LocalDate peildatum) {
    return Period.between(geboortedatum, peildatum).getYears();
  }

  static boolean isMeerderjarig(LocalDate geboortedatum, Instant moment, ZoneId tijdzone) {
    return jarenOp(geboortedatum, moment.atZone(tijdzone).toLocalDate()) >= MEERDERJARIG;
  }

  static boolean isMinderjarig(LocalDate geboortedatum, Instant moment, ZoneId tijdzone) {
    return !isMeerderjarig(geboortedatum, moment, tijdzone);
  }
}
