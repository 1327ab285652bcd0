package nl.hgkm.keten.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One outside system as a WireMock server (see {@link Buitensystemen}). Stubs require HTTP Basic with the test
 * credentials and an {@code Idempotency-Key}; a request without them gets WireMock's 404.
 */
public final class Buitensysteem {

  private static final int STANDAARD = 5;
  private static final int STORING = 1;
  private static final int BIJZONDER = 2;

  private final String naam;
  private final WireMockServer server;
  private final String gebruiker;
  private final String wachtwoord;
  private final Map<String, Standaard> standaardPerPad;

  /** What a POST to a path answers by default. */
  record Standaard(int status, String json) {
    static Standaard id(String id) {
      return new Standaard(201, "{\"id\":\"" + id + "\"}");
    }
  }

  private Buitensysteem(String naam, WireMockServer server, String gebruiker, String wachtwoord,
      Map<String, Standaard> standaardPerPad) {
    this.naam = naam;
    this.server = server;
    this.gebruiker = gebruiker;
    this.wachtwoord = wachtwoord;
    this.standaardPerPad = standaardPerPad;
  }

  /** A system whose POSTs answer {@code 201 {"id": ...}}, the id per path pattern. */
  static Buitensysteem start(String naam, int poort, String gebruiker, String wachtwoord,
      Map<String, String> idPerPad) {
    Map<String, Standaard> standaard = new LinkedHashMap<>();
    idPerPad.forEach((pad, id) -> standaard.put(pad, Standaard.id(id)));
    return startMetAntwoorden(naam, poort, gebruiker, wachtwoord, standaard);
  }

  /** A system whose POSTs answer with the given status and JSON per path pattern. */
  static Buitensysteem startMetAntwoorden(String naam, int poort, String gebruiker, String wachtwoord,
      Map<String, Standaard> standaardPerPad) {
    WireMockServer server = new WireMockServer(options().port(poort));
    server.start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "stop-" + naam));
    Buitensysteem systeem = new Buitensysteem(naam, server, gebruiker, wachtwoord, Map.copyOf(standaardPerPad));
    systeem.reset();
    return systeem;
  }

  /** Down: every request answers 503 until {@link #weerOp()}. */
  public void plat() {
    storing(aResponse().withStatus(503).withHeader("Content-Type", "application/problem+json")
        .withBody("{\"title\":\"" + naam + " tijdelijk niet beschikbaar\",\"status\":503}"));
  }

  /** Down harder: every connection is reset without an HTTP answer, until {@link #weerOp()}. */
  public void verbindingVerbroken() {
    storing(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
  }

  /** Slow: the normal answers arrive only after {@code vertraging}, until {@link #weerOp()}. */
  public void traag(Duration vertraging) {
    server.setGlobalFixedDelay((int) vertraging.toMillis());
  }

  /** Up again after {@link #plat()}, {@link #verbindingVerbroken()} or {@link #traag(Duration)}. */
  public void weerOp() {
    server.removeStubsByMetadata(matchingJsonPath("$.storing"));
    server.setGlobalFixedDelay(0);
  }

  /**
   * From now on, POSTs to paths matching {@code padPatroon} (a regular expression) answer {@code status} with
   * {@code json}, e.g. a 409 with the original id for a repeated Idempotency-Key. Undone by {@link #reset()}.
   */
  public void antwoordt(String padPatroon, int status, String json) {
    server.stubFor(post(urlPathMatching(padPatroon)).atPriority(BIJZONDER)
        .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(json)));
  }

  /** Up, default answers only, journal emptied. */
  public void reset() {
    server.resetAll();
    standaardPerPad.forEach((pad, standaard) -> server.stubFor(post(urlPathMatching(pad)).atPriority(STANDAARD)
        .withBasicAuth(gebruiker, wachtwoord)
        .withHeader("Idempotency-Key", matching(".+"))
        .willReturn(aResponse().withStatus(standaard.status()).withHeader("Content-Type", "application/json")
            .withBody(standaard.json()))));
  }

  /** Every request received, oldest first (a request still being delayed is not there yet). */
  public List<Verzoek> verzoeken() {
    List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
    Collections.reverse(events);
    return events.stream().map(Buitensysteem::verzoek).toList();
  }

  /** The requests to one path, e.g. {@code /api/v1/huisverboden/HV-2026-000123/verlengingen}. */
  public List<Verzoek> verzoeken(String pad) {
    return verzoeken().stream().filter(v -> v.pad().equals(pad)).toList();
  }

  /** How many requests to {@code pad} got a 2xx answer: what the system registered. */
  public long geslaagd(String pad) {
    return verzoeken(pad).stream().filter(Verzoek::geslaagd).count();
  }

  /** Requests to {@code pad} per Idempotency-Key, in order of first appearance. */
  public Map<String, Long> aantalPerIdempotencyKey(String pad) {
    return verzoeken(pad).stream().collect(Collectors.groupingBy(
        v -> String.valueOf(v.idempotencyKey()), LinkedHashMap::new, Collectors.counting()));
  }

  /** e.g. {@code http://localhost:18091} */
  public String url() {
    return server.baseUrl();
  }

  /** For what this class does not offer (verify with WireMock's own matchers). */
  public WireMockServer wiremock() {
    return server;
  }

  private void storing(ResponseDefinitionBuilder antwoord) {
    weerOp();
    server.stubFor(any(anyUrl()).atPriority(STORING).withMetadata(Map.of("storing", true)).willReturn(antwoord));
  }

  private static Verzoek verzoek(ServeEvent event) {
    LoggedRequest request = event.getRequest();
    boolean fout = event.getResponse() == null || event.getResponse().getFault() != null;
    return new Verzoek(request.getMethod().value(), URI.create(request.getUrl()).getPath(),
        request.containsHeader("Idempotency-Key") ? request.getHeader("Idempotency-Key") : null,
        request.containsHeader("Authorization") ? request.getHeader("Authorization") : null,
        request.getBodyAsString(), fout ? 0 : event.getResponse().getStatus());
  }

  /**
   * One received request.
   *
   * @param status the HTTP status answered; 0 when the connection was broken off without an answer
   */
  public record Verzoek(String methode, String pad, String idempotencyKey, String autorisatie, String body,
      int status) {
    public boolean geslaagd() {
      return status >= 200 && status < 300;
    }
  }
}
