package nl.hgkm.keten.melding;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.hgkm.keten.api.VeldFout;
import nl.hgkm.keten.kalender.Klok;
import nl.hgkm.keten.kalender.Werkdagenkalender;
import nl.hgkm.keten.regio.Regios;
import nl.hgkm.keten.zaak.Bsn;
import org.springframework.stereotype.Component;

/**
 * Checks a melding against contract §5 and reports every field error at once, with the field's path in the body
 * ({@code melder.type}, {@code betrokkenen[0].bsn}) and a Dutch message. It reads the JSON tree itself rather than
 * letting Jackson bind it, so that a wrong type is one field error among the others instead of a failure that hides
 * them. Public for the meldcode weighing, which files a melding with the same body and the same checks.
 */
@Component
public class MeldingValidatie {

  static final int MAXIMALE_REFERENTIE = 100;
  static final int MAXIMALE_NAAM = 200;
  static final int MAXIMALE_EMAIL = 254;
  static final int MAXIMALE_OMSCHRIJVING = 10_000;

  static final String VERPLICHT = "is verplicht";
  static final String GEEN_TEKST = "moet tekst zijn";
  static final String GEEN_JA_NEE = "moet true of false zijn";
  static final String IN_DE_TOEKOMST = "mag niet in de toekomst liggen";

  // Deliberately simple: one @, no spaces, a dot in the domain. Deliverability is the mail server's question.
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$");

  private final Regios regios;
  private final Klok klok;
  private final Werkdagenkalender kalender;

  MeldingValidatie(Regios regios, Klok klok, Werkdagenkalender kalender) {
    this.regios = regios;
    this.klok = klok;
    this.kalender = kalender;
  }

  /** @throws OngeldigeMeldingException with every field error at once */
  public MeldingVerzoek valideer(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new OngeldigeMeldingException(List.of(new VeldFout("", "De melding moet een JSON-object zijn.")));
    }
    Fouten fouten = new Fouten();
    Instant nu = klok.nu();

    String externeReferentie = tekst(body, "externeReferentie", "externeReferentie", fouten).orElse(null);
    if (externeReferentie != null) {
      if (externeReferentie.isBlank()) {
        fouten.voegToe("externeReferentie", "mag niet leeg zijn; laat het veld weg als er geen referentie is");
      } else if (externeReferentie.length() > MAXIMALE_REFERENTIE) {
        fouten.voegToe("externeReferentie", teLang(MAXIMALE_REFERENTIE));
      }
    }

    Instant ontvangenOp = nu;
    Optional<String> ontvangen = tekst(body, "ontvangenOp", "ontvangenOp", fouten);
    if (ontvangen.isPresent()) {
      try {
        ontvangenOp = OffsetDateTime.parse(ontvangen.get().strip()).toInstant();
        if (ontvangenOp.isAfter(nu)) {
          fouten.voegToe("ontvangenOp", IN_DE_TOEKOMST);
        }
      } catch (DateTimeParseException e) {
        fouten.voegToe("ontvangenOp",
            "moet een datum en tijd volgens ISO-8601 met tijdzone zijn, bijvoorbeeld 2027-04-23T10:00:00+02:00");
      }
    }

    Optional<String> regio = verplichteTekst(body, "regio", "regio", fouten);
    if (regio.isPresent() && !regios.bestaat(regio.get())) {
      fouten.voegToe("regio", "is geen Veilig Thuis-regio; kies uit: " + String.join(", ", regios.slugs()));
    }

    MeldingVerzoek.Melder melder = melder(body.get("melder"), fouten);
    List<MeldingVerzoek.Persoon> betrokkenen = betrokkenen(body.get("betrokkenen"), nu, fouten);
    Map<String, Boolean> signalen = signalen(body.get("signalen"), fouten);

    String omschrijving = tekst(body, "omschrijving", "omschrijving", fouten).orElse(null);
    if (omschrijving != null && omschrijving.length() > MAXIMALE_OMSCHRIJVING) {
      fouten.voegToe("omschrijving", teLang(MAXIMALE_OMSCHRIJVING));
    }

    if (!fouten.lijst.isEmpty()) {
      throw new OngeldigeMeldingException(fouten.lijst);
    }
    return new MeldingVerzoek(externeReferentie, ontvangenOp, regio.orElseThrow(), melder, betrokkenen, signalen,
        omschrijving == null || omschrijving.isBlank() ? null : omschrijving);
  }

  private MeldingVerzoek.Melder melder(JsonNode melder, Fouten fouten) {
    if (afwezig(melder)) {
      fouten.voegToe("melder", VERPLICHT);
      return null;
    }
    if (!melder.isObject()) {
      fouten.voegToe("melder", "moet een object zijn met type, naam, email en anoniemNaarGezin");
      return null;
    }
    MelderType type = keuze(melder, "type", "melder.type", MelderType.class, fouten);
    Optional<String> naam = verplichteTekst(melder, "naam", "melder.naam", fouten,
        "is verplicht: Veilig Thuis neemt een melding alleen aan met de identiteit van de melder "
            + "(anonimiteit kan alleen naar het gezin worden toegezegd); zonder identiteit is het een advies");
    naam.filter(n -> n.length() > MAXIMALE_NAAM).ifPresent(n -> fouten.voegToe("melder.naam", teLang(MAXIMALE_NAAM)));
    String email = tekst(melder, "email", "melder.email", fouten).map(String::strip).filter(e -> !e.isEmpty())
        .orElse(null);
    if (email != null && (email.length() > MAXIMALE_EMAIL || !EMAIL.matcher(email).matches())) {
      fouten.voegToe("melder.email", "is geen geldig e-mailadres");
    }
    boolean anoniem = jaNee(melder.get("anoniemNaarGezin"), "melder.anoniemNaarGezin", fouten).orElse(false);
    return new MeldingVerzoek.Melder(type, naam.orElse(null), email, anoniem);
  }

  private List<MeldingVerzoek.Persoon> betrokkenen(JsonNode lijst, Instant nu, Fouten fouten) {
    if (afwezig(lijst) || (lijst.isArray() && lijst.isEmpty())) {
      fouten.voegToe("betrokkenen", "moet minstens één betrokkene bevatten");
      return List.of();
    }
    if (!lijst.isArray()) {
      fouten.voegToe("betrokkenen", "moet een lijst van betrokkenen zijn");
      return List.of();
    }
    LocalDate vandaag = kalender.lokaleDatum(nu);
    List<MeldingVerzoek.Persoon> personen = new ArrayList<>();
    for (int i = 0; i < lijst.size(); i++) {
      String pad = "betrokkenen[" + i + "]";
      JsonNode persoon = lijst.get(i);
      if (!persoon.isObject()) {
        fouten.voegToe(pad, "moet een object zijn met rol, naam, geboortedatum en bsn");
        continue;
      }
      BetrokkeneRol rol = keuze(persoon, "rol", pad + ".rol", BetrokkeneRol.class, fouten);
      Optional<String> naam = verplichteTekst(persoon, "naam", pad + ".naam", fouten);
      naam.filter(n -> n.length() > MAXIMALE_NAAM).ifPresent(n -> fouten.voegToe(pad + ".naam", teLang(MAXIMALE_NAAM)));
      LocalDate geboortedatum = null;
      Optional<String> datum = tekst(persoon, "geboortedatum", pad + ".geboortedatum", fouten).filter(d -> !d.isBlank());
      if (datum.isPresent()) {
        try {
          geboortedatum = LocalDate.parse(datum.get().strip());
          if (geboortedatum.isAfter(vandaag)) {
            fouten.voegToe(pad + ".geboortedatum", IN_DE_TOEKOMST);
          }
        } catch (DateTimeParseException e) {
          fouten.voegToe(pad + ".geboortedatum", "moet een datum zijn in de vorm jjjj-mm-dd, bijvoorbeeld 1990-01-31");
        }
      }
      Bsn bsn = null;
      Optional<String> nummer = tekst(persoon, "bsn", pad + ".bsn", fouten).filter(b -> !b.isBlank());
      if (nummer.isPresent()) {
        if (!Bsn.heeftNegenCijfers(nummer.get())) {
          fouten.voegToe(pad + ".bsn", "moet uit precies 9 cijfers bestaan");
        } else if (!Bsn.isGeldig(nummer.get())) {
          fouten.voegToe(pad + ".bsn", "is geen geldig burgerservicenummer (voldoet niet aan de elfproef)");
        } else {
          bsn = new Bsn(nummer.get());
        }
      }
      personen.add(new MeldingVerzoek.Persoon(rol, naam.orElse(null), geboortedatum, bsn));
    }
    return personen;
  }

  private Map<String, Boolean> signalen(JsonNode signalen, Fouten fouten) {
    Map<String, Boolean> gegeven = new LinkedHashMap<>();
    if (afwezig(signalen)) {
      return gegeven;
    }
    if (!signalen.isObject()) {
      fouten.voegToe("signalen", "moet een object zijn met per signaal true of false");
      return gegeven;
    }
    signalen.fields().forEachRemaining(veld -> {
      String pad = "signalen." + veld.getKey();
      if (!Signalen.ALLE.contains(veld.getKey())) {
        fouten.voegToe(pad, "is geen bekend signaal; toegestaan zijn de invoer van de beslissingen "
            + "acute-onveiligheid en structurele-onveiligheid: " + String.join(", ", Signalen.ALLE));
        return;
      }
      jaNee(veld.getValue(), pad, fouten).ifPresent(waarde -> gegeven.put(veld.getKey(), waarde));
    });
    return gegeven;
  }

  private static Optional<String> tekst(JsonNode ouder, String naam, String pad, Fouten fouten) {
    JsonNode waarde = ouder.get(naam);
    if (afwezig(waarde)) {
      return Optional.empty();
    }
    if (!waarde.isTextual()) {
      fouten.voegToe(pad, GEEN_TEKST);
      return Optional.empty();
    }
    return Optional.of(waarde.textValue());
  }

  private static Optional<String> verplichteTekst(JsonNode ouder, String naam, String pad, Fouten fouten) {
    return verplichteTekst(ouder, naam, pad, fouten, VERPLICHT);
  }

  private static Optional<String> verplichteTekst(JsonNode ouder, String naam, String pad, Fouten fouten,
      String verplicht) {
    JsonNode waarde = ouder.get(naam);
    if (afwezig(waarde) || (waarde.isTextual() && waarde.textValue().isBlank())) {
      fouten.voegToe(pad, verplicht);
      return Optional.empty();
    }
    return tekst(ouder, naam, pad, fouten).map(String::strip);
  }

  private static <E extends Enum<E>> E keuze(JsonNode ouder, String naam, String pad, Class<E> soort, Fouten fouten) {
    Optional<String> waarde = verplichteTekst(ouder, naam, pad, fouten);
    if (waarde.isEmpty()) {
      return null;
    }
    return Arrays.stream(soort.getEnumConstants())
        .filter(constante -> constante.name().equals(waarde.get()))
        .findFirst()
        .orElseGet(() -> {
          fouten.voegToe(pad, "moet een van " + Arrays.stream(soort.getEnumConstants()).map(Enum::name)
              .collect(Collectors.joining(", ")) + " zijn");
          return null;
        });
  }

  private static Optional<Boolean> jaNee(JsonNode waarde, String pad, Fouten fouten) {
    if (afwezig(waarde)) {
      return Optional.empty();
    }
    if (!waarde.isBoolean()) {
      fouten.voegToe(pad, GEEN_JA_NEE);
      return Optional.empty();
    }
    return Optional.of(waarde.booleanValue());
  }

  private static boolean afwezig(JsonNode waarde) {
    return waarde == null || waarde.isNull() || waarde.isMissingNode();
  }

  private static String teLang(int maximum) {
    return "mag hoogstens " + String.format(Locale.ROOT, "%,d", maximum).replace(',', '.') + " tekens bevatten";
  }

  private static final class Fouten {
    private final List<VeldFout> lijst = new ArrayList<>();

    void voegToe(String veld, String melding) {
      lijst.add(new VeldFout(veld, melding));
    }
  }
}
