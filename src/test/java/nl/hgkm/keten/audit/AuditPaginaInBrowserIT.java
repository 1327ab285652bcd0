package nl.hgkm.keten.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.hgkm.keten.support.Browser;
import nl.hgkm.keten.support.KetenIntegratieTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An auditor in a real browser (headless Chromium) replays a finished huisverbod: imposed, extended, ended, with a
 * police outage that became an incident and was retried. Logs in on the Dutch form, finds the case, and sees every
 * step in order, each diagram with the path taken, the decision trail with the matched rules highlighted in the
 * drawn table, and the read log with this very visit. Screenshots of each view in {@code target/browser/audit-*.png}.
 */
@KetenIntegratieTest
class AuditPaginaInBrowserIT {

  @LocalServerPort int poort;
  @Autowired ProcessEngine engine;
  @Autowired TestRestTemplate rest;

  @AfterEach
  void klok() {
    ClockUtil.reset();
  }

  @Test
  @DisplayName("De auditor ziet stappen, pad, beslissingen met geraakte regels en zijn eigen inzage")
  void auditorSpeeltEenAfgerondHuisverbodNa() throws Exception {
    AfgerondHuisverbod.Zaak zaak = new AfgerondHuisverbod(engine, rest).maak("utrecht", "utrecht");
    ClockUtil.reset();
    try (Browser browser = Browser.start(poort)) {
      JavascriptExecutor js = (JavascriptExecutor) browser.driver();
      // not logged in: the page sends the browser to the Dutch login form, and back after logging in
      browser.open("/audit/?zaaknummer=" + zaak.zaaknummer());
      browser.wachtOp(By.id("gebruikersnaam")).sendKeys("auditor");
      browser.driver().findElement(By.id("wachtwoord")).sendKeys("demo", Keys.ENTER);
      WebElement gevonden = browser.wachtOp(By.linkText(zaak.zaaknummer()));
      assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("nl");
      bewaar(browser, "audit-1-zoeken", null);

      gevonden.click();
      browser.wachtTot(d -> "ja".equals(d.findElement(By.tagName("body")).getAttribute("data-geladen")));
      assertThat(browser.driver().findElement(By.tagName("h1")).getText())
          .isEqualTo("Reconstructie van zaak " + zaak.zaaknummer());

      // every step in order: imposed, the police outage and its incident, extended, ended, monitored
      List<String> regels = browser.driver().findElements(By.cssSelector("#tijdlijn-tabel tbody tr")).stream()
          .map(WebElement::getText).toList();
      assertThat(regels).hasSizeGreaterThan(40);
      int opgelegd = eerste(regels, "Taak Besluiten over oplegging");
      int storing = eerste(regels, "Politiesysteem");
      int incident = eerste(regels, "Incident bij");
      int verlengd = eerste(regels, "Taak Besluiten over verlenging");
      int geeindigd = eerste(regels, "Timer afgegaan: Einde looptijd");
      assertThat(opgelegd).isLessThan(storing);
      assertThat(storing).isLessThanOrEqualTo(incident);
      assertThat(incident).isLessThan(verlengd);
      assertThat(verlengd).isLessThan(geeindigd);
      assertThat(regels.get(storing)).contains("geslaagd na 10 mislukte poging(en)");
      assertThat(regels.get(incident)).contains("opgelost na herstel door demo");
      assertThat(regels.get(opgelegd)).contains("burgemeester");
      bewaar(browser, "audit-2-tijdlijn", null);

      // the diagram: passed elements marked, inferred flows marked, a call activity leads to the called process
      WebElement diagram = browser.driver().findElement(By.id("diagram-" + zaak.processInstanceId()));
      assertThat(diagram.getAttribute("data-getekend")).isEqualTo("ja");
      assertThat(diagram.findElements(By.cssSelector(".djs-element.doorlopen"))).hasSizeGreaterThan(10);
      assertThat(diagram.findElements(By.cssSelector(".djs-connection.pad-afgeleid"))).hasSizeGreaterThan(10);
      assertThat(diagram.findElements(By.cssSelector("[data-element-id='besluit-oplegging'].doorlopen"))).hasSize(1);
      String hover = (String) js.executeScript("return arguments[0].querySelector("
          + "\"[data-element-id='besluit-verlenging'] title\").textContent", diagram);
      assertThat(hover).contains("1 keer", "eerst");
      bewaar(browser, "audit-3-diagram", By.id("proces-" + zaak.processInstanceId()));
      js.executeScript("arguments[0].scrollIntoView({block: 'center'})",
          diagram.findElement(By.cssSelector("[data-element-id='Hulpaanbod']")));
      diagram.findElement(By.cssSelector("[data-element-id='Hulpaanbod'] .djs-hit")).click();
      browser.wachtTot(d -> String.valueOf(js.executeScript("return document.activeElement.id"))
          .startsWith("proces-") && !String.valueOf(js.executeScript("return document.activeElement.id"))
          .equals("proces-" + zaak.processInstanceId()));
      assertThat(browser.driver().switchTo().activeElement().findElement(By.tagName("h3")).getText())
          .startsWith("Hulpaanbod");

      // the decision trail: the RiHG table drawn, the matched rule highlighted, its source beside it
      WebElement rihg = browser.driver().findElements(By.cssSelector("section.beslissing")).stream()
          .filter(s -> s.findElement(By.tagName("h3")).getText().startsWith("Advies"))
          .findFirst().orElseGet(() -> browser.driver().findElements(By.cssSelector("section.beslissing")).get(0));
      browser.wachtTot(d -> "ja".equals(rihg.findElement(By.cssSelector(".dmn-tabel")).getAttribute("data-getekend")));
      assertThat(rihg.findElements(By.cssSelector(".dmn-tabel td.regel-geraakt"))).isNotEmpty();
      assertThat(rihg.findElement(By.cssSelector("table.regels")).getText()).contains("RiHG");
      js.executeScript("arguments[0].id = 'beslissing-rihg'", rihg);
      bewaar(browser, "audit-4-beslissing", By.id("beslissing-rihg"));
      assertThat(browser.driver().findElement(By.id("beslissing-lijst")).getText())
          .contains("VERLENGING_TOEGESTAAN");

      // the read log shows this very visit, newest first
      WebElement inzage = browser.driver().findElement(By.cssSelector("#inzage-tabel tbody tr"));
      assertThat(inzage.getText()).contains("auditor", "Reconstructie (pagina)", "getoond");
      bewaar(browser, "audit-5-inzage", By.id("inzage-tabel"));
      assertThat(browser.driver().findElement(By.id("export")).getAttribute("href"))
          .endsWith("/audit/zaken/" + zaak.zaaknummer() + "/export");
    }
  }

  private static int eerste(List<String> regels, String tekst) {
    for (int i = 0; i < regels.size(); i++) {
      if (regels.get(i).contains(tekst)) {
        return i;
      }
    }
    throw new AssertionError("Niet in de tijdlijn: " + tekst + "\n" + String.join("\n", regels));
  }

  /**
   * A screenshot of the top of the page (as a user first sees it), or of one element (the window is made tall enough
   * for it).
   */
  private static void bewaar(Browser browser, String naam, By element) {
    try {
      Path map = Files.createDirectories(Path.of("target", "browser"));
      JavascriptExecutor js = (JavascriptExecutor) browser.driver();
      byte[] png;
      if (element == null) {
        js.executeScript("window.scrollTo(0, 0)");
        png = ((org.openqa.selenium.TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES);
      } else {
        WebElement doel = browser.driver().findElement(element);
        long hoogte = (Long) js.executeScript("return Math.ceil(arguments[0].getBoundingClientRect().height)", doel);
        browser.driver().manage().window().setSize(new Dimension(1400, (int) Math.min(hoogte + 300, 8000)));
        png = doel.getScreenshotAs(OutputType.BYTES);
      }
      Files.write(map.resolve(naam + ".png"), png);
      browser.driver().manage().window().setSize(new Dimension(1400, 1600));
    } catch (Exception nietErg) {
      System.err.println("Schermafdruk niet bewaard: " + nietErg);
    }
  }
}
