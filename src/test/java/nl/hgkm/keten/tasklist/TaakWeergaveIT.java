package nl.hgkm.keten.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import nl.hgkm.keten.support.KetenIntegratieTest;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Every user task gets its card and the words of its form when it is created, with no listener in any model: a
 * melding's assessment and a huisverbod's decision, read as the engine stores them and as Tasklist fetches a card.
 */
@KetenIntegratieTest
class TaakWeergaveIT {

  private static final DateTimeFormatter NEDERLANDS = DateTimeFormatter.ofPattern("d MMMM yyyy 'om' HH:mm",
      Locale.forLanguageTag("nl"));

  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired FilterService filterService;
  @Autowired TaakWeergaveAanvullen aanvullen;

  @Test
  void deVeiligheidsbeoordelingToontDeZaakInWoorden() throws Exception {
    Map<?, ?> antwoord = rest.withBasicAuth("intake", "demo").postForObject("/api/meldingen", Map.of(
        "regio", "utrecht",
        "melder", Map.of("type", "BURGER", "naam", "Buurvrouw"),
        "betrokkenen", List.of(Map.of("rol", "KIND", "naam", "Kaart Weergave-" + UUID.randomUUID())),
        "signalen", Map.of("kindStelselmatigGetuigeHG", true, "directLevensgevaar", false)), Map.class);
    String instantie = (String) antwoord.get("processInstanceId");
    Task taak = taskService.createTaskQuery().processInstanceId(instantie)
        .taskDefinitionKey("veiligheidsbeoordeling").singleResult();
    Map<String, Object> lokaal = taskService.getVariablesLocal(taak.getId());

    Instant ontvangen = ((Date) runtimeService.getVariable(instantie, "ontvangenOp")).toInstant();
    LocalDate uiterlijk = LocalDate.parse((String) antwoord.get("veiligheidsbeoordelingUiterlijk"));
    assertThat(lokaal)
        .containsEntry("melderTypeTekst", "burger")
        .containsEntry("categorieTekst", "nieuwe melding")
        .containsEntry("regioTekst", "Veilig Thuis Utrecht")
        .containsEntry("ontvangenOpTekst", NEDERLANDS.format(ontvangen.atZone(ZoneId.of("Europe/Amsterdam"))))
        .containsEntry("deadlineTekst", uiterlijk.format(DateTimeFormatter.ofPattern("d MMMM yyyy",
            Locale.forLanguageTag("nl"))))
        .containsEntry("grondenTekst", "- **Structureel**: kind is stelselmatig getuige van huiselijk geweld")
        .containsEntry(TaakWeergave.KAART_ZAAK, antwoord.get("zaaknummer"))
        .containsEntry(TaakWeergave.KAART_REGIO, "Utrecht")
        .containsEntry(TaakWeergave.KAART_TERMIJN, lokaal.get("deadlineTekst"))
        .containsEntry(TaakWeergave.KAART_ACUUT, "nee");
    assertThat((String) lokaal.get("ontvangenOpTekst")).matches("\\d{1,2} [a-z]+ \\d{4} om \\d{2}:\\d{2}");
    // Display only: the codes the decisions and the API work with stay as they are.
    assertThat(runtimeService.getVariable(instantie, "melderType")).isEqualTo("BURGER");
    assertThat(runtimeService.getVariable(instantie, "structureleGronden")).isEqualTo("kindStelselmatigGetuigeHG");

    // What a Tasklist card asks for: the filter's variables come with the task (HAL, as Tasklist fetches a list).
    String filter = filterService.createFilterQuery().filterName("Taken van Veilig Thuis medewerker").singleResult()
        .getId();
    HttpHeaders kop = new HttpHeaders();
    kop.setAccept(List.of(MediaType.parseMediaType("application/hal+json")));
    kop.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> lijst = rest.withBasicAuth("medewerker", "demo").exchange(
        "/engine-rest/filter/" + filter + "/list?firstResult=0&maxResults=1000", HttpMethod.POST,
        new HttpEntity<>("{}", kop), String.class);
    assertThat(lijst.getStatusCode()).isEqualTo(HttpStatus.OK);
    Map<String, String> kaart = new HashMap<>();
    for (JsonNode gevonden : json.readTree(lijst.getBody()).path("_embedded").path("task")) {
      if (taak.getId().equals(gevonden.path("id").asText())) {
        gevonden.path("_embedded").path("variable")
            .forEach(v -> kaart.put(v.path("name").asText(), v.path("value").asText()));
      }
    }
    assertThat(kaart).containsEntry(TaakWeergave.KAART_ZAAK, (String) antwoord.get("zaaknummer"))
        .containsEntry(TaakWeergave.KAART_REGIO, "Utrecht")
        .containsEntry(TaakWeergave.KAART_ACUUT, "nee")
        .containsKey(TaakWeergave.KAART_TERMIJN);
  }

  /** A task opened before this release has no card: the start of the new release gives it one, once. */
  @Test
  void eenTaakVanVoorDezeVersieKrijgtZijnKaartBijDeStart() {
    Map<?, ?> antwoord = rest.withBasicAuth("intake", "demo").postForObject("/api/meldingen", Map.of(
        "regio", "amsterdam-amstelland",
        "melder", Map.of("type", "POLITIE", "naam", "Team Centrum"),
        "betrokkenen", List.of(Map.of("rol", "SLACHTOFFER", "naam", "Oud Taak-" + UUID.randomUUID())),
        "signalen", Map.of("directLevensgevaar", true)), Map.class);
    Task taak = taskService.createTaskQuery().processInstanceId((String) antwoord.get("processInstanceId"))
        .taskDefinitionKey("directe-veiligheid").singleResult();
    Map<String, Object> zoalsBijAanmaken = taskService.getVariablesLocal(taak.getId());
    taskService.removeVariablesLocal(taak.getId(), zoalsBijAanmaken.keySet());
    assertThat(taskService.getVariablesLocal(taak.getId())).isEmpty();

    assertThat(aanvullen.aanvullen()).isGreaterThanOrEqualTo(1);

    assertThat(taskService.getVariablesLocal(taak.getId())).isEqualTo(zoalsBijAanmaken)
        .containsEntry(TaakWeergave.KAART_ACUUT, "ja")
        .containsEntry(TaakWeergave.KAART_REGIO, "Amsterdam-Amstelland")
        .containsEntry("grondenTekst", "- **Acuut**: direct levensgevaar");
    taskService.setVariableLocal(taak.getId(), "melderTypeTekst", "ongewijzigd");
    aanvullen.aanvullen();
    assertThat(taskService.getVariableLocal(taak.getId(), "melderTypeTekst")).isEqualTo("ongewijzigd");
  }

  @Test
  void hetBesluitOverEenHuisverbodToontAdviesGemeenteEnTijdstipInWoorden() {
    Instant incident = ClockUtil.getCurrentTime().toInstant().minusSeconds(3 * 3600);
    Map<?, ?> antwoord = rest.withBasicAuth("agent", "demo").postForObject("/api/huisverboden", Map.of(
        "regio", "utrecht", "gemeente", "utrecht", "incidentOp", incident.toString(),
        "pleger", Map.of("naam", "P. Weergave-" + UUID.randomUUID(), "geboortedatum", "1985-06-01"),
        "achterblijvers", List.of(Map.of("naam", "S. Weergave", "rol", "SLACHTOFFER")),
        "kindermishandeling", false,
        "rihg", Map.of("roodPleger", 2, "roodIncident", 1, "roodGezin", 0,
            "woontOfVerblijftNietIncidenteel", true, "ernstigOnmiddellijkGevaarOordeel", true),
        "woning", Map.of("straat", "Oudegracht", "huisnummer", "10", "postcode", "3511AA", "plaats", "Utrecht")),
        Map.class);
    Task taak = taskService.createTaskQuery().processInstanceId((String) antwoord.get("processInstanceId"))
        .taskDefinitionKey("besluit-oplegging").singleResult();
    Map<String, Object> lokaal = taskService.getVariablesLocal(taak.getId());

    assertThat(lokaal)
        .containsEntry("adviesTekst", Weergave.woord(antwoord.get("advies")))
        .containsEntry("gemeenteTekst", "Utrecht")
        .containsEntry("kindermishandelingTekst", "nee")
        .containsEntry("incidentOpTekst", NEDERLANDS.format(incident.atZone(ZoneId.of("Europe/Amsterdam"))))
        .containsEntry(TaakWeergave.KAART_ZAAK, antwoord.get("zaaknummer"))
        .containsEntry(TaakWeergave.KAART_REGIO, "Utrecht")
        .containsKey(TaakWeergave.KAART_TERMIJN)
        .doesNotContainKey(TaakWeergave.KAART_ACUUT);
    assertThat((String) lokaal.get("adviesTekst")).isNotEqualTo(antwoord.get("advies")).doesNotContain("_");
  }
}
