package nl.hgkm.keten.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import nl.hgkm.keten.support.TestKlok;
import nl.hgkm.keten.zaak.TestBsn;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * History for the what-if tests: seven huisverboden proposed by the police through the API, each evaluating
 * {@code rihg-huisverbod-advies} in its process at a moment set on the engine clock, around a period of five days
 * starting on {@code van} (a Monday far in the past, so that no other test's evaluations fall in it). Five fall in
 * the period (its first and last minute included), one a minute before and one a minute after it.
 *
 * <table>
 *   <tr><th>case</th><th>rood pleger/incident/gezin</th><th>ernstig gevaar</th><th>rule now</th>
 *     <th>with three red on the pleger (E4a &gt;= 3)</th></tr>
 *   <tr><td>A</td><td>2/0/0</td><td>yes</td><td>E4a HUISVERBOD_IN_BEGINSEL</td>
 *     <td>E5 HUISVERBOD_MOGELIJK_MOTIVERING_VEREIST</td></tr>
 *   <tr><td>B</td><td>2/2/0</td><td>no</td><td>E4a</td><td>E4b, the same outcome</td></tr>
 *   <tr><td>C</td><td>3/0/0</td><td>no</td><td>E4a</td><td>E4a</td></tr>
 *   <tr><td>D</td><td>1/0/0</td><td>no</td><td>E6 GEEN_HUISVERBOD</td><td>E6</td></tr>
 *   <tr><td>E</td><td>2/0/0</td><td>no</td><td>E4a HUISVERBOD_IN_BEGINSEL</td><td>E6 GEEN_HUISVERBOD</td></tr>
 * </table>
 */
final class RihgGeschiedenis {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  private RihgGeschiedenis() {}

  /** Case name (ervoor, A-E, erna) to zaaknummer; the clock is put back. */
  static Map<String, String> maak(TestRestTemplate rest, LocalDate van) {
    Map<String, String> zaken = new LinkedHashMap<>();
    try {
      zaak(rest, zaken, "ervoor", van.atStartOfDay(AMSTERDAM).minusMinutes(1).toOffsetDateTime(), 2, 0, 0, false);
      zaak(rest, zaken, "A", van.atStartOfDay(AMSTERDAM).toOffsetDateTime(), 2, 0, 0, true);
      zaak(rest, zaken, "B", van.plusDays(1).atTime(9, 0).atZone(AMSTERDAM).toOffsetDateTime(), 2, 2, 0, false);
      zaak(rest, zaken, "C", van.plusDays(2).atTime(9, 0).atZone(AMSTERDAM).toOffsetDateTime(), 3, 0, 0, false);
      zaak(rest, zaken, "D", van.plusDays(3).atTime(9, 0).atZone(AMSTERDAM).toOffsetDateTime(), 1, 0, 0, false);
      zaak(rest, zaken, "E", van.plusDays(5).atStartOfDay(AMSTERDAM).minusMinutes(1).toOffsetDateTime(), 2, 0, 0,
          false);
      zaak(rest, zaken, "erna", van.plusDays(5).atStartOfDay(AMSTERDAM).toOffsetDateTime(), 2, 0, 0, false);
    } finally {
      TestKlok.terug();
    }
    return zaken;
  }

  private static void zaak(TestRestTemplate rest, Map<String, String> zaken, String naam, OffsetDateTime op,
      int roodPleger, int roodIncident, int roodGezin, boolean ernstig) {
    ClockUtil.setCurrentTime(Date.from(op.toInstant()));
    String achternaam = "WatAls" + UUID.randomUUID().toString().substring(0, 8);
    String voorstel = """
        {"regio": "utrecht", "gemeente": "utrecht", "incidentOp": "%s",
         "pleger": {"naam": "Kees %s", "geboortedatum": "1980-05-01", "bsn": "%s"},
         "achterblijvers": [{"naam": "Els %s", "geboortedatum": "1982-03-14", "rol": "SLACHTOFFER"}],
         "kindermishandeling": false,
         "rihg": {"roodPleger": %d, "roodIncident": %d, "roodGezin": %d,
                  "woontOfVerblijftNietIncidenteel": true, "ernstigOnmiddellijkGevaarOordeel": %b},
         "woning": {"straat": "Kerkstraat", "huisnummer": "2", "postcode": "3511AB", "plaats": "Utrecht"},
         "feiten": "Wat-als: zaak %s."}"""
        .formatted(op.minusHours(1), achternaam, TestBsn.nieuw(), achternaam, roodPleger, roodIncident, roodGezin,
            ernstig, naam);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> antwoord = rest.withBasicAuth("agent", "demo").exchange("/api/huisverboden",
        HttpMethod.POST, new HttpEntity<>(voorstel, headers), String.class);
    assertThat(antwoord.getStatusCode()).as(antwoord.getBody()).isEqualTo(HttpStatus.CREATED);
    try {
      zaken.put(naam, JSON.readTree(antwoord.getBody()).get("zaaknummer").asText());
    } catch (Exception fout) {
      throw new IllegalStateException(antwoord.getBody(), fout);
    }
  }
}
