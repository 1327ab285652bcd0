package nl.hgkm.keten.melding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.hgkm.keten.zaak.TestBsn;
import nl.hgkm.keten.zaak.TestGebruikers;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Request bodies for POST /api/meldingen, with persons no other test uses, and the calls themselves. */
final class TestMeldingen {

  static final String AMSTERDAM = "amsterdam-amstelland";
  static final String UTRECHT = "utrecht";

  private static final ObjectMapper JSON = new ObjectMapper();

  private TestMeldingen() {}

  /** A valid police melding about one adult victim with a fresh BSN, received at {@code ontvangenOp}. */
  static ObjectNode geldig(OffsetDateTime ontvangenOp) {
    ObjectNode melding = JSON.createObjectNode();
    melding.put("ontvangenOp", ontvangenOp.toString());
    melding.put("regio", AMSTERDAM);
    ObjectNode melder = melding.putObject("melder");
    melder.put("type", "POLITIE");
    melder.put("naam", "Team Centrum");
    melder.put("email", "centrum@example.org");
    melder.put("anoniemNaarGezin", false);
    ArrayNode betrokkenen = melding.putArray("betrokkenen");
    betrokkenen.add(persoon("SLACHTOFFER", "Slachtoffer " + UUID.randomUUID(), "1990-01-31", TestBsn.nieuw()));
    melding.putObject("signalen").put("directLevensgevaar", false).put("kindStelselmatigGetuigeHG", true);
    melding.put("omschrijving", "Melding van huiselijk geweld na een incident in de nacht.");
    return melding;
  }

  static ObjectNode persoon(String rol, String naam, String geboortedatum, String bsn) {
    ObjectNode persoon = JSON.createObjectNode();
    persoon.put("rol", rol);
    persoon.put("naam", naam);
    if (geboortedatum != null) {
      persoon.put("geboortedatum", geboortedatum);
    }
    if (bsn != null) {
      persoon.put("bsn", bsn);
    }
    return persoon;
  }

  static ResponseEntity<String> post(TestRestTemplate http, String gebruiker, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    String tekst = body instanceof JsonNode node ? node.toString() : (String) body;
    return http.withBasicAuth(gebruiker, TestGebruikers.WACHTWOORD)
        .postForEntity("/api/meldingen", new HttpEntity<>(tekst, headers), String.class);
  }

  static JsonNode lees(String body) {
    try {
      return JSON.readTree(body);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Rows per table of the case file and the idempotency store. */
  static Map<String, Integer> tabelTellingen(JdbcClient jdbc) {
    return Stream.of("zaaknummer_teller", "zaak", "melding", "melder_beschermd", "betrokkene", "intake_antwoord",
            "audit_gebeurtenis")
        .collect(Collectors.toMap(tabel -> tabel, tabel -> jdbc.sql("select count(*) from " + tabel)
            .query(Integer.class).single()));
  }

  /** The counters too: a refused request must not take a zaaknummer. */
  static Integer tellerStand(JdbcClient jdbc) {
    return jdbc.sql("select coalesce(sum(laatste), 0) from zaaknummer_teller").query(Integer.class).single();
  }
}
