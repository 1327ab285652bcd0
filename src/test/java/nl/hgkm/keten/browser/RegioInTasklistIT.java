package nl.hgkm.keten.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.hgkm.keten.support.Browser;
import nl.hgkm.keten.support.KetenIntegratieTest;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Haaglanden case worker's Tasklist, in a real browser: the veiligheidsbeoordeling of a Haaglanden melding is in
 * the list, that of a Utrecht melding is not, and opening the Utrecht task by its address shows no form.
 */
@KetenIntegratieTest
class RegioInTasklistIT {

  @LocalServerPort int poort;
  @Autowired TestRestTemplate rest;
  @Autowired TaskService taskService;
  @Autowired FilterService filterService;

  @Test
  void medewerkerHaaglandenZietAlleenHaaglanden() throws Exception {
    Map<?, ?> haaglanden = meld("haaglanden");
    Map<?, ?> utrecht = meld("utrecht");
    Task taakHaaglanden = beoordeling(haaglanden);
    Task taakUtrecht = beoordeling(utrecht);
    String filter = filterService.createFilterQuery().filterName("Veiligheidsbeoordelingen").singleResult().getId();

    try (Browser browser = Browser.start(poort)) {
      try {
        browser.logIn("tasklist", "medewerker-haaglanden", "demo");
        browser.open("/camunda/app/tasklist/default/#/?filter=" + filter);
        browser.wachtOp(By.cssSelector(".tasks-list a[href*='task=" + taakHaaglanden.getId() + "']"));
        // Every task in the list is a Haaglanden task; the Utrecht one is not there.
        Set<String> getoond = browser.driver().findElements(By.cssSelector(".tasks-list li.task h4 a")).stream()
            .map(a -> a.getAttribute("href").replaceAll(".*task=", "")).collect(Collectors.toSet());
        Set<String> haaglandenTaken = taskService.createTaskQuery().tenantIdIn("haaglanden").list().stream()
            .map(Task::getId).collect(Collectors.toSet());
        assertThat(getoond).contains(taakHaaglanden.getId()).doesNotContain(taakUtrecht.getId());
        assertThat(haaglandenTaken).containsAll(getoond);

        // The Haaglanden task opens with its form; the Utrecht one, by its address, does not.
        browser.open("/camunda/app/tasklist/default/#/?filter=" + filter + "&task=" + taakHaaglanden.getId());
        assertThat(browser.wachtOp(By.cssSelector(".fjs-form")).getText())
            .contains("Zaak " + haaglanden.get("zaaknummer"));
        browser.open("/camunda/app/tasklist/default/#/?filter=" + filter + "&task=" + taakUtrecht.getId());
        browser.wachtOp(By.cssSelector(".notifications .alert, .task-details .alert, [notification]"));
        assertThat(browser.driver().findElements(By.cssSelector(".fjs-form"))).isEmpty();
        assertThat(browser.driver().getPageSource()).doesNotContain((String) utrecht.get("zaaknummer"));
      } catch (RuntimeException | AssertionError fout) {
        bewaarSchermafdruk(browser);
        throw fout;
      }
    }
  }

  private Task beoordeling(Map<?, ?> melding) {
    return taskService.createTaskQuery().processInstanceId((String) melding.get("processInstanceId"))
        .taskDefinitionKey("veiligheidsbeoordeling").singleResult();
  }

  private Map<?, ?> meld(String regio) {
    return rest.withBasicAuth("intake", "demo").postForObject("/api/meldingen", Map.of(
        "regio", regio,
        "melder", Map.of("type", "BURGER", "naam", "Buurvrouw"),
        "betrokkenen", List.of(Map.of("rol", "SLACHTOFFER", "naam", "Sam Regio-" + UUID.randomUUID()))),
        Map.class);
  }

  private static void bewaarSchermafdruk(Browser browser) {
    try {
      Path map = Files.createDirectories(Path.of("target", "browser"));
      Files.write(map.resolve("regio-haaglanden.png"),
          ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
      Files.writeString(map.resolve("regio-haaglanden.html"), browser.driver().getPageSource());
    } catch (Exception nietErg) {
      System.err.println("Schermafdruk niet bewaard: " + nietErg);
    }
  }
}
