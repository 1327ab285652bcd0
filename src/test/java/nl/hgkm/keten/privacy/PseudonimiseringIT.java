package nl.hgkm.keten.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import nl.hgkm.keten.migratie.ModelMigratieIT;
import nl.hgkm.keten.migratie.Zaakrijder;
import nl.hgkm.keten.migratie.Zaakrijder.Stand;
import nl.hgkm.keten.migratie.Zaakrijder.Zaak;
import nl.hgkm.keten.support.Buitensystemen;
import nl.hgkm.keten.support.KetenIntegratieTest;
import nl.hgkm.keten.zaak.TestBsn;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Pseudonymisation (issue 9): a full chain run, from a melding through the safety assessment to monitoring, and from
 * a police proposal through the huisverbod, its care offer and the Veilig Thuis case it opens to monitoring, with
 * BSNs and names of its own; then every column of every engine table (ACT_%, text and ACT_GE_BYTEARRAY's bytes) is
 * read. None of those BSNs or names is there; the engine knows the persons by their key only.
 */
@KetenIntegratieTest
class PseudonimiseringIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired HistoryService historyService;
  @Autowired DataSource dataSource;
  @Autowired JdbcClient jdbc;
  @Autowired Persoonssleutels persoonssleutels;

  @AfterEach
  void klokTerug() {
    ClockUtil.reset();
    identityService.clearAuthentication();
  }

  @Test
  void naEenVolledigeKetenStaatGeenBsnOfNaamInEenEnginetabel() throws Exception {
    Buitensystemen.reset();
    Zaakrijder rijder = new Zaakrijder(runtimeService, taskService, managementService, identityService);
    String u = UUID.randomUUID().toString().substring(0, 8);
    String bsnSlachtoffer = TestBsn.nieuw();
    String bsnKind = TestBsn.nieuw();
    String bsnPleger = TestBsn.nieuw();
    String slachtoffer = "Saskia Pseudovic" + u;
    String kind = "Timo Pseudovic" + u;
    String melder = "Meester Jorisz" + u;
    String pleger = "Ruud Hvpleger" + u;
    String achterblijver = "Ilse Hvblijver" + u;
    String hvKind = "Noor Hvblijver" + u;
    List<String> gezocht = List.of(bsnSlachtoffer, bsnKind, bsnPleger, slachtoffer, kind, melder, pleger,
        achterblijver, hvKind, "Pseudovic" + u, "Jorisz" + u, "Hvpleger" + u, "Hvblijver" + u);

    // 1. A melding: assessment, safety conditions, monitoring to its end.
    String nu = OffsetDateTime.now(ZoneId.of("Europe/Amsterdam")).minusMinutes(5).toString();
    String meldingJson = """
        {"ontvangenOp": "%s", "regio": "utrecht",
         "melder": {"type": "PROFESSIONAL", "naam": "%s", "email": "jorisz-%s@school.example.org",
                    "anoniemNaarGezin": true},
         "betrokkenen": [
           {"rol": "SLACHTOFFER", "naam": "%s", "geboortedatum": "1991-04-12", "bsn": "%s"},
           {"rol": "KIND", "naam": "%s", "geboortedatum": "2017-08-30", "bsn": "%s"}],
         "signalen": {"kindStelselmatigGetuigeHG": true},
         "omschrijving": "Kind vertelt op school over ruzies thuis."}"""
        .formatted(nu, melder, u, slachtoffer, bsnSlachtoffer, kind, bsnKind);
    String vtZaak = post("intake", "/api/meldingen", meldingJson).path("zaaknummer").asText();
    Zaak melding = new Zaak("melding", Set.of("melding", "terugkoppeling", "monitoring", "registerraadpleging",
        "radarsignaal"));
    melding.zaaknummer = vtZaak;
    melding.antwoord("veiligheidsbeoordeling", v -> ModelMigratieIT.beoordeling(Map.of("structureel", true)));
    rijder.rijdTot(melding, Stand::afgelopen, "het einde", ModelMigratieIT.ANTWOORDEN);

    // 2. A huisverbod: imposed, care offer, the Veilig Thuis case it opens, monitoring after the order, to the end.
    String voorstel = """
        {"regio": "utrecht", "gemeente": "utrecht", "incidentOp": "%s",
         "pleger": {"naam": "%s", "geboortedatum": "1984-02-02", "bsn": "%s"},
         "achterblijvers": [
           {"naam": "%s", "geboortedatum": "1986-03-03", "rol": "SLACHTOFFER", "contactverbod": true},
           {"naam": "%s", "geboortedatum": "2018-05-05", "rol": "KIND"}],
         "kindermishandeling": false,
         "rihg": {"roodPleger": 2, "roodIncident": 1, "roodGezin": 0,
                  "woontOfVerblijftNietIncidenteel": true, "ernstigOnmiddellijkGevaarOordeel": true},
         "woning": {"straat": "Oudegracht", "huisnummer": "12", "postcode": "3511AB", "plaats": "Utrecht"}}"""
        .formatted(OffsetDateTime.now(ZoneId.of("Europe/Amsterdam")).minusHours(3), pleger, bsnPleger,
            achterblijver, hvKind);
    String hvZaak = post("agent", "/api/huisverboden", voorstel).path("zaaknummer").asText();
    Zaak huisverbod = new Zaak("huisverbod", Set.of("huisverbod", "hulpaanbod", "monitoring"));
    huisverbod.zaaknummer = hvZaak;
    rijder.rijdTot(huisverbod, Stand::afgelopen, "het einde", ModelMigratieIT.ANTWOORDEN);
    List<String> geopend = jdbc.sql("select zaaknummer from melding where externe_referentie like :ref")
        .param("ref", "HV:" + hvZaak + "%").query(String.class).list();
    assertThat(geopend).as("Veilig Thuis-zaak van %s", hvZaak).isNotEmpty();
    for (String zaaknummer : geopend) {
      Zaak vt = new Zaak("Veilig Thuis na huisverbod", Set.of("melding", "terugkoppeling", "monitoring",
          "registerraadpleging", "radarsignaal"));
      vt.zaaknummer = zaaknummer;
      rijder.rijdTot(vt, Stand::afgelopen, "het einde", ModelMigratieIT.ANTWOORDEN);
    }

    // The chain ran: both cases passed monitoring and the care offer, and ended.
    for (String zaak : List.of(vtZaak, hvZaak)) {
      assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(zaak)
          .processDefinitionKey("monitoring").finished().count()).as("monitoring van %s", zaak).isPositive();
    }
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(hvZaak)
        .processDefinitionKey("hulpaanbod").finished().count()).isOne();
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKey(hvZaak)
        .taskDefinitionKey("eerste-contact").count()).isEqualTo(3);

    // What the engine does hold: the persons' keys.
    assertThat(variabele(vtZaak, "melding", "persoonssleutels"))
        .contains(persoonssleutels.vanBsn(bsnSlachtoffer), persoonssleutels.vanBsn(bsnKind));
    assertThat(variabele(hvZaak, "huisverbod", "persoonssleutels")).contains(persoonssleutels.vanBsn(bsnPleger));
    assertThat(historyService.createHistoricVariableInstanceQuery().variableName("persoonssleutel")
        .processInstanceIdIn(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(hvZaak)
            .processDefinitionKey("hulpaanbod").list().stream().map(h -> h.getId()).toArray(String[]::new))
        .list()).extracting(HistoricVariableInstance::getValue).contains(persoonssleutels.vanBsn(bsnPleger));

    // And nothing else about them: not in a variable, a business key, a decision, a log, a byte array.
    assertThat(EngineTabellenScan.aantalKolommen(dataSource)).isGreaterThan(100);
    // The scan does see what is there: the zaaknummer (business key) and the persons' keys.
    assertThat(EngineTabellenScan.vondsten(dataSource, List.of(hvZaak, persoonssleutels.vanBsn(bsnPleger))))
        .anyMatch(v -> v.toUpperCase(java.util.Locale.ROOT).contains("BUSINESS_KEY_"))
        .anyMatch(v -> v.contains("ps-"));
    List<String> vondsten = new ArrayList<>(EngineTabellenScan.vondsten(dataSource, gezocht));
    assertThat(vondsten).as("BSN of naam in een enginetabel").isEmpty();
    // The case file still holds them: the data moved, it was not lost.
    assertThat(jdbc.sql("select count(*) from betrokkene where bsn in (:bsns)")
        .param("bsns", List.of(bsnSlachtoffer, bsnKind, bsnPleger)).query(Integer.class).single())
        .isGreaterThanOrEqualTo(3);
  }

  private String variabele(String zaaknummer, String proces, String naam) {
    return historyService.createHistoricVariableInstanceQuery().variableName(naam)
        .processInstanceIdIn(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(zaaknummer)
            .processDefinitionKey(proces).list().stream().map(h -> h.getId()).toArray(String[]::new))
        .list().stream().map(v -> String.valueOf(v.getValue())).findFirst().orElse("");
  }

  private JsonNode post(String gebruiker, String pad, String body) throws Exception {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> antwoord = rest.withBasicAuth(gebruiker, "demo")
        .postForEntity(pad, new HttpEntity<>(body, headers), String.class);
    assertThat(antwoord.getStatusCode().value()).as(antwoord.getBody()).isEqualTo(201);
    return JSON.readTree(antwoord.getBody());
  }
}
