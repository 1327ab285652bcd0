package nl.hgkm.keten.huisverbod;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import nl.hgkm.keten.document.DocumentSjablonen;
import nl.hgkm.keten.gemeente.Gemeente;
import nl.hgkm.keten.gemeente.Gemeenten;
import nl.hgkm.keten.kalender.Klok;
import nl.hgkm.keten.kalender.Werkdagenkalender;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What the beschikking delegates share: the case file they write from, Dutch dates, the names under the contact ban,
 * and storing a document once per step (request id {@code zaaknummer.activityId.executionId}: a step that runs
 * again on the same execution gets the document it wrote before, not a second one).
 */
@Component
class Beschikkingen {

  static final String BESCHIKKING_OPLEGGING = "BESCHIKKING_OPLEGGING";
  static final String BESCHIKKING_VERLENGING = "BESCHIKKING_VERLENGING";
  static final String BESCHIKKING_INTREKKING = "BESCHIKKING_INTREKKING";

  private static final Locale NEDERLANDS = Locale.forLanguageTag("nl-NL");
  private static final DateTimeFormatter DATUM = DateTimeFormatter.ofPattern("d MMMM yyyy", NEDERLANDS);
  private static final DateTimeFormatter DATUM_TIJD =
      DateTimeFormatter.ofPattern("d MMMM yyyy 'om' HH:mm 'uur'", NEDERLANDS);

  private final HuisverbodRepository dossiers;
  private final DocumentSjablonen sjablonen;
  private final Gemeenten gemeenten;
  private final Werkdagenkalender kalender;
  private final Klok klok;
  private final ZoneId tijdzone;

  Beschikkingen(HuisverbodRepository dossiers, DocumentSjablonen sjablonen, Gemeenten gemeenten,
      Werkdagenkalender kalender, Klok klok) {
    this.dossiers = dossiers;
    this.sjablonen = sjablonen;
    this.gemeenten = gemeenten;
    this.kalender = kalender;
    this.klok = klok;
    this.tijdzone = kalender.tijdzone();
  }

  /** The case file a beschikking is written from. */
  record Dossier(HuisverbodRepository.Huisverbod huisverbod, HuisverbodRepository.Persoon pleger,
      List<HuisverbodRepository.Persoon> contactverbod) {}

  Dossier dossier(String zaaknummer) {
    HuisverbodRepository.Huisverbod huisverbod = dossiers.huisverbod(zaaknummer)
        .orElseThrow(() -> new IllegalStateException("Geen huisverbod " + zaaknummer + " in het dossier"));
    List<HuisverbodRepository.Persoon> personen = dossiers.personen(zaaknummer);
    HuisverbodRepository.Persoon pleger = personen.stream().filter(HuisverbodRepository.Persoon::isPleger)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("Huisverbod " + zaaknummer + " heeft geen pleger"));
    List<HuisverbodRepository.Persoon> contactverbod = personen.stream()
        .filter(p -> !p.isPleger() && p.contactverbod())
        .toList();
    return new Dossier(huisverbod, pleger, contactverbod);
  }

  /**
   * The home the order concerns (art. 2(4)(a)): variable {@code woningAdres} when the step's form gave it (it is
   * then kept in the case file), else the address the proposal gave. No beschikking without one.
   */
  String woning(DelegateExecution execution, Dossier dossier) {
    Optional<String> uitFormulier = ProcesVariabelen.optioneleTekst(execution, "woningAdres");
    if (uitFormulier.isPresent()) {
      if (uitFormulier.get().length() > HuisverbodValidatie.MAXIMAAL_ADRES) {
        throw new IllegalStateException("woningAdres is langer dan " + HuisverbodValidatie.MAXIMAAL_ADRES + " tekens");
      }
      if (!uitFormulier.get().equals(dossier.huisverbod().woningAdres())) {
        dossiers.woning(dossier.huisverbod().zaaknummer(), uitFormulier.get());
      }
      return uitFormulier.get();
    }
    String adres = dossier.huisverbod().woningAdres();
    if (adres == null) {
      throw new IllegalStateException("Huisverbod " + dossier.huisverbod().zaaknummer() + ": de woning is niet "
          + "bekend; een beschikking vermeldt de plaats (art. 2 lid 4 sub a Wth). Geef variabele woningAdres mee.");
    }
    return adres;
  }

  /** The names under the contact ban, one per line, with birth dates where known (art. 2(4)(c)). */
  String contactverbod(Dossier dossier) {
    if (dossier.contactverbod().isEmpty()) {
      return "";
    }
    return dossier.contactverbod().stream()
        .map(p -> "   - " + p.naam() + (p.geboortedatum() == null ? "" : ", geboren op " + datum(p.geboortedatum())))
        .collect(Collectors.joining("\n"));
  }

  String gemeentenaam(String code) {
    return gemeenten.vind(code).map(Gemeente::naam).orElse(code);
  }

  String datum(LocalDate dag) {
    return dag.format(DATUM);
  }

  String datumTijd(Instant moment) {
    return moment.atZone(tijdzone).format(DATUM_TIJD);
  }

  String vandaag() {
    return datum(kalender.lokaleDatum(klok.nu()));
  }

  Instant nu() {
    return klok.nu();
  }

  /** Whole calendar days from one moment to another, local time (Wth art. 13: calendar days). */
  long kalenderdagen(Instant van, Instant tot) {
    return java.time.temporal.ChronoUnit.DAYS.between(van.atZone(tijdzone), tot.atZone(tijdzone));
  }

  Instant plusKalenderdagen(Instant van, int dagen) {
    return kalender.plusKalenderdagen(van, dagen);
  }

  /**
   * Writes the document of this step once: fills the template and stores it, unless this step already wrote one on
   * this execution. Returns the document's id.
   */
  long schrijfEenmaal(DelegateExecution execution, String zaaknummer, String soort, String sjabloon,
      Map<String, ?> waarden) {
    String verzoekId = ProcesVariabelen.verzoekId(execution, zaaknummer);
    Optional<Long> eerder = dossiers.documentVanVerzoek(verzoekId);
    if (eerder.isPresent()) {
      return eerder.get();
    }
    DocumentSjablonen.Opgemaakt document = sjablonen.maakOp(sjabloon, waarden);
    String actor = ProcesVariabelen.actor(execution);
    long id = dossiers.nieuwDocument(zaaknummer, soort, document.titel(), document.tekst(), actor, verzoekId);
    dossiers.audit(zaaknummer, actor, "DOCUMENT_OPGESTELD", document.titel() + " opgesteld (document " + id + ")");
    return id;
  }

  /** The Dutch text of an advice of {@code rihg-huisverbod-advies}, as a beschikking quotes it. */
  static String adviesTekst(String advies) {
    if (advies == null) {
      return "niet vastgelegd";
    }
    return switch (advies) {
      case "HUISVERBOD_IN_BEGINSEL" -> "in ten minste één onderdeel is twee keer of vaker rood gescoord; "
          + "in beginsel wordt een huisverbod opgelegd";
      case "HUISVERBOD_MOGELIJK_MOTIVERING_VEREIST" -> "in geen onderdeel is twee keer of vaker rood gescoord, maar "
          + "naar het oordeel van de hulpofficier van justitie is sprake van ernstig en onmiddellijk gevaar; een "
          + "huisverbod is mogelijk, met een nadere motivering";
      case "EERST_OVERLEG_VEILIG_THUIS" -> "bij kindermishandeling wordt eerst overlegd met Veilig Thuis "
          + "(artikel 2, derde lid)";
      case "GEEN_HUISVERBOD" -> "geen huisverbod";
      case "NIET_TOEGESTAAN_MINDERJARIG" -> "een huisverbod kan alleen aan een meerderjarige worden opgelegd "
          + "(artikel 2, tweede lid)";
      case "NIET_TOEGESTAAN_GEEN_GEDEELDE_WONING" -> "een huisverbod kan alleen gelden voor een woning waar de "
          + "betrokkene woont of anders dan incidenteel verblijft";
      default -> advies;
    };
  }
}
