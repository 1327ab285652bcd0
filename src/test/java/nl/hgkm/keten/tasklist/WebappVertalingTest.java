package nl.hgkm.keten.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Dutch locale of the Camunda webapps is complete: every key of the English file that the Camunda webjar on the
 * classpath ships has a Dutch value in ours, with the same {{placeholders}}, and no value is still the English one
 * unless the word is the same in Dutch. After a Camunda upgrade this test names every new key to translate.
 */
class WebappVertalingTest {

  static final String MAP = "META-INF/resources/webjars/camunda/app/";
  /** Values that read the same in Dutch and English. */
  private static final Set<String> GELIJK_IN_HET_NEDERLANDS = Set.of("Account", "Admin", "batch", "Batch",
      "Batches", "Camunda", "Camunda Cockpit", "case", "Cases", "Cockpit", "Criteria", "CSV", "Dashboard",
      "Deployment", "Deployments", "Diagram", "Element", "Filter", "Filters", "Heatmap:", "ID", "ID*", "Job", "Jobs",
      "{{count}} jobs", "JSON", "Label", "Links", "Maximum:", "Minimum:", "null", "OK", "Operator", "Optimize",
      "Process engine", "requestPayload", "Runtime", "s", "Status", "Tenant", "Tenant: ID", "Tenants", "Topic",
      "Type", "weekend");
  /** The CE end-of-life banner: this installation shows its own notice there, or nothing (user-styles.css). */
  static final String BANNER = "BANNER_CE_EOL_TEXT";
  private static final Pattern PLAATSHOUDER = Pattern.compile("\\{\\{\\s*([^}]*?)\\s*\\}\\}");
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void elkeEngelseSleutelHeeftEenNederlandseWaarde(String app) throws IOException {
    JsonNode engels = lees(app, "en.json").path("labels");
    JsonNode nederlands = lees(app, "nl.json").path("labels");
    assertThat(engels.size()).as("Engelse labels van " + app + " in de Camunda-webjar").isGreaterThan(100);

    List<String> ontbreekt = new ArrayList<>();
    List<String> nogEngels = new ArrayList<>();
    List<String> plaatshouders = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = engels.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> sleutel = it.next();
      String en = sleutel.getValue().asText();
      JsonNode nl = nederlands.get(sleutel.getKey());
      if (nl == null || !nl.isTextual() || (nl.asText().isBlank() && !en.isBlank()
          && !sleutel.getKey().equals(BANNER))) {
        ontbreekt.add(sleutel.getKey());
      } else if (nl.asText().equals(en) && !en.isBlank() && en.matches(".*\\p{L}.*")
          && !GELIJK_IN_HET_NEDERLANDS.contains(en)) {
        nogEngels.add(sleutel.getKey() + " = " + en);
      } else if (!sleutel.getKey().equals(BANNER) && !plaatshouders(en).equals(plaatshouders(nl.asText()))) {
        plaatshouders.add(sleutel.getKey() + ": " + plaatshouders(en) + " -> " + plaatshouders(nl.asText()));
      }
    }
    assertThat(ontbreekt).as(app + "/locales/nl.json mist deze sleutels").isEmpty();
    assertThat(nogEngels).as(app + "/locales/nl.json heeft hier nog de Engelse tekst").isEmpty();
    assertThat(plaatshouders).as(app + "/locales/nl.json: andere {{plaatshouders}} dan het Engels").isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin"})
  void datumsInHetNederlands(String app) throws IOException {
    JsonNode engels = lees(app, "en.json").path("dateLocales");
    JsonNode nederlands = lees(app, "nl.json").path("dateLocales");
    for (Iterator<String> it = engels.fieldNames(); it.hasNext(); ) {
      String veld = it.next();
      assertThat(nederlands.has(veld)).as(app + " dateLocales." + veld).isTrue();
      assertThat(nederlands.get(veld).size()).as(app + " dateLocales." + veld).isEqualTo(engels.get(veld).size());
    }
    assertThat(nederlands.path("months").get(11).asText()).isEqualTo("december");
    assertThat(nederlands.path("weekdays").get(1).asText()).isEqualTo("maandag");
    assertThat(nederlands.path("longDateFormat").path("LLL").asText()).isEqualTo("D MMMM YYYY [om] LT");
    assertThat(nederlands.path("longDateFormat").path("LT").asText()).isEqualTo("HH:mm");
    assertThat(nederlands.path("week").path("dow").asInt()).as("de week begint op maandag").isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void configBiedtNederlandsAanEnVerbergtDeLegeBanner(String app) throws IOException {
    String config = tekst(MAP + app + "/scripts/config.js");
    assertThat(config).contains("availableLocales: ['nl']", "fallbackLocale: 'nl'");
    assertThat(tekst(MAP + app + "/styles/user-styles.css")).contains(".ce-eol-banner:empty");
    assertThat(lees(app, "nl.json").path("labels").path(BANNER).asText()).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void taakkaartenTonenAlleZaakgegevensZonderUitklappen() throws IOException {
    assertThat(tekst(MAP + "tasklist/styles/user-styles.css"))
        .contains(".task-card-details {\n  max-height: none;", ".task-card-details .shutter {\n  display: none;");
  }

  private static Set<String> plaatshouders(String tekst) {
    Set<String> namen = new TreeSet<>();
    Matcher m = PLAATSHOUDER.matcher(tekst);
    while (m.find()) {
      namen.add(m.group(1).replace(" ", ""));
    }
    return namen;
  }

  static JsonNode lees(String app, String bestand) throws IOException {
    return JSON.readTree(tekst(MAP + app + "/locales/" + bestand).replace("\uFEFF", ""));
  }

  /** The classpath resource: ours from target/classes, Camunda's en.json from the webjar. */
  static String tekst(String pad) throws IOException {
    URL bron = WebappVertalingTest.class.getClassLoader().getResource(pad);
    assertThat(bron).as(pad + " op het classpath").isNotNull();
    try (InputStream in = bron.openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
