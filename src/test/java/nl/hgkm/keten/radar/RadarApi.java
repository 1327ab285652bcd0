package nl.hgkm.keten.radar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.util.Date;
import nl.hgkm.keten.zaak.TestGebruikers;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Meldingen through {@code POST /api/meldingen} and case files through {@code GET /api/zaken/{z}}, for radar tests. */
final class RadarApi {

  /** The region of the test's meldingen: the demo case worker's own, whose case files he may read. */
  static final String REGIO = "utrecht";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final TestRestTemplate http;
  private final JdbcClient jdbc;

  RadarApi(TestRestTemplate http, JdbcClient jdbc) {
    this.http = http;
    this.jdbc = jdbc;
  }

  /** A melding by {@code melderType} about {@code betrokkenen}, received at {@code ontvangenOp} (the clock is moved there). */
  ObjectNode melding(OffsetDateTime ontvangenOp, String melderType, ObjectNode... betrokkenen) {
    ObjectNode melding = JSON.createObjectNode();
    melding.put("ontvangenOp", ontvangenOp.toString());
    melding.put("regio", REGIO);
    ObjectNode melder = melding.putObject("melder");
    melder.put("type", melderType);
    melder.put("naam", "Melder " + melderType);
    melder.put("email", melderType.toLowerCase() + "@example.org");
    melder.put("anoniemNaarGezin", false);
    ArrayNode personen = melding.putArray("betrokkenen");
    for (ObjectNode persoon : betrokkenen) {
      personen.add(persoon);
    }
    melding.putObject("signalen").put("kindStelselmatigGetuigeHG", true);
    melding.put("omschrijving", "Zorgen over het gezin.");
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

  /** Files the melding at its ontvangenOp (the engine clock is set there) and answers the 201 body. */
  JsonNode meld(ObjectNode melding) {
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(melding.path("ontvangenOp").asText()).toInstant()));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> antwoord = http.withBasicAuth(TestGebruikers.INTAKE, TestGebruikers.WACHTWOORD)
        .postForEntity("/api/meldingen", new HttpEntity<>(melding.toString(), headers), String.class);
    assertThat(antwoord.getStatusCode()).as(antwoord.getBody()).isEqualTo(HttpStatus.CREATED);
    return lees(antwoord.getBody());
  }

  /** The case file as {@code gebruiker} sees it. */
  JsonNode dossier(String gebruiker, String zaaknummer) {
    ResponseEntity<String> antwoord = http.withBasicAuth(gebruiker, TestGebruikers.WACHTWOORD)
        .getForEntity("/api/zaken/" + zaaknummer, String.class);
    assertThat(antwoord.getStatusCode()).as(antwoord.getBody()).isEqualTo(HttpStatus.OK);
    return lees(antwoord.getBody());
  }

  /** The id of the newest melding of a case. */
  long laatsteMeldingId(String zaaknummer) {
    return jdbc.sql("select max(id) from melding where zaaknummer = ?").param(zaaknummer).query(Long.class).single();
  }

  static JsonNode lees(String body) {
    try {
      return JSON.readTree(body);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
