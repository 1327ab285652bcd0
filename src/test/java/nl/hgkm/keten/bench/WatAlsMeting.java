package nl.hgkm.keten.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Date;
import java.util.Random;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;

/**
 * The decision what-if replay over a year of national volume (issue 8): {@code aantal} evaluations of
 * {@code rihg-huisverbod-advies} written to history through the application's own DecisionService (history full,
 * inputs drawn at random with a fixed seed, the engine clock spread over the year 2015 so that nothing else falls in
 * it), then one what-if run of the candidate {@code wat-als/rihg-drie-rood-pleger.dmn} (E4a asks three red answers)
 * over that year, as {@code auditor} through {@code POST /api/audit/beslissingen/rihg-huisverbod-advies/wat-als
 * ?achtergrond=true} and its progress address, polled every 200 ms until done.
 */
final class WatAlsMeting {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SLEUTEL = "rihg-huisverbod-advies";
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  private static final LocalDate VAN = LocalDate.of(2015, 1, 1);
  private static final LocalDate TOT = LocalDate.of(2015, 12, 31);

  /** What one run measured. */
  record Uitkomst(long evaluaties, double vullenPerSeconde, double seconden, double perSecondeWand,
      double perSecondeServer, long gewijzigd, long ongewijzigd, long nietVergelijkbaar) {}

  private final KetenApp app;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  WatAlsMeting(KetenApp app) {
    this.app = app;
  }

  Uitkomst meet(int aantal) throws Exception {
    double vullen = vul(aantal);
    byte[] kandidaat;
    try (InputStream in = WatAlsMeting.class.getResourceAsStream("/wat-als/rihg-drie-rood-pleger.dmn")) {
      kandidaat = in.readAllBytes();
    }
    long start = System.nanoTime();
    HttpResponse<String> gestart = stuur(HttpRequest.newBuilder(URI.create(app.basisUrl + "/api/audit/beslissingen/"
            + SLEUTEL + "/wat-als?van=" + VAN + "&tot=" + TOT + "&achtergrond=true"))
        .header("Content-Type", "application/xml")
        .POST(HttpRequest.BodyPublishers.ofByteArray(kandidaat)));
    if (gestart.statusCode() != 202) {
      throw new IllegalStateException("wat-als gaf " + gestart.statusCode() + ": " + gestart.body());
    }
    String adres = gestart.headers().firstValue("Location").orElseThrow();
    JsonNode run;
    while (true) {
      run = JSON.readTree(stuur(HttpRequest.newBuilder(URI.create(app.basisUrl + adres)).GET()).body());
      String status = run.get("status").asText();
      if ("KLAAR".equals(status)) {
        break;
      }
      if ("MISLUKT".equals(status)) {
        throw new IllegalStateException("wat-als mislukt: " + run.get("fout").asText());
      }
      Thread.sleep(200);
    }
    double seconden = (System.nanoTime() - start) / 1e9;
    long totaal = run.get("totaal").asLong();
    return new Uitkomst(totaal, vullen, seconden, totaal / seconden, run.get("evaluatiesPerSeconde").asDouble(),
        run.get("gewijzigd").asLong(), run.get("ongewijzigd").asLong(), run.get("nietVergelijkbaar").asLong());
  }

  /** Writes {@code aantal} evaluations into history, spread evenly over 2015; answers evaluations per second. */
  private double vul(int aantal) {
    DecisionService beslissingen = app.engine.getDecisionService();
    Random toeval = new Random(2015);
    long begin = VAN.atStartOfDay(AMSTERDAM).toInstant().toEpochMilli();
    long stap = (TOT.plusDays(1).atStartOfDay(AMSTERDAM).toInstant().toEpochMilli() - begin - 1) / aantal;
    long start = System.nanoTime();
    try {
      for (int i = 0; i < aantal; i++) {
        ClockUtil.setCurrentTime(new Date(begin + i * stap));
        beslissingen.evaluateDecisionTableByKey(SLEUTEL, Variables.createVariables()
            .putValue("plegerMeerderjarig", toeval.nextInt(20) != 0)
            .putValue("woontOfVerblijftNietIncidenteel", toeval.nextInt(10) != 0)
            .putValue("kindermishandeling", toeval.nextInt(5) == 0)
            .putValue("overlegVeiligThuisGevoerd", toeval.nextBoolean())
            .putValue("ernstigOnmiddellijkGevaarOordeel", toeval.nextBoolean())
            .putValue("roodPleger", toeval.nextInt(5))
            .putValue("roodIncident", toeval.nextInt(4))
            .putValue("roodGezin", toeval.nextInt(4)));
      }
    } finally {
      ClockUtil.reset();
    }
    return aantal / ((System.nanoTime() - start) / 1e9);
  }

  private HttpResponse<String> stuur(HttpRequest.Builder verzoek) {
    verzoek.header("Authorization", "Basic " + Base64.getEncoder()
        .encodeToString("auditor:demo".getBytes(StandardCharsets.UTF_8)));
    verzoek.header("Accept", "application/json");
    try {
      return http.send(verzoek.timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException fout) {
      throw new UncheckedIOException(fout);
    } catch (InterruptedException onderbroken) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(onderbroken);
    }
  }
}
