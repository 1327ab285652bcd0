package nl.hgkm.keten.kalender;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Dutch working days, as the Algemene termijnenwet counts them (domain §6): no Saturdays, Sundays, the public
 * holidays of art. 3(1), and the extra days declared equal by royal decree (configuration). Every working-day
 * deadline of the chain is computed here; calendar-day terms (Wet tijdelijk huisverbod art. 13) too, so that one
 * bean owns the legal clock and its time zone.
 */
@Component
public class Werkdagenkalender {

  private final ZoneId tijdzone;
  private final Set<LocalDate> extraVrijeDagen;
  private final Map<Integer, Map<LocalDate, String>> feestdagenPerJaar = new ConcurrentHashMap<>();

  public Werkdagenkalender(KalenderProperties properties) {
    this.tijdzone = properties.tijdzone();
    this.extraVrijeDagen = Set.copyOf(properties.extraVrijeDagen());
  }

  public ZoneId tijdzone() {
    return tijdzone;
  }

  public LocalDate lokaleDatum(Instant moment) {
    return moment.atZone(tijdzone).toLocalDate();
  }

  public boolean isWerkdag(LocalDate dag) {
    DayOfWeek weekdag = dag.getDayOfWeek();
    return weekdag != DayOfWeek.SATURDAY
        && weekdag != DayOfWeek.SUNDAY
        && !feestdagen(dag.getYear()).containsKey(dag)
        && !extraVrijeDagen.contains(dag);
  }

  /**
   * The general holidays of Algemene termijnenwet art. 3(1) and (2) in a year, with their Dutch names. Easter-based
   * feasts are computed; Sundays among them (Eerste Paasdag, Eerste Pinksterdag) are weekend days anyway.
   */
  public Map<LocalDate, String> feestdagen(int jaar) {
    return feestdagenPerJaar.computeIfAbsent(jaar, Werkdagenkalender::berekenFeestdagen);
  }

  /** The extra days from configuration (royal decree), for display. */
  public Set<LocalDate> extraVrijeDagen() {
    return Collections.unmodifiableSet(new HashSet<>(extraVrijeDagen));
  }

  /**
   * The n-th working day after {@code dag}: the day itself never counts ("binnen vijf werkdagen na ontvangst").
   */
  public LocalDate werkdagenNa(LocalDate dag, int aantal) {
    if (aantal < 0) {
      throw new IllegalArgumentException("aantal werkdagen moet 0 of meer zijn: " + aantal);
    }
    LocalDate resultaat = dag;
    int geteld = 0;
    while (geteld < aantal) {
      resultaat = resultaat.plusDays(1);
      if (isWerkdag(resultaat)) {
        geteld++;
      }
    }
    return resultaat;
  }

  /**
   * A term of {@code werkdagen} working days after a moment of receipt: the day of receipt (local time) does not
   * count; the term ends at the end of the last working day.
   */
  public Termijn werkdagtermijn(Instant ontvangen, int werkdagen) {
    LocalDate uiterlijk = werkdagenNa(lokaleDatum(ontvangen), werkdagen);
    Instant verstreken = uiterlijk.plusDays(1).atStartOfDay(tijdzone).toInstant();
    return new Termijn(uiterlijk, verstreken.minusSeconds(1), verstreken);
  }

  /**
   * A term in calendar days, weeks or months after the local date of a moment, ending at the end of its last day
   * (e.g. the onderzoek: at most 10 weeks after the veiligheidsbeoordeling).
   */
  public Termijn kalendertermijn(Instant vanaf, Period periode) {
    LocalDate uiterlijk = lokaleDatum(vanaf).plus(periode);
    Instant verstreken = uiterlijk.plusDays(1).atStartOfDay(tijdzone).toInstant();
    return new Termijn(uiterlijk, verstreken.minusSeconds(1), verstreken);
  }

  /**
   * A calendar-day term from a moment, at the same local clock time (Wet tijdelijk huisverbod art. 13: the
   * Algemene termijnenwet does not apply; a daylight-saving change does not shift the hour).
   */
  public Instant plusKalenderdagen(Instant vanaf, int dagen) {
    return vanaf.atZone(tijdzone).plusDays(dagen).toInstant();
  }

  /**
   * A calendar period (days, months, years) after a moment, at the same local clock time: the moments and the end of a
   * monitoring plan (ISO-8601 periods such as {@code P3M} from decision monitoring-plan). A month that is too short
   * ends on its last day (31 January plus P1M is the last day of February); a daylight-saving change does not shift
   * the hour.
   */
  public Instant plusPeriode(Instant vanaf, Period periode) {
    return vanaf.atZone(tijdzone).plus(periode).toInstant();
  }

  /** A duration-based term (hours, weeks), for terms the domain states as a period rather than in working days. */
  public Instant plus(Instant vanaf, Duration duur) {
    return vanaf.plus(duur);
  }

  public ZonedDateTime lokaal(Instant moment) {
    return moment.atZone(tijdzone);
  }

  static LocalDate eerstePaasdag(int jaar) {
    // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
    int a = jaar % 19;
    int b = jaar / 100;
    int c = jaar % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int maand = (h + l - 7 * m + 114) / 31;
    int dag = ((h + l - 7 * m + 114) % 31) + 1;
    return LocalDate.of(jaar, maand, dag);
  }

  private static Map<LocalDate, String> berekenFeestdagen(int jaar) {
    Map<LocalDate, String> dagen = new TreeMap<>();
    LocalDate pasen = eerstePaasdag(jaar);
    dagen.put(LocalDate.of(jaar, Month.JANUARY, 1), "Nieuwjaarsdag");
    dagen.put(pasen.minusDays(2), "Goede Vrijdag");
    dagen.put(pasen, "Eerste Paasdag");
    dagen.put(pasen.plusDays(1), "Tweede Paasdag");
    LocalDate koningsdag = LocalDate.of(jaar, Month.APRIL, 27);
    if (koningsdag.getDayOfWeek() == DayOfWeek.SUNDAY) {
      koningsdag = koningsdag.minusDays(1);
    }
    dagen.put(koningsdag, "Koningsdag");
    dagen.put(LocalDate.of(jaar, Month.MAY, 5), "Bevrijdingsdag");
    dagen.put(pasen.plusDays(39), "Hemelvaartsdag");
    dagen.put(pasen.plusDays(49), "Eerste Pinksterdag");
    dagen.put(pasen.plusDays(50), "Tweede Pinksterdag");
    dagen.put(LocalDate.of(jaar, Month.DECEMBER, 25), "Eerste Kerstdag");
    dagen.put(LocalDate.of(jaar, Month.DECEMBER, 26), "Tweede Kerstdag");
    return Collections.unmodifiableMap(dagen);
  }
}
