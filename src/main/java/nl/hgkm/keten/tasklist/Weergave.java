package nl.hgkm.keten.tasklist;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one mapping from the chain's codes to the words a case manager reads: every decision outcome, signal (ground),
 * reporter type, role and choice the processes store as a code, and the Dutch way to write dates, times, periods and
 * yes/no. Forms and task cards show these words (through {@link TaakWeergave}); {@code WeergaveTest} fails when a
 * code of a decision table or a domain enum has no word here.
 */
public final class Weergave {

  /** The users' time zone: every date and time is shown as it is on the clock in the Netherlands. */
  public static final ZoneId TIJDZONE = ZoneId.of("Europe/Amsterdam");
  private static final Locale NEDERLANDS = Locale.forLanguageTag("nl-NL");
  private static final DateTimeFormatter DATUM = DateTimeFormatter.ofPattern("d MMMM yyyy", NEDERLANDS);
  private static final DateTimeFormatter DATUM_TIJD = DateTimeFormatter.ofPattern("d MMMM yyyy 'om' HH:mm",
      NEDERLANDS);

  private static final DateTimeFormatter KORT = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", NEDERLANDS);

  private static final Map<String, String> WOORDEN = new LinkedHashMap<>();

  static {
    // Reporter (melder.type) and persons' roles.
    woord("PROFESSIONAL", "professional");
    woord("BURGER", "burger");
    woord("POLITIE", "politie");
    woord("INFORMANT_ARTS", "arts (informant)");
    woord("SLACHTOFFER", "slachtoffer");
    woord("PLEGER", "pleger");
    woord("KIND", "kind");
    woord("OVERIG", "overig");
    // acute-onveiligheid: the grounds (an input's name is the ground).
    woord("directLevensgevaar", "direct levensgevaar");
    woord("ernstigLetselOfPoging", "ernstig letsel of een poging daartoe");
    woord("mensenhandel", "mensenhandel");
    woord("gevaarDoorMiddelenOfPsychischeCrisisVerzorger",
        "gevaar door middelengebruik of een psychische crisis van een verzorger");
    woord("acuteDreigingDodenLetselVrijheidsberoving", "acute dreiging met doden, letsel of vrijheidsberoving");
    woord("verminkingHandicapOfDood", "risico op verminking, blijvende handicap of dood");
    woord("ontbrekenBasaleVerzorging", "basale verzorging ontbreekt");
    // structurele-onveiligheid.
    woord("ouderProblematiekHerhaaldBedreigendVoorKind", "problematiek van een ouder is herhaald bedreigend voor het kind");
    woord("zorgafhankelijkeVolwasseneHerhaaldBedreigd", "een zorgafhankelijke volwassene wordt herhaald bedreigd");
    woord("kindStelselmatigGetuigeHG", "kind is stelselmatig getuige van huiselijk geweld");
    woord("escalerendeLangdurigeStalking", "escalerende, langdurige stalking");
    woord("herhalendeOfVoortdurendeOnveiligeGebeurtenissen", "herhaalde of voortdurende onveilige gebeurtenissen");
    // radar-classificatie.
    woord("NIEUWE_MELDING", "nieuwe melding");
    woord("HERMELDING", "hermelding");
    woord("VERVOLGMELDING_TIJDENS_VB", "vervolgmelding tijdens de veiligheidsbeoordeling");
    woord("VERVOLGMELDING_NA_VB", "vervolgmelding na de veiligheidsbeoordeling");
    woord("VERVOLGMELDING_TIJDENS_MONITORING", "vervolgmelding tijdens monitoring");
    woord("GEEN", "geen");
    woord("VEILIGHEIDSBEOORDELING", "veiligheidsbeoordeling loopt");
    woord("NA_VEILIGHEIDSBEOORDELING", "na de veiligheidsbeoordeling");
    woord("MONITORING", "monitoring");
    // vervolg-na-veiligheidsbeoordeling (also the origin of a monitoring plan).
    woord("OMZETTEN_IN_ADVIES", "omzetten in een advies");
    woord("VERZOEK_ONDERZOEK_RVDK", "verzoek om onderzoek aan de Raad voor de Kinderbescherming");
    woord("ONDERZOEK_VT", "onderzoek door Veilig Thuis");
    woord("MDA_PLUSPLUS", "aanmelden voor MDA++");
    woord("VOORWAARDEN_EN_VERVOLG", "veiligheidsvoorwaarden en vervolg");
    woord("OVERDRACHT_LOPENDE_HULPVERLENING", "overdracht aan de lopende hulpverlening");
    woord("EINDE_BEMOEIENIS", "einde bemoeienis");
    woord("OVERDRACHT_LOKAAL_TEAM", "overdracht aan het lokale team");
    woord("ONDERZOEK", "onderzoek door Veilig Thuis");
    woord("HUISVERBOD", "tijdelijk huisverbod");
    // terugkoppeling-melder.
    woord("NA_ONDERZOEK", "na het onderzoek");
    woord("VERVOLG_JA_NEE", "of er een vervolg is");
    woord("OVERDRACHTSPARTIJEN", "aan wie is overgedragen");
    woord("VEILIGHEIDSVOORWAARDEN_EN_MONITORAFSPRAKEN", "de veiligheidsvoorwaarden en monitoringsafspraken");
    // rihg-huisverbod-advies.
    woord("NIET_TOEGESTAAN_MINDERJARIG", "niet toegestaan: de pleger is minderjarig");
    woord("NIET_TOEGESTAAN_GEEN_GEDEELDE_WONING", "niet toegestaan: de pleger woont of verblijft er niet");
    woord("EERST_OVERLEG_VEILIG_THUIS", "eerst overleggen met Veilig Thuis");
    woord("HUISVERBOD_IN_BEGINSEL", "huisverbod in beginsel");
    woord("HUISVERBOD_MOGELIJK_MOTIVERING_VEREIST", "huisverbod mogelijk, motivering vereist");
    woord("GEEN_HUISVERBOD", "geen huisverbod");
    // The decision to impose, who decides, the court's ruling.
    woord("OPLEGGEN", "opleggen");
    woord("NIET_OPLEGGEN", "niet opleggen");
    woord("BURGEMEESTER", "burgemeester");
    woord("LOCOBURGEMEESTER", "locoburgemeester");
    woord("HULPOFFICIER", "hulpofficier van justitie");
    woord("AFGEWEZEN", "afgewezen");
    woord("TOEGEWEZEN", "toegewezen");
    // huisverbod-verlenging.
    woord("NIET_BEVOEGD_GEEN_MANDAAT", "niet bevoegd: verlengen kan niet in mandaat");
    woord("NIET_MOGELIJK_VERLOPEN", "niet mogelijk: het huisverbod is verlopen");
    woord("GEEN_GRONDSLAG", "geen grondslag: de dreiging zet niet voort");
    woord("MAXIMUM_OVERSCHREDEN", "niet mogelijk: langer dan 28 dagen");
    woord("VERLENGING_TOEGESTAAN", "verlenging toegestaan");
    // meldcode-afwegingskader.
    woord("IN_AFWEGING", "de afweging loopt nog");
    woord("AFSLUITEN_EN_VASTLEGGEN", "afsluiten en vastleggen");
    woord("MELDEN_VT", "melden bij Veilig Thuis");
    woord("MELDEN_VT_AFWEGINGEN_3_5_SAMEN_MET_VT", "melden bij Veilig Thuis, afwegingen 3 tot en met 5 samen met Veilig Thuis");
    woord("HULP_BIEDEN_OF_ORGANISEREN", "hulp bieden of organiseren");
    woord("OPNIEUW_MELDEN_VT", "opnieuw melden bij Veilig Thuis");
    woord("HULP_AFSLUITEN_MET_VOLGAFSPRAKEN", "hulp afsluiten met afspraken over het volgen");
    // monitoring-plan.
    woord("STANDAARD", "standaard");
    woord("VERHOOGD", "verhoogd");
    woord("HOOG", "hoog");
    // Choices in the forms (first contact, reachability).
    woord("TELEFONISCH", "telefonisch");
    woord("PERSOONLIJK", "persoonlijk");
    woord("PER_BRIEF", "per brief");
    woord("NIET_BEREIKBAAR", "niet bereikbaar");
  }

  private Weergave() {}

  private static void woord(String code, String woord) {
    if (WOORDEN.put(code, woord) != null) {
      throw new IllegalStateException("Code " + code + " staat twee keer in de weergave");
    }
  }

  /** Every code with its words, in the order above. */
  public static Map<String, String> woorden() {
    return java.util.Collections.unmodifiableMap(WOORDEN);
  }

  /** The words for a code; an unknown code as it is (a free text stays a free text). */
  public static String woord(Object code) {
    if (code == null) {
      return "";
    }
    String tekst = String.valueOf(code);
    return WOORDEN.getOrDefault(tekst, tekst);
  }

  public static boolean isCode(Object waarde) {
    return waarde instanceof String tekst && WOORDEN.containsKey(tekst);
  }

  /** "a, b" or a collection of codes: "words of a, words of b"; empty: "geen". */
  public static String lijst(Object codes) {
    List<String> delen = delen(codes);
    return delen.isEmpty() ? "geen" : delen.stream().map(Weergave::woord).collect(Collectors.joining(", "));
  }

  /**
   * The grounds of a melding as one labelled Markdown list ("- Acuut: direct levensgevaar"), acute first; "Geen
   * acute of structurele gronden uit de melding." when there are none.
   */
  public static String gronden(Object acuteGronden, Object structureleGronden) {
    List<String> regels = new ArrayList<>();
    delen(acuteGronden).forEach(g -> regels.add("- **Acuut**: " + woord(g)));
    delen(structureleGronden).forEach(g -> regels.add("- **Structureel**: " + woord(g)));
    return regels.isEmpty() ? "Geen acute of structurele gronden uit de melding." : String.join("\n", regels);
  }

  public static String janee(Object waarde) {
    return Boolean.TRUE.equals(waarde) || "true".equals(waarde) ? "ja" : "nee";
  }

  /** "3 december 2026 om 09:42" (Europe/Amsterdam). */
  public static String datumTijd(Instant moment) {
    return DATUM_TIJD.format(moment.atZone(TIJDZONE));
  }

  /**
   * A task's due date on its card, short enough for the card's column: "9 december 2026" for a term that ends with
   * the day (23:59, as the working-day calendar sets it), "4 dec. 2026 14:30" for one that ends at a time.
   */
  public static String termijn(Instant moment) {
    ZonedDateTime lokaal = moment.atZone(TIJDZONE);
    return lokaal.getHour() == 23 && lokaal.getMinute() == 59 ? datum(lokaal.toLocalDate())
        : KORT.format(lokaal);
  }

  /** "10 december 2026". */
  public static String datum(LocalDate datum) {
    return DATUM.format(datum);
  }

  /**
   * A date or time as a Dutch reader writes it, from what the processes store: a {@link Date}, an ISO-8601 date-time
   * with offset or zone (as Camunda Forms submit it), an instant, or a date ({@code 2026-12-10}). Empty when the
   * value is none of these.
   */
  public static Optional<String> tijdstip(Object waarde) {
    if (waarde instanceof Date datum) {
      return Optional.of(datumTijd(datum.toInstant()));
    }
    if (waarde instanceof Instant moment) {
      return Optional.of(datumTijd(moment));
    }
    if (waarde instanceof LocalDate datum) {
      return Optional.of(datum(datum));
    }
    if (!(waarde instanceof String tekst) || tekst.length() < 10) {
      return Optional.empty();
    }
    try {
      return Optional.of(tekst.length() == 10 ? datum(LocalDate.parse(tekst))
          : datumTijd(OffsetDateTime.parse(tekst).toInstant()));
    } catch (DateTimeParseException geenOffset) {
      try {
        return Optional.of(datumTijd(ZonedDateTime.parse(tekst).toInstant()));
      } catch (DateTimeParseException geenZone) {
        try {
          return Optional.of(datumTijd(Instant.parse(tekst)));
        } catch (DateTimeParseException geenTijdstip) {
          return Optional.empty();
        }
      }
    }
  }

  /** An ISO-8601 period in words: {@code P3M} "3 maanden", {@code P1M} "1 maand", {@code P2W} "2 weken". */
  public static Optional<String> periode(Object waarde) {
    if (!(waarde instanceof String tekst) || !tekst.startsWith("P")) {
      return Optional.empty();
    }
    Period periode;
    try {
      periode = Period.parse(tekst);
    } catch (DateTimeParseException geenPeriode) {
      return Optional.empty();
    }
    List<String> delen = new ArrayList<>();
    deel(delen, periode.getYears(), "jaar", "jaar");
    deel(delen, periode.getMonths(), "maand", "maanden");
    int dagen = periode.getDays();
    if (dagen > 0 && dagen % 7 == 0) {
      deel(delen, dagen / 7, "week", "weken");
    } else {
      deel(delen, dagen, "dag", "dagen");
    }
    return delen.isEmpty() ? Optional.empty() : Optional.of(String.join(" en ", delen));
  }

  private static void deel(List<String> delen, int aantal, String enkelvoud, String meervoud) {
    if (aantal != 0) {
      delen.add(aantal + " " + (aantal == 1 ? enkelvoud : meervoud));
    }
  }

  private static List<String> delen(Object codes) {
    if (codes == null) {
      return List.of();
    }
    if (codes instanceof Collection<?> verzameling) {
      return verzameling.stream().map(String::valueOf).filter(s -> !s.isBlank()).toList();
    }
    return Arrays.stream(String.valueOf(codes).split(",")).map(String::trim).filter(s -> !s.isBlank()).toList();
  }
}
