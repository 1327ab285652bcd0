package nl.hgkm.keten.meldcode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.hgkm.keten.zaak.TestBsn;
import nl.hgkm.keten.zaak.TestGebruikers;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Bodies and calls for the meldcode API, with persons no other test uses. */
final class TestAfwegingen {

  static final String PAD = "/api/meldcode/afweging";
  static final ObjectMapper JSON = new ObjectMapper();

  private TestAfwegingen() {}

  /**
   * A step with answers for the first questions in order ("J" yes, "N" no, "-" null) and a reasoning for each
   * answer, e.g. {@code stap("JNJ")}.
   */
  static ObjectNode stap(String antwoorden) {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode gegeven = body.putObject("antwoorden");
    ObjectNode toelichting = body.putObject("toelichting");
    for (int i = 0; i < antwoorden.length(); i++) {
      Afwegingsvraag vraag = Afwegingsvraag.vanNummer(i + 1);
      switch (antwoorden.charAt(i)) {
        case 'J' -> gegeven.put(vraag.naam(), true);
        case 'N' -> gegeven.put(vraag.naam(), false);
        default -> gegeven.putNull(vraag.naam());
      }
      if (antwoorden.charAt(i) != '-') {
        toelichting.put(vraag.naam(), "Toelichting bij afweging " + (i + 1) + ": gesprek met de moeder en de mentor.");
      }
    }
    return body;
  }

  /** A melding from a weighing: one child with a fresh BSN; the reporter comes from the professional's account. */
  static ObjectNode melding() {
    ObjectNode melding = JSON.createObjectNode();
    melding.put("regio", "utrecht");
    ObjectNode kind = melding.putArray("betrokkenen").addObject();
    kind.put("rol", "KIND");
    kind.put("naam", "Kind Meldcode-" + UUID.randomUUID());
    kind.put("geboortedatum", "2016-05-12");
    kind.put("bsn", TestBsn.nieuw());
    melding.putObject("signalen").put("kindStelselmatigGetuigeHG", true);
    melding.put("omschrijving", "Het kind vertelt op school herhaaldelijk over harde ruzies en slaan thuis.");
    return melding;
  }

  static ResponseEntity<String> post(TestRestTemplate http, String gebruiker, String pad, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    String tekst = body instanceof JsonNode node ? node.toString() : (String) body;
    return http.withBasicAuth(gebruiker, TestGebruikers.WACHTWOORD)
        .exchange(pad, HttpMethod.POST, new HttpEntity<>(tekst, headers), String.class);
  }

  static ResponseEntity<String> weeg(TestRestTemplate http, String gebruiker, Object body) {
    return post(http, gebruiker, PAD, body);
  }

  static ResponseEntity<String> meld(TestRestTemplate http, String gebruiker, String afwegingId, Object body) {
    return post(http, gebruiker, PAD + "/" + afwegingId + "/melding", body);
  }

  static ResponseEntity<String> haal(TestRestTemplate http, String gebruiker, String pad) {
    return http.withBasicAuth(gebruiker, TestGebruikers.WACHTWOORD).getForEntity(pad, String.class);
  }

  static JsonNode lees(String body) {
    try {
      return JSON.readTree(body);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Rows of the weighing tables, the case file and the decision history: a refused request changes none. */
  static Map<String, Integer> tellingen(JdbcClient jdbc) {
    return Stream.of("meldcode_afweging", "meldcode_antwoord", "zaak", "melding", "betrokkene", "audit_gebeurtenis",
            "act_hi_decinst")
        .collect(Collectors.toMap(tabel -> tabel, tabel -> jdbc.sql("select count(*) from " + tabel)
            .query(Integer.class).single()));
  }
}
