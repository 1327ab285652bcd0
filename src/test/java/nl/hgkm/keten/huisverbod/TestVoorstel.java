package nl.hgkm.keten.huisverbod;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A valid police proposal as JSON, and edits by field path ({@code achterblijvers[1].geboortedatum}) for tests that
 * break one field at a time.
 */
final class TestVoorstel {

  static final ObjectMapper JSON = new ObjectMapper();
  /** Marks a field to remove rather than set. */
  static final Object WEG = new Object();

  private static final Pattern STAP = Pattern.compile("([a-zA-Z]+)(?:\\[(\\d+)])?");

  private TestVoorstel() {}

  /** Incident on 23 April 2027, 01:30 local time; the test clock stands later that morning. */
  static ObjectNode geldig() {
    try {
      return (ObjectNode) JSON.readTree("""
          {
            "regio": "amsterdam-amstelland",
            "gemeente": "amsterdam",
            "incidentOp": "2027-04-23T01:30:00+02:00",
            "pleger": {"naam": "Pieter Pleger", "geboortedatum": "1985-06-01", "bsn": "111222333"},
            "achterblijvers": [
              {"naam": "Sanne Slachtoffer", "geboortedatum": "1987-02-14", "rol": "SLACHTOFFER"},
              {"naam": "Kees Kind", "geboortedatum": "2019-09-03", "rol": "KIND"},
              {"naam": "Olga Overig", "rol": "OVERIG", "contactverbod": false}
            ],
            "kindermishandeling": false,
            "rihg": {"roodPleger": 2, "roodIncident": 1, "roodGezin": 0,
                     "woontOfVerblijftNietIncidenteel": true, "ernstigOnmiddellijkGevaarOordeel": true},
            "woning": {"straat": "Dorpsstraat", "huisnummer": "1", "postcode": "1234ab", "plaats": "Amsterdam"},
            "feiten": "Slachtoffer geslagen in de keuken; pleger dreigde verder geweld."
          }""");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Sets (or with {@link #WEG} removes) the field at a path; parents must exist. */
  static ObjectNode met(ObjectNode voorstel, String pad, Object waarde) {
    String[] stappen = pad.split("\\.");
    JsonNode ouder = voorstel;
    for (int i = 0; i < stappen.length - 1; i++) {
      ouder = kind(ouder, stappen[i]);
    }
    Matcher laatste = STAP.matcher(stappen[stappen.length - 1]);
    if (!laatste.matches() || laatste.group(2) != null) {
      throw new IllegalArgumentException("Laatste stap moet een veldnaam zijn: " + pad);
    }
    ObjectNode object = (ObjectNode) ouder;
    String veld = laatste.group(1);
    if (waarde == WEG) {
      object.remove(veld);
    } else {
      object.set(veld, JSON.valueToTree(waarde));
    }
    return voorstel;
  }

  private static JsonNode kind(JsonNode node, String stap) {
    Matcher m = STAP.matcher(stap);
    if (!m.matches()) {
      throw new IllegalArgumentException(stap);
    }
    JsonNode kind = node.get(m.group(1));
    return m.group(2) == null ? kind : ((ArrayNode) kind).get(Integer.parseInt(m.group(2)));
  }
}
