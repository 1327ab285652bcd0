package nl.hgkm.keten.meldcode;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.hgkm.keten.api.VeldFout;
import org.springframework.stereotype.Component;

/**
 * Reads the body of {@code POST /api/meldcode/afweging} field by field, in the style of the melding intake: every
 * error of the body's form at once, each with its path ({@code antwoorden.q2AcuutOfStructureel}) and a Dutch message.
 * Whether an answer may be given at all (the order of the questions, a required reasoning) depends on what was
 * recorded before; {@link MeldcodeAfwegingen} checks that and adds its errors to these.
 */
@Component
class AfwegingValidatie {

  static final int MAXIMALE_TOELICHTING = 2_000;

  /** The request as far as it could be read, and what was wrong with the rest. */
  record Gelezen(AfwegingVerzoek verzoek, List<VeldFout> fouten) {
    Gelezen {
      fouten = List.copyOf(fouten);
    }
  }

  Gelezen lees(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new OngeldigeAfwegingException(List.of(new VeldFout("",
          "De afweging moet een JSON-object zijn met antwoorden en toelichting.")));
    }
    List<VeldFout> fouten = new ArrayList<>();

    String afwegingId = null;
    JsonNode id = body.get("afwegingId");
    if (!afwezig(id)) {
      if (!id.isTextual()) {
        fouten.add(new VeldFout("afwegingId", "moet tekst zijn: het afwegingId uit een eerder antwoord"));
      } else if (id.textValue().isBlank()) {
        fouten.add(new VeldFout("afwegingId", "mag niet leeg zijn; laat het veld weg voor een nieuwe afweging"));
      } else {
        afwegingId = id.textValue().strip();
      }
    }

    Map<Afwegingsvraag, Boolean> antwoorden = new EnumMap<>(Afwegingsvraag.class);
    velden(body, "antwoorden", fouten).forEach(veld -> {
      String pad = "antwoorden." + veld.naam();
      Optional<Afwegingsvraag> vraag = vraag(veld.naam(), pad, fouten);
      if (vraag.isEmpty()) {
        return;
      }
      if (veld.waarde().isNull()) {
        antwoorden.put(vraag.get(), null);
      } else if (veld.waarde().isBoolean()) {
        antwoorden.put(vraag.get(), veld.waarde().booleanValue());
      } else {
        fouten.add(new VeldFout(pad, "moet true, false of null (nog niet beantwoord) zijn"));
      }
    });

    Map<Afwegingsvraag, String> toelichting = new EnumMap<>(Afwegingsvraag.class);
    velden(body, "toelichting", fouten).forEach(veld -> {
      String pad = "toelichting." + veld.naam();
      Optional<Afwegingsvraag> vraag = vraag(veld.naam(), pad, fouten);
      if (vraag.isEmpty() || veld.waarde().isNull()) {
        return;
      }
      if (!veld.waarde().isTextual()) {
        fouten.add(new VeldFout(pad, "moet tekst zijn"));
      } else if (veld.waarde().textValue().isBlank()) {
        fouten.add(new VeldFout(pad, "mag niet leeg zijn: leg vast waarom u tot dit antwoord komt"));
      } else if (veld.waarde().textValue().strip().length() > MAXIMALE_TOELICHTING) {
        fouten.add(new VeldFout(pad, "mag hoogstens "
            + String.format(Locale.ROOT, "%,d", MAXIMALE_TOELICHTING).replace(',', '.') + " tekens bevatten"));
      } else {
        toelichting.put(vraag.get(), veld.waarde().textValue().strip());
      }
    });

    return new Gelezen(new AfwegingVerzoek(afwegingId, antwoorden, toelichting), fouten);
  }

  private record Veld(String naam, JsonNode waarde) {}

  private static List<Veld> velden(JsonNode body, String naam, List<VeldFout> fouten) {
    JsonNode object = body.get(naam);
    List<Veld> velden = new ArrayList<>();
    if (afwezig(object)) {
      return velden;
    }
    if (!object.isObject()) {
      fouten.add(new VeldFout(naam, "moet een object zijn met per afweging ("
          + String.join(", ", Afwegingsvraag.NAMEN) + ") een waarde"));
      return velden;
    }
    object.fields().forEachRemaining(veld -> velden.add(new Veld(veld.getKey(), veld.getValue())));
    return velden;
  }

  private static Optional<Afwegingsvraag> vraag(String naam, String pad, List<VeldFout> fouten) {
    Optional<Afwegingsvraag> vraag = Afwegingsvraag.vanNaam(naam);
    if (vraag.isEmpty()) {
      fouten.add(new VeldFout(pad, "is geen afweging van het afwegingskader; toegestaan zijn de invoer van beslissing "
          + "meldcode-afwegingskader: " + String.join(", ", Afwegingsvraag.NAMEN)));
    }
    return vraag;
  }

  private static boolean afwezig(JsonNode waarde) {
    return waarde == null || waarde.isNull() || waarde.isMissingNode();
  }
}
