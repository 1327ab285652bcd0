package nl.hgkm.keten.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import nl.hgkm.keten.kalender.Werkdagenkalender;
import nl.hgkm.keten.support.KetenIntegratieTest;
import nl.hgkm.keten.zaak.TestBsn;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The read-access log is kept as long as the case: while the case runs its lines stay; once every process instance
 * has ended they get the case's history removal time, and the cleanup removes them when it has passed. A line that
 * names no case is kept the configured term. And the small service other parts call logs user, roles and address.
 */
@KetenIntegratieTest
class InzagelogIT {

  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;
  @Autowired HistoryService historyService;
  @Autowired InzagelogOpruiming opruiming;
  @Autowired InzageProperties instellingen;
  @Autowired Werkdagenkalender kalender;

  @AfterEach
  void klok() {
    ClockUtil.reset();
  }

  @Test
  @DisplayName("Een afgeronde zaak: het inzagelog gaat mee met de historie van de zaak, niet eerder")
  void bewaardZolangDeZaak() throws Exception {
    Instant nu = OffsetDateTime.parse("2027-06-01T10:00:00+02:00").toInstant();
    ClockUtil.setCurrentTime(Date.from(nu));
    // a minor pleger: the proposal is registered with its advice and the case ends at once (Wth art. 2(2))
    String afgerond = stelVoor("2012-01-01");
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(afgerond).unfinished()
        .count()).isZero();
    String lopend = stelVoor("1985-06-01");
    assertThat(haal("agent", "/api/huisverboden/" + afgerond).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(haal("agent", "/api/huisverboden/" + lopend).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(haal("agent", "/api/huisverboden/HV-2099-000001").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

    opruiming.ruimOp();
    Date verwijdering = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(afgerond)
        .singleResult().getRemovalTime();
    assertThat(verwijdering).as("huisverbod: 5 jaar (historyTimeToLive 1825)").isAfter(Date.from(nu.plusSeconds(
        1824L * 24 * 3600)));
    assertThat(bewarenTot(afgerond)).containsOnly(verwijdering.toInstant());
    assertThat(bewarenTot(lopend)).containsOnlyNulls();
    assertThat(bewarenTot("HV-2099-000001")).containsOnly(
        kalender.lokaal(nu).plus(instellingen.bewaartermijnZonderZaak()).toInstant());

    // a day before the case's removal time nothing goes; after it, the case's lines go, the running case's stay
    ClockUtil.setCurrentTime(Date.from(verwijdering.toInstant().minusSeconds(24 * 3600)));
    opruiming.ruimOp();
    assertThat(bewarenTot(afgerond)).isNotEmpty();
    ClockUtil.setCurrentTime(Date.from(verwijdering.toInstant().plusSeconds(60)));
    opruiming.ruimOp();
    assertThat(bewarenTot(afgerond)).isEmpty();
    assertThat(bewarenTot(lopend)).hasSize(1);
  }

  @Test
  @DisplayName("Elke regel zegt wie, met welke rollen, wat, wanneer, vanaf welk adres en met welke uitkomst")
  void watEenRegelVastlegt() throws Exception {
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2027-06-01T10:00:00+02:00").toInstant()));
    String zaak = stelVoor("1985-06-01");
    assertThat(haal("hovj", "/api/huisverboden/" + zaak).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(haal("professional", "/api/huisverboden/" + zaak).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    List<String> regels = jdbc.sql("""
            select gebruiker || '|' || rollen || '|' || wat || '|' || uitkomst || '|' || coalesce(adres, '-') || '|'
              || coalesce(verzoek, '-')
            from inzage_log where zaaknummer = ? order by id""").param(zaak).query(String.class).list();
    assertThat(regels).hasSize(2);
    assertThat(regels.get(0)).matches("hovj\\|hulpofficier\\|Dossier huisverbod\\|GETOOND\\|(127\\.0\\.0\\.1|"
        + "0:0:0:0:0:0:0:1)\\|GET /api/huisverboden/" + zaak);
    assertThat(regels.get(1)).matches("professional\\|professional\\|Inzage geweigerd: /api/huisverboden\\|GEWEIGERD\\|"
        + "(127\\.0\\.0\\.1|0:0:0:0:0:0:0:1)\\|GET /api/huisverboden/" + zaak);
  }

  private List<Instant> bewarenTot(String zaaknummer) {
    return jdbc.sql("select bewaren_tot from inzage_log where zaaknummer = ?").param(zaaknummer)
        .query((rs, n) -> rs.getObject(1, OffsetDateTime.class) == null ? null
            : rs.getObject(1, OffsetDateTime.class).toInstant()).list();
  }

  private String stelVoor(String geboortedatumPleger) throws Exception {
    String naam = "Inzage" + UUID.randomUUID().toString().substring(0, 8);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> antwoord = rest.withBasicAuth("agent", "demo").exchange("/api/huisverboden",
        HttpMethod.POST, new HttpEntity<>("""
            {"regio": "utrecht", "gemeente": "utrecht", "incidentOp": "2027-06-01T01:30:00+02:00",
             "pleger": {"naam": "Piet %s", "geboortedatum": "%s", "bsn": "%s"},
             "achterblijvers": [{"naam": "Saar %s", "geboortedatum": "1987-02-14", "rol": "SLACHTOFFER"}],
             "kindermishandeling": false,
             "rihg": {"roodPleger": 2, "roodIncident": 1, "roodGezin": 0,
                      "woontOfVerblijftNietIncidenteel": true, "ernstigOnmiddellijkGevaarOordeel": true}}"""
            .formatted(naam, geboortedatumPleger, TestBsn.nieuw(), naam), headers), String.class);
    assertThat(antwoord.getStatusCode()).as(antwoord.getBody()).isEqualTo(HttpStatus.CREATED);
    return AfgerondHuisverbod.JSON.readTree(antwoord.getBody()).get("zaaknummer").asText();
  }

  private ResponseEntity<String> haal(String gebruiker, String pad) {
    return rest.withBasicAuth(gebruiker, "demo").getForEntity(pad, String.class);
  }
}
