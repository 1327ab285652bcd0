package nl.hgkm.keten.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import nl.hgkm.keten.support.Browser;
import nl.hgkm.keten.support.KetenIntegratieTest;
import nl.hgkm.keten.zaak.TestBsn;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A professional goes from doubt to a filed melding without leaving Tasklist: "Proces starten", the meldcode weighing
 * in Dutch with its questions appearing one after the other, the melding, a refusal shown in the form (a BSN that
 * fails the elfproef) and corrected, and then Veilig Thuis's case worker opens the new case's safety assessment.
 */
@KetenIntegratieTest
class MeldcodeAfwegingInTasklistIT {

  @LocalServerPort int poort;
  @Autowired JdbcClient jdbc;
  @Autowired TaskService taskService;

  @Test
  void professionalMeldtVanuitDeAfwegingEnDeMedewerkerZietDeZaak() throws Exception {
    String kind = "Sanne Meldcode-" + UUID.randomUUID();
    String zaaknummer;
    try (Browser browser = Browser.start(poort)) {
      try {
        browser.logIn("tasklist", "professional", "demo");
        browser.klik(By.xpath("//a[contains(normalize-space(.),'Proces starten')]"));
        browser.klik(By.xpath("//a[normalize-space(.)='Meldcode-afweging']"));
        WebElement formulier = browser.wachtOp(By.cssSelector(".fjs-form"));
        assertThat(formulier.getText()).contains("Meldcode: afwegingskader", "Afweging 1 – Vermoeden")
            .doesNotContain("Afweging 2 – Veiligheid", "Melding bij Veilig Thuis");

        beantwoord(browser, 1, "Ja", "Kim vertelt op school dat haar vader haar moeder slaat; mentor en intern "
            + "begeleider zien het ook.");
        browser.wachtOp(By.xpath("//*[contains(text(),'Acute onveiligheid')]"));
        assertThat(formulier.getText()).contains("Afweging 2 – Veiligheid", "Structurele onveiligheid")
            .doesNotContain("Afweging 3 – Hulp");
        beantwoord(browser, 2, "Nee", "Geen direct gevaar; wel zorgen over de thuissituatie.");
        beantwoord(browser, 3, "Nee", "School kan de hulp die dit gezin nodig heeft niet bieden of organiseren.");
        browser.wachtOp(By.xpath("//*[contains(normalize-space(.),'Melding bij Veilig Thuis')]"));
        assertThat(formulier.getText()).contains("Uitkomst: melden bij Veilig Thuis")
            .doesNotContain("Afweging 4 – Aanvaarden van hulp");

        kies(browser, "Veilig Thuis-regio", "Veilig Thuis Utrecht");
        browser.typ(veld("textfield", "Naam", "input"), kind);
        kies(browser, "Rol", "Kind");
        browser.typ(veld("textfield", "BSN", "input"), "111222334");
        browser.typ(veld("textarea", "Wat heeft u gezien of gehoord?", "textarea"),
            "Kim vertelt herhaaldelijk over ruzies en slaan thuis; zij is er stil en angstig van.");
        browser.klik(By.xpath("//div[contains(@class,'fjs-form-field-checkbox')]"
            + "//label[contains(.,'stelselmatig getuige van huiselijk geweld')]/input"));

        // The intake refuses the BSN: Tasklist shows why, and nothing is started or stored.
        browser.klik(By.xpath("//button[normalize-space()='Starten']"));
        browser.wachtOp(By.xpath("//*[contains(text(),'geen geldig burgerservicenummer')]"));
        assertThat(zaakVan(kind)).isNull();

        WebElement bsn = browser.wachtTotKlikbaar(veld("textfield", "BSN", "input"));
        bsn.clear();
        bsn.sendKeys(TestBsn.nieuw());
        browser.klik(By.xpath("//button[normalize-space()='Starten']"));
        browser.wachtTot(d -> zaakVan(kind) != null);
        zaaknummer = zaakVan(kind);
      } catch (RuntimeException | AssertionError fout) {
        bewaarSchermafdruk(browser, "meldcode-professional");
        throw fout;
      }

      String zaak = zaaknummer;
      Task beoordeling = taskService.createTaskQuery().processInstanceBusinessKey(zaak)
          .taskDefinitionKey("veiligheidsbeoordeling").singleResult();
      assertThat(beoordeling).isNotNull();
      assertThat(jdbc.sql("select count(*) from meldcode_afweging where zaaknummer = :z and eigenaar = 'professional'")
          .param("z", zaak).query(Integer.class).single()).isEqualTo(1);
      try {
        browser.logUit();
        browser.logIn("tasklist", "medewerker", "demo");
        browser.open("/camunda/app/tasklist/default/#/?task=" + beoordeling.getId());
        WebElement formulier = browser.wachtOp(By.cssSelector(".fjs-form"));
        assertThat(formulier.getText()).contains("Veiligheidsbeoordeling", "Zaak " + zaak, "melder: professional",
            "kind is stelselmatig getuige van huiselijk geweld");
      } catch (RuntimeException | AssertionError fout) {
        bewaarSchermafdruk(browser, "meldcode-medewerker");
        throw fout;
      }
    }
  }

  /** Answers question {@code nummer} with "Ja" or "Nee" and types the reasoning that appears with the answer. */
  private static void beantwoord(Browser browser, int nummer, String antwoord, String toelichting) {
    browser.klik(By.xpath("//div[contains(@class,'fjs-form-field-radio')][label[contains(.,'op afweging " + nummer
        + "')]]//label[normalize-space()='" + antwoord + "']/input"));
    browser.typ(veld("textarea", "Toelichting bij afweging " + nummer, "textarea"), toelichting);
  }

  /** Picks an option of a form-js select (a dropdown list, not a native select). */
  /**
   * Picks an option of a form-js select and checks the field shows it. The regions' list (25) scrolls inside its
   * dropdown: the option is scrolled into view within the list only, not the page under it, and a dropdown that
   * closed before the pick (the form renders again while Tasklist loads) is opened again, a few times at most.
   */
  private static void kies(Browser browser, String label, String optie) {
    String veld = "//div[contains(@class,'fjs-form-field-select')][label[starts-with(normalize-space(.),'" + label
        + "')]]";
    By weergave = By.xpath(veld + "//div[contains(@class,'fjs-select-display')]");
    By item = By.xpath("//div[contains(@class,'fjs-dropdownlist-item')][normalize-space()='" + optie + "']");
    WebDriver driver = browser.driver();
    for (int poging = 1; poging <= 5; poging++) {
      if (driver.findElements(item).isEmpty()) {
        browser.klik(weergave);
      }
      WebElement element = browser.wachtOp(item);
      ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'nearest'});", element);
      try {
        element.click();
      } catch (StaleElementReferenceException | ElementNotInteractableException opnieuwGetekend) {
        continue;
      }
      try {
        new WebDriverWait(driver, Duration.ofSeconds(5))
            .until(d -> optie.equals(d.findElement(weergave).getText().trim()));
        return;
      } catch (TimeoutException nietGekozen) {
        // the dropdown closed before the click: open it again
      }
    }
    assertThat(driver.findElement(weergave).getText().trim()).as("keuze in %s", label).isEqualTo(optie);
  }

  private static By veld(String soort, String label, String element) {
    return By.xpath("(//div[contains(@class,'fjs-form-field-" + soort + "')][label[starts-with(normalize-space(.),'"
        + label + "')]]//" + element + ")[1]");
  }

  private String zaakVan(String kind) {
    return jdbc.sql("select zaaknummer from betrokkene where naam = :naam").param("naam", kind)
        .query(String.class).optional().orElse(null);
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
