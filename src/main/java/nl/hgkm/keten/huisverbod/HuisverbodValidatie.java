package nl.hgkm.keten.huisverbod;

import nl.hgkm.keten.api.VeldFout;
import nl.hgkm.keten.zaak.Bsn;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import nl.hgkm.keten.gemeente.Gemeente;
import nl.hgkm.keten.gemeente.Gemeenten;
import nl.hgkm.keten.kalender.Klok;
import nl.hgkm.keten.kalender.Werkdagenkalender;
import nl.hgkm.keten.regio.Regios;
import org.springframework.stereotype.Component;

/**
 * Checks a request body field by field and reports every error at once, with the field's path
 * ({@code achterblijvers[1].geboortedatum}) and a Dutch message. Reads the JSON tree itself rather than binding it to
 * a type, so that a wrong type in one field ("ja" for a Boolean) is one error among the others instead of the end
 * of the check. Fields it does not know are ignored.
 */
@Component
class HuisverbodValidatie {

  static final int MAXIMALE_NAAM = 200;
  static final int MAXIMALE_FEITEN = 10_000;
  static final int MAXIMALE_REFERENTIE = 100;
  static final int MAXIMAAL_ACHTERBLIJVERS = 50;
  static final int MAXIMAAL_ROOD = 20;
  static final int MAXIMAAL_ADRES = 300;

  private static final Pattern POSTCODE = Pattern.compile("([1-9][0-9]{3})\\s?([A-Za-z]{2})");

  private final Regios regios;
  private final Gemeenten gemeenten;
  private final Klok klok;
  private final ZoneId tijdzone;

  HuisverbodValidatie(Regios regios, Gemeenten gemeenten, Klok klok, Werkdagenkalender kalender) {
    this.regios = regios;
    this.gemeenten = gemeenten;
    this.klok = klok;
    this.tijdzone = kalender.tijdzone();
  }

  HuisverbodVoorstel valideerVoorstel(JsonNode body) {
    Velden v = new Velden(body, "Het voorstel");
    String externeReferentie = v.tekst("externeReferentie", false, MAXIMALE_REFERENTIE);
    String regio = v.tekst("regio", true, 64);
    if (regio != null && !regios.bestaat(regio)) {
      v.fout("regio", "is geen bekende Veilig Thuis-regio; kies uit: " + String.join(", ", regios.slugs()));
    }
    String gemeenteInvoer = v.tekst("gemeente", true, 100);
    String gemeente = null;
    if (gemeenteInvoer != null) {
      Gemeente g = gemeenten.vind(gemeenteInvoer).orElse(null);
      if (g == null) {
        v.fout("gemeente", onbekendeGemeente(gemeenteInvoer));
      } else if (regio != null && regios.bestaat(regio) && !g.regio().equals(regio)) {
        v.fout("gemeente", g.naam() + " hoort bij regio " + g.regio() + ", niet bij regio " + regio);
      } else {
        // Kept by CBS code, so that a later merger moves the case with its municipality.
        gemeente = g.code();
      }
    }
    Instant incidentOp = v.tijdstip("incidentOp", true);
    LocalDate incidentDatum = incidentOp == null ? null : incidentOp.atZone(tijdzone).toLocalDate();

    HuisverbodVoorstel.Pleger pleger = null;
    JsonNode plegerNode = v.object("pleger", true, "een object met naam, geboortedatum en (optioneel) bsn");
    if (plegerNode != null) {
      Velden p = v.binnen(plegerNode, "pleger");
      String naam = p.tekst("naam", true, MAXIMALE_NAAM);
      LocalDate geboortedatum = p.datum("geboortedatum", true, incidentDatum);
      String bsn = p.bsn("bsn");
      pleger = new HuisverbodVoorstel.Pleger(naam, geboortedatum, bsn);
    }

    List<HuisverbodVoorstel.Achterblijver> achterblijvers = new ArrayList<>();
    JsonNode lijst = v.veld("achterblijvers");
    if (lijst != null && !lijst.isArray()) {
      v.fout("achterblijvers", "moet een lijst zijn (mag leeg zijn)");
    } else if (lijst != null) {
      if (lijst.size() > MAXIMAAL_ACHTERBLIJVERS) {
        v.fout("achterblijvers", "mag ten hoogste " + MAXIMAAL_ACHTERBLIJVERS + " personen bevatten");
      }
      for (int i = 0; i < lijst.size(); i++) {
        String pad = "achterblijvers[" + i + "]";
        JsonNode persoon = lijst.get(i);
        if (!persoon.isObject()) {
          v.fout(pad, "moet een object zijn met naam, rol en (optioneel) geboortedatum, bsn en contactverbod");
          continue;
        }
        Velden a = v.binnen(persoon, pad);
        String naam = a.tekst("naam", true, MAXIMALE_NAAM);
        LocalDate geboortedatum = a.datum("geboortedatum", false, incidentDatum);
        String bsn = a.bsn("bsn");
        HuisverbodVoorstel.Rol rol = a.rol("rol");
        Boolean contactverbod = a.booleaan("contactverbod", false);
        achterblijvers.add(new HuisverbodVoorstel.Achterblijver(naam, geboortedatum, bsn, rol,
            contactverbod == null || contactverbod));
      }
    }

    Boolean kindermishandeling = v.booleaan("kindermishandeling", true);

    HuisverbodVoorstel.Rihg rihg = null;
    JsonNode rihgNode = v.object("rihg", true, "een object met roodPleger, roodIncident, roodGezin, "
        + "woontOfVerblijftNietIncidenteel en ernstigOnmiddellijkGevaarOordeel");
    if (rihgNode != null) {
      Velden r = v.binnen(rihgNode, "rihg");
      Integer roodPleger = r.aantalRood("roodPleger");
      Integer roodIncident = r.aantalRood("roodIncident");
      Integer roodGezin = r.aantalRood("roodGezin");
      Boolean woont = r.booleaan("woontOfVerblijftNietIncidenteel", true);
      Boolean gevaar = r.booleaan("ernstigOnmiddellijkGevaarOordeel", true);
      if (roodPleger != null && roodIncident != null && roodGezin != null && woont != null && gevaar != null) {
        rihg = new HuisverbodVoorstel.Rihg(roodPleger, roodIncident, roodGezin, woont, gevaar);
      }
    }

    HuisverbodVoorstel.Woning woning = null;
    JsonNode woningNode = v.object("woning", false, "een object met straat, huisnummer, postcode en plaats");
    if (woningNode != null) {
      Velden w = v.binnen(woningNode, "woning");
      String straat = w.tekst("straat", true, 150);
      String huisnummer = w.tekst("huisnummer", true, 20);
      String postcode = w.postcode("postcode");
      String plaats = w.tekst("plaats", true, 100);
      if (straat != null && huisnummer != null && plaats != null) {
        woning = new HuisverbodVoorstel.Woning(straat, huisnummer, postcode, plaats);
        if (woning.adres().length() > MAXIMAAL_ADRES) {
          v.fout("woning", "het adres mag samen ten hoogste " + MAXIMAAL_ADRES + " tekens bevatten");
        }
      }
    }
    String feiten = v.tekst("feiten", false, MAXIMALE_FEITEN);

    v.weigerBijFouten();
    return new HuisverbodVoorstel(externeReferentie, regio, gemeente, incidentOp, pleger, achterblijvers,
        kindermishandeling, rihg, woning, feiten);
  }

  /** The body of {@code PUT /api/huisverboden/{zaaknummer}/bereikbaarheid}; vastgelegdOp defaults to now. */
  BereikbaarheidVerzoek valideerBereikbaarheid(JsonNode body) {
    Velden v = new Velden(body, "De bereikbaarheid");
    String adres = v.tekst("adres", true, MAXIMAAL_ADRES);
    Instant vastgelegdOp = v.tijdstip("vastgelegdOp", false);
    v.weigerBijFouten();
    return new BereikbaarheidVerzoek(adres, vastgelegdOp == null ? klok.nu() : vastgelegdOp);
  }

  record BereikbaarheidVerzoek(String adres, Instant vastgelegdOp) {}

  private String onbekendeGemeente(String invoer) {
    List<String> bijna = gemeenten.bijna(invoer);
    return "is geen bekende gemeente; geef de CBS-gemeentecode (zoals GM0518) of de naam (zoals den-haag)"
        + (bijna.isEmpty() ? "" : "; bedoelt u: " + String.join(", ", bijna) + "?");
  }

  /** The fields of one JSON object at a path, and the errors found so far (shared with nested objects). */
  private final class Velden {
    private final JsonNode object;
    private final String pad;
    private final String onderwerp;
    private final List<VeldFout> fouten;

    Velden(JsonNode body, String onderwerp) {
      this(body, "", onderwerp, new ArrayList<>());
      if (body == null || body.isNull() || body.isMissingNode()) {
        throw new OngeldigVerzoekException(onderwerp, List.of(
            new VeldFout("", "de body ontbreekt: stuur een JSON-object")));
      }
      if (!body.isObject()) {
        throw new OngeldigVerzoekException(onderwerp, List.of(new VeldFout("", "moet een JSON-object zijn")));
      }
    }

    private Velden(JsonNode object, String pad, String onderwerp, List<VeldFout> fouten) {
      this.object = object;
      this.pad = pad;
      this.onderwerp = onderwerp;
      this.fouten = fouten;
    }

    Velden binnen(JsonNode genest, String padVanGenest) {
      return new Velden(genest, padVanGenest, onderwerp, fouten);
    }

    void fout(String veld, String melding) {
      fouten.add(new VeldFout(volledig(veld), melding));
    }

    void weigerBijFouten() {
      if (!fouten.isEmpty()) {
        throw new OngeldigVerzoekException(onderwerp, fouten);
      }
    }

    private String volledig(String veld) {
      return pad.isEmpty() ? veld : pad + "." + veld;
    }

    /** The field's node; null when absent or JSON null. */
    JsonNode veld(String naam) {
      JsonNode node = object.get(naam);
      return node == null || node.isNull() ? null : node;
    }

    JsonNode object(String naam, boolean verplicht, String vorm) {
      JsonNode node = veld(naam);
      if (node == null) {
        if (verplicht) {
          fout(naam, "is verplicht");
        }
        return null;
      }
      if (!node.isObject()) {
        fout(naam, "moet " + vorm + " zijn");
        return null;
      }
      return node;
    }

    String tekst(String naam, boolean verplicht, int maximaal) {
      JsonNode node = veld(naam);
      if (node == null) {
        if (verplicht) {
          fout(naam, "is verplicht");
        }
        return null;
      }
      if (!node.isTextual()) {
        fout(naam, "moet tekst zijn");
        return null;
      }
      String waarde = node.asText().strip();
      if (waarde.isEmpty()) {
        if (verplicht) {
          fout(naam, "is verplicht en mag niet leeg zijn");
        } else {
          fout(naam, "mag niet leeg zijn; laat het veld weg als er geen waarde is");
        }
        return null;
      }
      if (waarde.length() > maximaal) {
        fout(naam, "mag ten hoogste " + maximaal + " tekens bevatten (nu " + waarde.length() + ")");
        return null;
      }
      return waarde;
    }

    Boolean booleaan(String naam, boolean verplicht) {
      JsonNode node = veld(naam);
      if (node == null) {
        if (verplicht) {
          fout(naam, "is verplicht (true of false)");
        }
        return null;
      }
      if (!node.isBoolean()) {
        fout(naam, "moet true of false zijn");
        return null;
      }
      return node.booleanValue();
    }

    Integer aantalRood(String naam) {
      JsonNode node = veld(naam);
      String vorm = "een geheel getal van 0 tot en met " + MAXIMAAL_ROOD + " (aantal signalen rood)";
      if (node == null) {
        fout(naam, "is verplicht: " + vorm);
        return null;
      }
      if (!node.isIntegralNumber() || !node.canConvertToInt()
          || node.intValue() < 0 || node.intValue() > MAXIMAAL_ROOD) {
        fout(naam, "moet " + vorm + " zijn");
        return null;
      }
      return node.intValue();
    }

    Instant tijdstip(String naam, boolean verplicht) {
      JsonNode node = veld(naam);
      String vorm = "een datum en tijd met tijdzone (ISO-8601, bijvoorbeeld 2027-04-23T10:00:00+02:00)";
      if (node == null) {
        if (verplicht) {
          fout(naam, "is verplicht: " + vorm);
        }
        return null;
      }
      if (!node.isTextual()) {
        fout(naam, "moet " + vorm + " zijn");
        return null;
      }
      Instant moment;
      try {
        moment = OffsetDateTime.parse(node.asText().strip()).toInstant();
      } catch (DateTimeParseException ongeldig) {
        fout(naam, "moet " + vorm + " zijn");
        return null;
      }
      if (moment.isAfter(klok.nu())) {
        fout(naam, "mag niet in de toekomst liggen");
        return null;
      }
      return moment;
    }

    /** A date yyyy-MM-dd; not after {@code uiterlijk} (the incident's local date) when that is known. */
    LocalDate datum(String naam, boolean verplicht, LocalDate uiterlijk) {
      JsonNode node = veld(naam);
      String vorm = "een datum in de vorm jjjj-mm-dd (bijvoorbeeld 1990-01-31)";
      if (node == null) {
        if (verplicht) {
          fout(naam, "is verplicht: " + vorm);
        }
        return null;
      }
      if (!node.isTextual()) {
        fout(naam, "moet " + vorm + " zijn");
        return null;
      }
      LocalDate datum;
      try {
        datum = LocalDate.parse(node.asText().strip());
      } catch (DateTimeParseException ongeldig) {
        fout(naam, "moet " + vorm + " zijn");
        return null;
      }
      if (uiterlijk != null && datum.isAfter(uiterlijk)) {
        fout(naam, "ligt na de datum van het incident (" + uiterlijk + ")");
        return null;
      }
      return datum;
    }

    String bsn(String naam) {
      JsonNode node = veld(naam);
      if (node == null) {
        return null;
      }
      if (!node.isTextual() || !Bsn.heeftNegenCijfers(node.asText())) {
        fout(naam, "moet een burgerservicenummer van 9 cijfers zijn, als tekst (\"111222333\")");
        return null;
      }
      if (!Bsn.isGeldig(node.asText())) {
        fout(naam, "is geen geldig burgerservicenummer (voldoet niet aan de 11-proef)");
        return null;
      }
      return node.asText();
    }

    HuisverbodVoorstel.Rol rol(String naam) {
      JsonNode node = veld(naam);
      String melding = "moet SLACHTOFFER, KIND of OVERIG zijn";
      if (node == null) {
        fout(naam, "is verplicht: SLACHTOFFER, KIND of OVERIG");
        return null;
      }
      if (!node.isTextual()) {
        fout(naam, melding);
        return null;
      }
      try {
        return HuisverbodVoorstel.Rol.valueOf(node.asText().strip());
      } catch (IllegalArgumentException onbekend) {
        fout(naam, melding);
        return null;
      }
    }

    /** A Dutch postcode, written as "1234 AB"; optional. */
    String postcode(String naam) {
      String waarde = tekst(naam, false, 7);
      if (waarde == null) {
        return null;
      }
      var matcher = POSTCODE.matcher(waarde);
      if (!matcher.matches()) {
        fout(naam, "moet een Nederlandse postcode zijn (1234 AB)");
        return null;
      }
      return matcher.group(1) + " " + matcher.group(2).toUpperCase(Locale.ROOT);
    }
  }
}
