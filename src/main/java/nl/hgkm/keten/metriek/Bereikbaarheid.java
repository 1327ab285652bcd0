package nl.hgkm.keten.metriek;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import nl.hgkm.keten.integratie.IntegratieProperties;
import nl.hgkm.keten.kalender.Klok;
import nl.hgkm.keten.metriek.Verversing.Peiling;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

/**
 * Health of one outside system (police, care): can the chain reach it now? One GET on its base URL with the
 * adapter's credentials and a short timeout ({@code keten.metriek.bereikbaarheid-timeout}); the outcome is kept for
 * {@code keten.metriek.verversing}, so frequent health probes do not load the outside system.
 *
 * <p>Any answer counts as reachable (a 404 on the base URL too: the system is there), except 401/403 (it refuses our
 * credentials, so every real call would fail) and 5xx (it is there but failing). No answer within the timeout,
 * a refused or broken connection: not reachable.
 *
 * <p>Not reachable is status {@code ONBEREIKBAAR}, not DOWN. The application itself is fine: the steps that call the
 * system wait and retry (retry profiles, then incidents), and a load balancer must not take nodes out because the
 * police system is down. The status order in application.yaml therefore ranks {@code ONBEREIKBAAR} below UP for
 * {@code /actuator/health}, while the health group {@code /actuator/health/buitensystemen} answers 503 for it.
 */
final class Bereikbaarheid implements HealthIndicator {

  static final Status ONBEREIKBAAR = new Status("ONBEREIKBAAR",
      "Het buitensysteem is nu niet bruikbaar; stappen die het aanroepen wachten en proberen het opnieuw");

  /**
   * @param httpStatus 0 when there was no answer
   */
  record Uitslag(boolean bereikbaar, int httpStatus, String oordeel, Duration duur) {

    /** What an HTTP answer means for reachability. */
    static Uitslag vanAntwoord(int httpStatus, Duration duur) {
      if (httpStatus == 401 || httpStatus == 403) {
        return new Uitslag(false, httpStatus, "weigert onze inloggegevens (HTTP " + httpStatus + ")", duur);
      }
      if (httpStatus >= 500) {
        return new Uitslag(false, httpStatus, "geeft een storing (HTTP " + httpStatus + ")", duur);
      }
      return new Uitslag(true, httpStatus, "antwoordt (HTTP " + httpStatus + ")", duur);
    }

    static Uitslag zonderAntwoord(String oorzaak, Duration duur) {
      return new Uitslag(false, 0, oorzaak, duur);
    }
  }

  private final String systeem;
  private final URI url;
  private final String autorisatie;
  private final Duration timeout;
  private final HttpClient http;
  private final Verversing<Uitslag> verversing;

  Bereikbaarheid(String systeem, IntegratieProperties.Koppeling koppeling, MetriekProperties properties, Klok klok) {
    this.systeem = systeem;
    this.url = koppeling.basisUrl();
    this.autorisatie = koppeling.heeftGebruiker()
        ? "Basic " + Base64.getEncoder().encodeToString((koppeling.gebruiker() + ":"
            + (koppeling.wachtwoord() == null ? "" : koppeling.wachtwoord())).getBytes(StandardCharsets.UTF_8))
        : null;
    this.timeout = properties.bereikbaarheidTimeout();
    Duration verbindTimeout = koppeling.verbindTimeout().compareTo(timeout) < 0 ? koppeling.verbindTimeout() : timeout;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(verbindTimeout).build();
    this.verversing = new Verversing<>(properties.verversing(), klok::nu, nu -> controleer());
  }

  @Override
  public Health health() {
    Peiling<Uitslag> peiling = verversing.peiling();
    Uitslag uitslag = peiling.waarde();
    Health.Builder health = new Health.Builder(uitslag.bereikbaar() ? Status.UP : ONBEREIKBAAR)
        .withDetail("systeem", systeem)
        .withDetail("url", url.toString())
        .withDetail("oordeel", uitslag.oordeel())
        .withDetail("duurMs", uitslag.duur().toMillis())
        .withDetail("gecontroleerdOp", peiling.op().toString());
    if (uitslag.httpStatus() > 0) {
      health.withDetail("httpStatus", uitslag.httpStatus());
    }
    return health.build();
  }

  private Uitslag controleer() {
    HttpRequest.Builder verzoek = HttpRequest.newBuilder(url).GET().timeout(timeout);
    if (autorisatie != null) {
      verzoek.header("Authorization", autorisatie);
    }
    long start = System.nanoTime();
    try {
      HttpResponse<Void> antwoord = http.send(verzoek.build(), HttpResponse.BodyHandlers.discarding());
      return Uitslag.vanAntwoord(antwoord.statusCode(), sinds(start));
    } catch (HttpConnectTimeoutException fout) {
      return Uitslag.zonderAntwoord("geen verbinding binnen " + timeout.toMillis() + " ms", sinds(start));
    } catch (HttpTimeoutException fout) {
      return Uitslag.zonderAntwoord("geen antwoord binnen " + timeout.toMillis() + " ms", sinds(start));
    } catch (ConnectException fout) {
      return Uitslag.zonderAntwoord("verbinding geweigerd of niet mogelijk", sinds(start));
    } catch (IOException fout) {
      return Uitslag.zonderAntwoord("verbinding verbroken (" + fout.getClass().getSimpleName() + ")", sinds(start));
    } catch (InterruptedException fout) {
      Thread.currentThread().interrupt();
      return Uitslag.zonderAntwoord("controle onderbroken", sinds(start));
    }
  }

  private static Duration sinds(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  @Override
  public String toString() {
    return "Bereikbaarheid[" + systeem + " " + url + "]";
  }
}
