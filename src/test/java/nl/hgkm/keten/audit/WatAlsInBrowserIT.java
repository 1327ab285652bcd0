package nl.hgkm.keten.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.hgkm.keten.support.Browser;
import nl.hgkm.keten.support.KetenIntegratieTest;
import nl.hgkm.keten.support.TestKlok;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A process owner's question in a real browser (headless Chromium): what if the RiHG table asked three red answers
 * on the pleger instead of two? The auditor logs in on the Dutch form, reaches the what-if page from the search page,
 * chooses the decision, uploads the candidate file, enters the period and starts with the keyboard; the progress bar
 * runs to 100 % and the table lists exactly the two cases that flip, old and new outcome side by side with their
 * rules. Then a malformed file: the parser's error, nothing computed. Screenshots in
 * {@code target/browser/wat-als-*.png}.
 */
@KetenIntegratieTest
class WatAlsInBrowserIT {

  @LocalServerPort int poort;
  @Autowired TestRestTemplate rest;

  @AfterEach
  void klok() {
    TestKlok.terug();
  }

  @Test
  @DisplayName("Kandidaat uploaden, periode kiezen, voortgang tot 100 %, precies de twee gewijzigde zaken naast elkaar")
  void auditorRekentEenKandidaatDoor() throws Exception {
    Map<String, String> zaken = RihgGeschiedenis.maak(rest, LocalDate.of(2011, 5, 2));
    try (Browser browser = Browser.start(poort)) {
      JavascriptExecutor js = (JavascriptExecutor) browser.driver();
      browser.open("/audit/");
      browser.wachtOp(By.id("gebruikersnaam")).sendKeys("auditor");
      browser.driver().findElement(By.id("wachtwoord")).sendKeys("demo", Keys.ENTER);
      browser.wachtOp(By.linkText("Wat-als voor beslissingen")).click();
      browser.wachtOp(By.cssSelector("#beslissing option[value='rihg-huisverbod-advies']"));
      assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Wat-als voor beslissingen");
      assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("nl");
      // every control has a label
      for (String id : List.of("beslissing", "bestand", "versie", "van", "tot", "voortgang")) {
        assertThat(browser.driver().findElements(By.cssSelector("label[for='" + id + "']"))).as(id).hasSize(1);
      }

      new Select(browser.driver().findElement(By.id("beslissing"))).selectByValue("rihg-huisverbod-advies");
      browser.driver().findElement(By.id("bestand")).sendKeys(kandidaat("rihg-drie-rood-pleger.dmn"));
      datum(js, "van", "2011-05-02");
      datum(js, "tot", "2011-05-06");
      // started from the keyboard: Enter in the last field submits the form
      browser.driver().findElement(By.id("tot")).sendKeys(Keys.ENTER);

      browser.wachtTot(d -> d.findElement(By.id("uitkomst")).isDisplayed());
      assertThat(browser.driver().findElement(By.id("voortgang")).getAttribute("value")).isEqualTo("100");
      assertThat(browser.driver().findElement(By.id("status")).getText())
          .contains("5 evaluaties doorgerekend", "2 zouden anders uitvallen");
      List<WebElement> rijen = browser.driver().findElements(By.cssSelector("#wijzigingen tbody tr"));
      assertThat(rijen).hasSize(2);
      assertThat(rijen.get(0).findElement(By.tagName("a")).getText()).isEqualTo(zaken.get("A"));
      assertThat(rijen.get(1).findElement(By.tagName("a")).getText()).isEqualTo(zaken.get("E"));
      List<WebElement> a = rijen.get(0).findElements(By.tagName("td"));
      assertThat(a.get(4).getText()).contains("advies = HUISVERBOD_IN_BEGINSEL", "regel 4");
      assertThat(a.get(5).getText()).contains("advies = HUISVERBOD_MOGELIJK_MOTIVERING_VEREIST", "regel 7");
      assertThat(rijen.get(1).findElements(By.tagName("td")).get(5).getText()).contains("GEEN_HUISVERBOD");
      assertThat(browser.driver().findElement(By.id("kolommen-blok")).isDisplayed()).isFalse();
      bewaar(browser, "wat-als-1-uitkomst");

      // a malformed file: the parser's message, nothing computed
      browser.driver().findElement(By.id("bestand")).sendKeys(kandidaat("rihg-kapot.dmn"));
      browser.driver().findElement(By.id("berekenen")).click();
      browser.wachtTot(d -> d.findElement(By.id("fouten")).isDisplayed());
      assertThat(browser.driver().findElement(By.id("fouten")).getText())
          .contains("Er is niets berekend", "Kandidaat: Het bestand is geen geldige DMN");
      assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("fouten");
      assertThat(browser.driver().findElement(By.id("uitkomst")).isDisplayed()).isFalse();
      bewaar(browser, "wat-als-2-fout");
    }
  }

  private static String kandidaat(String naam) {
    return Path.of("src", "test", "resources", "wat-als", naam).toAbsolutePath().toString();
  }

  /** A date field set as its picker would (the picker's own keyboard layout follows the browser's locale). */
  private static void datum(JavascriptExecutor js, String id, String waarde) {
    js.executeScript("var v = document.getElementById(arguments[0]); v.value = arguments[1];"
        + " v.dispatchEvent(new Event('change', {bubbles: true}));", id, waarde);
  }

  private static void bewaar(Browser browser, String naam) {
    try {
      Path map = Files.createDirectories(Path.of("target", "browser"));
      JavascriptExecutor js = (JavascriptExecutor) browser.driver();
      long hoogte = (Long) js.executeScript("return Math.ceil(document.body.scrollHeight)");
      browser.driver().manage().window().setSize(new Dimension(1400, (int) Math.min(hoogte + 150, 6000)));
      js.executeScript("window.scrollTo(0, 0)");
      Files.write(map.resolve(naam + ".png"),
          ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
    } catch (Exception nietErg) {
      System.err.println("Schermafdruk niet bewaard: " + nietErg);
    }
  }
}
