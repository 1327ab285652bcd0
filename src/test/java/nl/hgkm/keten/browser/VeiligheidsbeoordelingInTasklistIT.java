package nl.hgkm.keten.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.hgkm.keten.support.Browser;
import nl.hgkm.keten.support.KetenIntegratieTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A case worker assesses a melding in the real Tasklist, in a real browser: the case comes in through the API, the
 * Camunda Form shows its facts in Dutch, the worker claims, fills in and completes it, and the case moves on. The
 * intake role cannot see that task.
 */
@KetenIntegratieTest
class VeiligheidsbeoordelingInTasklistIT {

  @LocalServerPort int poort;
  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;

  @Test
  void medewerkerBeoordeeltEenMeldingEnDeZaakGaatVerder() throws Exception {
    Map<?, ?> antwoord = rest.withBasicAuth("intake", "demo").postForObject("/api/meldingen", Map.of(
        "externeReferentie", "BROWSER-" + UUID.randomUUID(),
        "regio", "utrecht",
        "melder", Map.of("type", "PROFESSIONAL", "naam", "Dr. Bakker", "email", "bakker@example.org"),
        "betrokkenen", List.of(Map.of("rol", "KIND", "naam", "Kim Browsertest-" + UUID.randomUUID(),
            "geboortedatum", "2015-03-01")),
        "signalen", Map.of("kindStelselmatigGetuigeHG", true),
        "omschrijving", "Kind vertelt op school over ruzies thuis."), Map.class);
    String zaaknummer = (String) antwoord.get("zaaknummer");
    String instantie = (String) antwoord.get("processInstanceId");
    Task beoordeling = taskService.createTaskQuery().processInstanceId(instantie)
        .taskDefinitionKey("veiligheidsbeoordeling").singleResult();

    try (Browser browser = Browser.start(poort)) {
      try {
        browser.logIn("tasklist", "medewerker", "demo");
        browser.open("/camunda/app/tasklist/default/#/?task=" + beoordeling.getId());
        WebElement formulier = browser.wachtOp(By.cssSelector(".fjs-form"));
        assertThat(formulier.getText()).contains("Veiligheidsbeoordeling", "Zaak " + zaaknummer,
            "Structureel: kind is stelselmatig getuige van huiselijk geweld", "Onderbouwing van de beoordeling")
            .doesNotContain("kindStelselmatigGetuigeHG", "PROFESSIONAL");

        browser.klik(By.xpath("//a[normalize-space()='Claimen'] | //button[normalize-space()='Claimen']"));
        browser.wachtTot(d -> beoordelingIsGeclaimd(beoordeling.getId()));
        // Prefilled from the melding (kindStelselmatigGetuigeHG); after the assessment the worker judges otherwise.
        assertThat(browser.driver().findElement(checkbox("Er is sprake van structurele onveiligheid")).isSelected())
            .isTrue();
        browser.klik(checkbox("Er is sprake van structurele onveiligheid"));
        browser.klik(checkbox("Er is al passende hulpverlening betrokken"));
        browser.typ(By.cssSelector(".fjs-form-field-textarea textarea"),
            "Gesprek met moeder en school; GGZ-behandelaar is al betrokken en kan de zorg voortzetten.");
        browser.klik(By.xpath("//button[normalize-space()='Voltooien']"));
        browser.wachtTot(d -> historyService.createHistoricTaskInstanceQuery().taskId(beoordeling.getId())
            .finished().count() == 1);
      } catch (RuntimeException | AssertionError fout) {
        bewaarSchermafdruk(browser, "medewerker");
        throw fout;
      }
    }

    HistoricTaskInstance afgerond = historyService.createHistoricTaskInstanceQuery().taskId(beoordeling.getId())
        .singleResult();
    assertThat(afgerond.getAssignee()).isEqualTo("medewerker");
    assertThat(runtimeService.getVariable(instantie, "vervolg")).isEqualTo("OVERDRACHT_LOPENDE_HULPVERLENING");
    assertThat(runtimeService.getVariable(instantie, "passendeLopendeHulpverlening")).isEqualTo(true);
    assertThat(runtimeService.getVariable(instantie, "structureel")).isEqualTo(false);
    assertThat((String) runtimeService.getVariable(instantie, "toelichtingVeiligheidsbeoordeling"))
        .contains("GGZ-behandelaar");
    assertThat(runtimeService.getActiveActivityIds(instantie)).contains("overdracht-bevestigen");
  }

  @Test
  void intakeZietDeBeoordelingNiet() throws Exception {
    Map<?, ?> antwoord = rest.withBasicAuth("intake", "demo").postForObject("/api/meldingen", Map.of(
        "regio", "utrecht",
        "melder", Map.of("type", "BURGER", "naam", "Buurvrouw"),
        "betrokkenen", List.of(Map.of("rol", "SLACHTOFFER", "naam", "Sam Zichtbaarheid-" + UUID.randomUUID()))),
        Map.class);
    String instantie = (String) antwoord.get("processInstanceId");
    Task beoordeling = taskService.createTaskQuery().processInstanceId(instantie)
        .taskDefinitionKey("veiligheidsbeoordeling").singleResult();

    ResponseEntity<String> viaRest = rest.withBasicAuth("intake", "demo")
        .getForEntity("/engine-rest/task?processInstanceId=" + instantie, String.class);
    assertThat(viaRest.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode taken = json.readTree(viaRest.getBody());
    assertThat(taken).isEmpty();

    try (Browser browser = Browser.start(poort)) {
      try {
        browser.logIn("tasklist", "intake", "demo");
        browser.open("/camunda/app/tasklist/default/#/?task=" + beoordeling.getId());
        browser.wachtOp(By.xpath("//*[contains(., 'Taken van Veilig Thuis intake')]"));
        browser.wachtOp(By.cssSelector(".notifications .alert, .task-details .alert, [notification]"));
        assertThat(browser.driver().findElements(By.cssSelector(".fjs-form"))).isEmpty();
        assertThat(browser.driver().getPageSource()).doesNotContain((String) antwoord.get("zaaknummer"));
      } catch (RuntimeException | AssertionError fout) {
        bewaarSchermafdruk(browser, "intake");
        throw fout;
      }
    }
  }

  private boolean beoordelingIsGeclaimd(String taakId) {
    return "medewerker".equals(taskService.createTaskQuery().taskId(taakId).singleResult().getAssignee());
  }

  private static By checkbox(String label) {
    return By.xpath("//div[contains(@class,'fjs-form-field-checkbox')][.//label[contains(., \"" + label
        + "\")]]//input[@type='checkbox']");
  }

  private static void bewaarSchermafdruk(Browser browser, String naam) {
    try {
      Path map = Files.createDirectories(Path.of("target", "browser"));
      Files.write(map.resolve(naam + ".png"),
          ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
      Files.writeString(map.resolve(naam + ".html"), browser.driver().getPageSource());
    } catch (Exception nietErg) {
      System.err.println("Schermafdruk niet bewaard: " + nietErg);
    }
  }
}
