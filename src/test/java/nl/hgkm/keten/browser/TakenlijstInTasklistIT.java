package nl.hgkm.keten.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import nl.hgkm.keten.support.Browser;
import nl.hgkm.keten.support.KetenIntegratieTest;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a case worker sees, in a real browser: Tasklist in Dutch without the Camunda 8 banner, opening on the list
 * that has the work, a card that says which case it is, a form in words and Dutch dates, completed. Cockpit and
 * Admin speak Dutch too. Screenshots of each step go to {@code target/browser/}, also when the test passes.
 */
@KetenIntegratieTest
class TakenlijstInTasklistIT {

  /** Long ago, so that this assessment has the earliest due date and heads the list whatever other tests left. */
  private static final String ONTVANGEN = "2019-12-02T09:42:00+01:00";
  private static final String ONTVANGEN_IN_WOORDEN = "2 december 2019 om 09:42";

  @LocalServerPort int poort;
  @Autowired TestRestTemplate rest;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired FilterService filterService;

  @Test
  void medewerkerZietZijnZakenInHetNederlandsEnRondtEenBeoordelingAf() throws Exception {
    Map<?, ?> antwoord = rest.withBasicAuth("intake", "demo").postForObject("/api/meldingen", Map.of(
        "externeReferentie", "TAKENLIJST-" + UUID.randomUUID(),
        "ontvangenOp", ONTVANGEN,
        "regio", "utrecht",
        "melder", Map.of("type", "BURGER", "naam", "Buurman"),
        "betrokkenen", List.of(Map.of("rol", "KIND", "naam", "Noor Takenlijst-" + UUID.randomUUID(),
            "geboortedatum", "2016-05-04")),
        "signalen", Map.of("kindStelselmatigGetuigeHG", true),
        "omschrijving", "Buurman hoort 's avonds geschreeuw en een kind dat huilt."), Map.class);
    String zaaknummer = (String) antwoord.get("zaaknummer");
    String instantie = (String) antwoord.get("processInstanceId");
    String termijn = LocalDate.parse((String) antwoord.get("veiligheidsbeoordelingUiterlijk"))
        .format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("nl")));
    Task beoordeling = taskService.createTaskQuery().processInstanceId(instantie)
        .taskDefinitionKey("veiligheidsbeoordeling").singleResult();
    String eigenLijst = filterService.createFilterQuery().filterName("Taken van Veilig Thuis medewerker")
        .singleResult().getId();

    try (Browser browser = Browser.start(poort)) {
      try {
        browser.logIn("tasklist", "medewerker", "demo");
        // No filter asked for: Tasklist opens the one with the lowest priority, the worker's own list.
        browser.open("/camunda/app/tasklist/default/");
        browser.wachtTot(d -> d.getCurrentUrl().contains("filter=" + eigenLijst));
        WebElement kaart = browser.wachtOp(By.xpath("//li[contains(@class,'task')][contains(., '" + zaaknummer
            + "')]"));
        assertThat(kaart.getText()).contains("Zaak", zaaknummer, "Regio", "Utrecht", "Termijn", termijn,
            "Acuut", "nee", "Veiligheidsbeoordeling uitvoeren");
        String pagina = browser.driver().findElement(By.tagName("body")).getText();
        assertThat(pagina).contains("Taken van Veilig Thuis medewerker", "Veiligheidsbeoordelingen", "Aangemaakt",
            "Datum en tijd in de lokale tijdzone:", "Europe/Amsterdam")
            .doesNotContain("Created", "Filter Tasks", "Camunda 8", "migrate");
        assertThat(browser.driver().findElements(By.cssSelector(".ce-eol-banner")))
            .allSatisfy(banner -> assertThat(banner.isDisplayed()).isFalse());
        bewaarSchermafdruk(browser, "takenlijst-medewerker");

        kaart.findElement(By.xpath(".//a[contains(@href,'task=')] | .//*[contains(@class,'clickable')]")).click();
        WebElement formulier = browser.wachtOp(By.cssSelector(".fjs-form"));
        browser.wachtTot(d -> d.findElement(By.cssSelector(".fjs-form")).getText().contains(zaaknummer));
        assertThat(formulier.getText()).contains(
                "Zaak " + zaaknummer, "regio Veilig Thuis Utrecht", "ontvangen " + ONTVANGEN_IN_WOORDEN,
                "Wettelijke termijn tot en met " + termijn, "melder: burger", "Radar: nieuwe melding",
                "Gronden uit de melding", "Structureel: kind is stelselmatig getuige van huiselijk geweld")
            .doesNotContain("BURGER", "NIEUWE_MELDING", "kindStelselmatigGetuigeHG", "2019-12-02T");
        bewaarSchermafdruk(browser, "formulier-veiligheidsbeoordeling");

        browser.klik(By.xpath("//a[normalize-space()='Claimen'] | //button[normalize-space()='Claimen']"));
        browser.wachtTot(d -> "medewerker".equals(taskService.createTaskQuery().taskId(beoordeling.getId())
            .singleResult().getAssignee()));
        browser.typ(By.cssSelector(".fjs-form-field-textarea textarea"),
            "Gesprek met moeder; afspraken over veiligheid gemaakt, het lokale team pakt het op.");
        browser.klik(By.xpath("//button[normalize-space()='Voltooien']"));
        browser.wachtTot(d -> historyService.createHistoricTaskInstanceQuery().taskId(beoordeling.getId())
            .finished().count() == 1);
        browser.wachtTot(d -> d.findElements(By.xpath("//li[contains(@class,'task')][contains(., '" + zaaknummer
            + "')][contains(., 'Veiligheidsbeoordeling uitvoeren')]")).isEmpty());
        bewaarSchermafdruk(browser, "takenlijst-na-afronden");
      } catch (RuntimeException | AssertionError fout) {
        bewaarSchermafdruk(browser, "takenlijst-fout");
        throw fout;
      }
    }
    assertThat(historyService.createHistoricTaskInstanceQuery().taskId(beoordeling.getId()).singleResult()
        .getAssignee()).isEqualTo("medewerker");
    assertThat(runtimeService.getVariable(instantie, "toelichtingVeiligheidsbeoordeling")).asString()
        .contains("lokale team");
  }

  @Test
  void cockpitEnAdminSprekenNederlands() throws Exception {
    try (Browser browser = Browser.start(poort)) {
      try {
        browser.logIn("cockpit", "demo", "demo");
        browser.open("/camunda/app/cockpit/default/#/dashboard");
        browser.wachtOp(By.xpath("//*[contains(normalize-space(.), 'Lopende procesinstanties')]"));
        assertThat(browser.driver().findElement(By.tagName("body")).getText())
            .contains("Processen", "Beslissingen", "Gebruikerstaken")
            .doesNotContain("Running Process Instances", "Camunda 8");
        bewaarSchermafdruk(browser, "cockpit");

        browser.open("/camunda/app/admin/default/#/users");
        browser.wachtOp(By.xpath("//*[contains(normalize-space(.), 'Lijst van gebruikers')]"));
        bewaarSchermafdruk(browser, "admin-eerste-bezoek");
        // Admin builds its breadcrumb once, when the page opens: on the very first visit that can be before the
        // locale file has arrived; from then on the browser has it.
        browser.driver().navigate().refresh();
        browser.wachtOp(By.xpath("//*[contains(normalize-space(.), 'Lijst van gebruikers')]"));
        assertThat(browser.driver().findElement(By.tagName("body")).getText())
            .contains("Gebruikers", "Groepen", "Autorisaties")
            .doesNotContain("List of Users", "USERS_USERS", "Camunda 8");
        bewaarSchermafdruk(browser, "admin");
      } catch (RuntimeException | AssertionError fout) {
        bewaarSchermafdruk(browser, "cockpit-admin-fout");
        throw fout;
      }
    }
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
