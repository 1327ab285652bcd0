package nl.hgkm.keten.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.hgkm.keten.support.Browser;
import nl.hgkm.keten.support.Buitensystemen;
import nl.hgkm.keten.support.KetenIntegratieTest;
import nl.hgkm.keten.support.TestKlok;
import nl.hgkm.keten.zaak.TestBsn;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * The hulpofficier imposes a tijdelijk huisverbod through its Tasklist form, and the burgemeester extends it through
 * hers, in a real browser. Timers in between are driven directly.
 */
@KetenIntegratieTest
class HuisverbodInTasklistIT {

  @LocalServerPort int poort;
  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;

  @AfterEach
  void herstelKlok() {
    TestKlok.terug();
  }

  @Test
  void hulpofficierLegtOpEnBurgemeesterVerlengt() throws Exception {
    Buitensystemen.reset();
    String achternaam = "Browser" + UUID.randomUUID().toString().substring(0, 6);
    String incident = TestKlok.nu(ZoneOffset.UTC).minusHours(2).withNano(0).toString();
    String voorstel = """
        {"regio": "utrecht", "gemeente": "utrecht", "incidentOp": "%s",
         "pleger": {"naam": "Pim %s", "geboortedatum": "1980-05-05", "bsn": "%s"},
         "achterblijvers": [{"naam": "Sara %s", "geboortedatum": "1982-01-01", "rol": "SLACHTOFFER"}],
         "kindermishandeling": false,
         "rihg": {"roodPleger": 0, "roodIncident": 2, "roodGezin": 0,
                  "woontOfVerblijftNietIncidenteel": true, "ernstigOnmiddellijkGevaarOordeel": true},
         "woning": {"straat": "Oudegracht", "huisnummer": "10", "postcode": "3511AA", "plaats": "Utrecht"},
         "feiten": "Slachtoffer met letsel aangetroffen."}
        """.formatted(incident, achternaam, TestBsn.nieuw(), achternaam);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    JsonNode antwoord = json.readTree(rest.withBasicAuth("agent", "demo")
        .postForEntity("/api/huisverboden", new HttpEntity<>(voorstel, headers), String.class).getBody());
    String instantie = antwoord.get("processInstanceId").asText();
    Task besluit = taskService.createTaskQuery().processInstanceId(instantie)
        .taskDefinitionKey("besluit-oplegging").singleResult();

    try (Browser browser = Browser.start(poort)) {
      try {
        browser.logIn("tasklist", "hovj", "demo");
        browser.open("/camunda/app/tasklist/default/#/?task=" + besluit.getId());
        assertThat(browser.wachtOp(By.cssSelector(".fjs-form")).getText())
            .contains("Besluit over een tijdelijk huisverbod", antwoord.get("zaaknummer").asText(),
                "huisverbod in beginsel");
        browser.klik(By.xpath("//a[normalize-space()='Claimen'] | //button[normalize-space()='Claimen']"));
        browser.wachtTot(d -> "hovj".equals(taskService.createTaskQuery().taskId(besluit.getId()).singleResult()
            .getAssignee()));
        browser.klik(By.xpath("//label[contains(., 'Huisverbod opleggen')]"));
        kiesUitKeuzelijst(browser, "Besloten door", "Hulpofficier van justitie");
        browser.typ(tekstveld("Waar is de uithuisgeplaatste bereikbaar?"), "Bij zijn broer, Amersfoort");
        browser.klik(By.xpath("//button[normalize-space()='Voltooien']"));
        browser.wachtTot(d -> historyService.createHistoricTaskInstanceQuery().taskId(besluit.getId())
            .finished().count() == 1);
      } catch (RuntimeException | AssertionError fout) {
        bewaar(browser, "hovj");
        throw fout;
      }
    }
    assertThat(runtimeService.getVariable(instantie, "opgelegdDoor")).isEqualTo("HULPOFFICIER");
    assertThat(runtimeService.getVariable(instantie, "bereikbaarheidBekend")).isEqualTo(true);
    Date opgelegdOp = (Date) runtimeService.getVariable(instantie, "opgelegdOp");

    Job evaluatie = managementService.createJobQuery().processInstanceId(instantie).activityId("Timer_Evaluatie")
        .timers().singleResult();
    ClockUtil.setCurrentTime(evaluatie.getDuedate());
    managementService.executeJob(evaluatie.getId());
    Task verlenging = taskService.createTaskQuery().processInstanceId(instantie)
        .taskDefinitionKey("besluit-verlenging").singleResult();
    TestKlok.terug();
    // Extended to 20 days after imposition, 12:00 on the browser's clock face (its time zone is the users').
    ZonedDateTime verlengdTot = opgelegdOp.toInstant().atZone(Browser.TIJDZONE).plusDays(20)
        .withHour(12).withMinute(0).withSecond(0).withNano(0);

    try (Browser browser = Browser.start(poort)) {
      try {
        browser.logIn("tasklist", "burgemeester", "demo");
        browser.open("/camunda/app/tasklist/default/#/?task=" + verlenging.getId());
        assertThat(browser.wachtOp(By.cssSelector(".fjs-form")).getText()).contains("Besluit over verlenging");
        browser.klik(By.xpath("//a[normalize-space()='Claimen'] | //button[normalize-space()='Claimen']"));
        browser.wachtTot(d -> "burgemeester".equals(taskService.createTaskQuery().taskId(verlenging.getId())
            .singleResult().getAssignee()));
        browser.klik(checkbox("Het huisverbod verlengen"));
        browser.klik(checkbox("De dreiging of het ernstig vermoeden daarvan duurt voort"));
        // the date through the calendar, as a user picks it; the time typed
        browser.klik(By.xpath("(//div[contains(@class,'fjs-form-field-datetime')]//input)[1]"));
        String maand = verlengdTot.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH);
        By dag = By.xpath("//span[contains(@class,'flatpickr-day') and @aria-label='" + maand + " "
            + verlengdTot.getDayOfMonth() + ", " + verlengdTot.getYear() + "']");
        // The calendar opens on the browser's own today, which is real time, while the test clock may stand
        // elsewhere (TestKlok): wait until it is open, read the month it shows, and page towards the target month,
        // a bounded number of times.
        YearMonth doel = YearMonth.from(verlengdTot);
        for (int keer = 0; ; keer++) {
          YearMonth getoond = browser.wachtOpWaarde(d -> getoondeMaand(d));
          if (getoond.equals(doel)) {
            break;
          }
          assertThat(keer).as("maanden gebladerd naar %s, kalender toont %s", doel, getoond).isLessThan(60);
          browser.klik(By.cssSelector(".flatpickr-calendar.open "
              + (getoond.isAfter(doel) ? ".flatpickr-prev-month" : ".flatpickr-next-month")));
          browser.wachtTot(d -> !getoond.equals(getoondeMaand(d)));
        }
        browser.klik(dag);
        browser.klik(By.xpath("//div[contains(@class,'fjs-form-field-datetime')]//input[@placeholder='hh:mm']"));
        browser.klik(By.xpath("//*[contains(@class,'fjs-dropdownlist-item')][normalize-space()='12:00']"));
        browser.typ(By.cssSelector(".fjs-form-field-textarea textarea"), "De dreiging houdt aan; hulp net gestart.");
        browser.klik(By.xpath("//button[normalize-space()='Voltooien']"));
        browser.wachtTot(d -> historyService.createHistoricTaskInstanceQuery().taskId(verlenging.getId())
            .finished().count() == 1);
      } catch (RuntimeException | AssertionError fout) {
        bewaar(browser, "burgemeester");
        throw fout;
      }
    }
    Job einde = managementService.createJobQuery().processInstanceId(instantie).activityId("Timer_HuisverbodEindigt")
        .timers().singleResult();
    assertThat(einde.getDuedate().toInstant()).isEqualTo(verlengdTot.toInstant());
    assertThat(runtimeService.getVariable(instantie, "verlengingUitkomst")).isEqualTo("VERLENGING_TOEGESTAAN");
  }

  private static final java.time.format.DateTimeFormatter KALENDERDAG =
      java.time.format.DateTimeFormatter.ofPattern("MMMM d, yyyy", java.util.Locale.ENGLISH);

  /** The month the open date picker shows (from its days' labels), or null while it is not open yet. */
  private static YearMonth getoondeMaand(org.openqa.selenium.WebDriver driver) {
    return driver.findElements(By.cssSelector(".flatpickr-calendar.open .flatpickr-day:not(.prevMonthDay)"
            + ":not(.nextMonthDay)")).stream()
        .filter(org.openqa.selenium.WebElement::isDisplayed)
        .map(d -> d.getAttribute("aria-label"))
        .filter(java.util.Objects::nonNull)
        .findFirst()
        .map(label -> YearMonth.from(KALENDERDAG.parse(label)))
        .orElse(null);
  }

  private static void kiesUitKeuzelijst(Browser browser, String label, String keuze) {
    browser.klik(By.xpath("//div[contains(@class,'fjs-form-field-select')][.//label[contains(., '" + label
        + "')]]//*[contains(@class,'fjs-input-group') or contains(@class,'fjs-select-display')]"));
    browser.klik(By.xpath("//*[contains(@class,'fjs-dropdownlist-item')][contains(., '" + keuze + "')]"));
  }

  private static By tekstveld(String label) {
    return By.xpath("//div[contains(@class,'fjs-form-field-textfield')][.//label[contains(., \"" + label
        + "\")]]//input");
  }

  private static By checkbox(String label) {
    return By.xpath("//div[contains(@class,'fjs-form-field-checkbox')][.//label[contains(., \"" + label
        + "\")]]//input[@type='checkbox']");
  }

  private static void bewaar(Browser browser, String naam) {
    try {
      Path map = Files.createDirectories(Path.of("target", "browser"));
      Files.write(map.resolve(naam + ".png"), ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
      Files.writeString(map.resolve(naam + ".html"), browser.driver().getPageSource());
    } catch (Exception nietErg) {
      System.err.println("Schermafdruk niet bewaard: " + nietErg);
    }
  }
}
