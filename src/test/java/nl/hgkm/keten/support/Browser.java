package nl.hgkm.keten.support;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) for the Tasklist tests. Without
 * them the browser tests are skipped with a loud message; with {@code -Dbrowser.required=true} (as {@code .ci/run}
 * does) a missing browser fails the build instead.
 */
public final class Browser implements AutoCloseable {

  public static final String INSTALLEER = "apt-get install -y chromium chromium-driver";
  /**
   * The browser's time zone: the users', whatever the machine's is. Forms show and submit local times in it (a
   * datetime field with {@code timeSerializingFormat: utc_offset}), so a test that types a time knows what it means.
   */
  public static final ZoneId TIJDZONE = ZoneId.of("Europe/Amsterdam");
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  /** Generous: Tasklist's first load on two cores that other builds share takes long; only a failure waits this. */
  private static final Duration WACHTTIJD = Duration.ofSeconds(90);
  private static final By GEBRUIKERSNAAM = By.cssSelector("input[ng-model=username]");

  private final WebDriver driver;
  private final Path profiel;
  private final String basis;

  private Browser(WebDriver driver, Path profiel, String basis) {
    this.driver = driver;
    this.profiel = profiel;
    this.basis = basis;
  }

  /** Starts Chromium, or skips (or fails, when required) the calling test when it is not installed. */
  public static Browser start(int poort) throws IOException {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      String bericht = "\n\n*** BROWSERTEST OVERGESLAGEN: Chromium ontbreekt (" + CHROMIUM + ", " + CHROMEDRIVER
          + "). Installeer met: " + INSTALLEER + " ***\n";
      if (Boolean.getBoolean("browser.required")) {
        fail(bericht);
      }
      System.err.println(bericht);
      Assumptions.abort(bericht);
    }
    Path profiel = Files.createTempDirectory("keten-chromium-");
    ChromeOptions opties = new ChromeOptions();
    opties.setBinary(CHROMIUM.toFile());
    opties.addArguments("--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
        "--window-size=1400,1600", "--lang=nl-NL", "--user-data-dir=" + profiel);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
        .withEnvironment(Map.of("TZ", TIJDZONE.getId())).build();
    return new Browser(new ChromeDriver(service, opties), profiel, "http://localhost:" + poort);
  }

  public WebDriver driver() {
    return driver;
  }

  public void open(String pad) {
    driver.get(basis + pad);
  }

  public WebElement wachtOp(By selector) {
    return new WebDriverWait(driver, WACHTTIJD).until(ExpectedConditions.visibilityOfElementLocated(selector));
  }

  public WebElement wachtTotKlikbaar(By selector) {
    return new WebDriverWait(driver, WACHTTIJD).until(ExpectedConditions.elementToBeClickable(selector));
  }

  /**
   * Scrolls the element to the middle of the window and clicks it. Tasklist's fixed footer covers the bottom rows
   * of a short form (its Opslaan and Voltooien buttons): then the click goes to the element itself, as a user who
   * scrolls a little further would.
   */
  public void klik(By selector) {
    WebElement element = wachtTotKlikbaar(selector);
    ((org.openqa.selenium.JavascriptExecutor) driver)
        .executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    try {
      wachtTotKlikbaar(selector).click();
    } catch (org.openqa.selenium.ElementClickInterceptedException onderVoettekst) {
      ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].click();", element);
    }
  }

  /** Scrolls the field into view and types into it. */
  public void typ(By selector, String tekst) {
    WebElement element = wachtTotKlikbaar(selector);
    ((org.openqa.selenium.JavascriptExecutor) driver)
        .executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    element.sendKeys(tekst);
  }

  public void wachtTot(java.util.function.Function<WebDriver, Boolean> voorwaarde) {
    new WebDriverWait(driver, WACHTTIJD).until(voorwaarde::apply);
  }

  /** Waits until {@code waarde} answers something other than null (or false), and answers it. */
  public <T> T wachtOpWaarde(java.util.function.Function<WebDriver, T> waarde) {
    return new WebDriverWait(driver, WACHTTIJD).until(waarde::apply);
  }

  /** Logs in through the Camunda webapps' own login page. */
  public void logIn(String app, String gebruiker, String wachtwoord) {
    open("/camunda/app/" + app + "/default/");
    wachtOp(GEBRUIKERSNAAM).sendKeys(gebruiker);
    driver.findElement(By.cssSelector("input[ng-model=password]")).sendKeys(wachtwoord);
    driver.findElement(By.cssSelector("button[type=submit]")).click();
    wachtTot(d -> d.findElements(GEBRUIKERSNAAM).isEmpty());
  }

  public void logUit() {
    driver.manage().deleteAllCookies();
  }

  @Override
  public void close() throws IOException {
    try {
      driver.quit();
    } finally {
      try (var paden = Files.walk(profiel)) {
        paden.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
