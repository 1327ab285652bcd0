package nl.hgkm.keten.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One outside system as a WireMock server (see {@link Buitensystemen}). Stubs require HTTP Basic with the test
 * credentials and an {@code Idempotency-Key}; a request without them gets WireMock's 404.
 *
 * <p>The default answers behave as a real idempotent partner system does (and as the demo simulators do,
 * {@code DemoSimulator}): the first accepted request with an Idempotency-Key has the effect, and the same key again
 * with the same body answers that first answer and has no new effect ({@link #effecten()}, {@link #herhalingen()}).
 * The same key with another body or on another path is not a repeat but a different request under a reused key, a
 * defect of the caller: it answers 422 and is kept in {@link #conflicten()}. The job executor runs a job at least
 * once, so repeats are expected; conflicts never are.
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
  private final IdempotentePartner partner;

  /** What a POST to a path answers by default. */
  record Standaard(int status, String json) {
    static Standaard id(String id) {
      return new Standaard(201, "{\"id\":\"" + id + "\"}");
    }
  }

  private Buitensysteem(String naam, WireMockServer server, IdempotentePartner partner, String gebruiker,
      String wachtwoord, Map<String, Standaard> standaardPerPad) {
    this.naam = naam;
    this.server = server;
    this.partner = partner;
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
    IdempotentePartner partner = new IdempotentePartner(naam);
    WireMockServer server = new WireMockServer(options().port(poort).extensions(partner));
    server.start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "stop-" + naam));
    Buitensysteem systeem = new Buitensysteem(naam, server, partner, gebruiker, wachtwoord,
        Map.copyOf(standaardPerPad));
    systeem.reset();
    return systeem;
  }

  /** Down: every request answers 503 until {@link #weerOp()}. */
  public void plat() {
    storing(aResponse().withStatus(503).withHeader("Content-Type", "application/problem+json")
        .withBody("{\"title\":\"" + naam + " tijdelijk niet beschikbaar\",\"status\":503}"));
  }

  /** Down for one resource only (a regular expression for the path): 503 until {@link #weerOp()}, the rest is up. */
  public void plat(String padPatroon) {
    server.stubFor(any(urlPathMatching(padPatroon)).atPriority(STORING).withMetadata(Map.of("storing", true))
        .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/problem+json")
            .withBody("{\"title\":\"" + naam + " tijdelijk niet beschikbaar\",\"status\":503}")));
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

  /** Up, default answers only, journal emptied, every Idempotency-Key forgotten. */
  public void reset() {
    server.resetAll();
    partner.vergeet();
    standaardPerPad.forEach((pad, standaard) -> server.stubFor(post(urlPathMatching(pad)).atPriority(STANDAARD)
        .withBasicAuth(gebruiker, wachtwoord)
        .withHeader("Idempotency-Key", matching(".+"))
        .willReturn(aResponse().withStatus(standaard.status()).withHeader("Content-Type", "application/json")
            .withBody(standaard.json()).withTransformers(IdempotentePartner.NAAM))));
  }

  /**
   * What the default answers registered since the last {@link #reset()}: one effect per Idempotency-Key, the first
   * accepted request with it, oldest first.
   */
  public List<Effect> effecten() {
    return partner.effecten();
  }

  /** Requests the default answers recognised as a repeat (same key, same path, same body): no new effect. */
  public int herhalingen() {
    return partner.herhalingen();
  }

  /** Requests with a known Idempotency-Key but another body or path, answered 422: always a defect of the caller. */
  public List<Conflict> conflicten() {
    return partner.conflicten();
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

  /** The effect of one Idempotency-Key: the first request with it that a default answer accepted. */
  public record Effect(String idempotencyKey, String pad, String body) {}

  /** A request that reused a known Idempotency-Key for something else. */
  public record Conflict(String idempotencyKey, String eerstePad, String eersteBody, String pad, String body) {}

  /**
   * The memory of a partner system's Idempotency-Keys, as a WireMock transformer on the default answers. Under one
   * lock: two nodes may send the same key at the same moment (a job whose lock expired while it ran), and then one
   * of them has the effect and the other gets its answer, as at a real partner.
   */
  private static final class IdempotentePartner implements ResponseDefinitionTransformerV2 {
    static final String NAAM = "idempotente-partner";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String systeem;
    private final Map<String, Eerste> eerstePerKey = new LinkedHashMap<>();
    private final List<Conflict> conflicten = new ArrayList<>();
    private int herhalingen;

    private record Eerste(Effect effect, ResponseDefinition antwoord) {}

    IdempotentePartner(String systeem) {
      this.systeem = systeem;
    }

    @Override
    public String getName() {
      return NAAM;
    }

    @Override
    public boolean applyGlobally() {
      return false;
    }

    @Override
    public synchronized ResponseDefinition transform(ServeEvent event) {
      LoggedRequest verzoek = event.getRequest();
      ResponseDefinition antwoord = event.getResponseDefinition();
      String key = verzoek.getHeader("Idempotency-Key");
      String pad = URI.create(verzoek.getUrl()).getPath();
      String body = verzoek.getBodyAsString();
      Eerste eerste = eerstePerKey.get(key);
      if (eerste == null) {
        if (antwoord.getStatus() >= 200 && antwoord.getStatus() < 300) {
          eerstePerKey.put(key, new Eerste(new Effect(key, pad, body), antwoord));
        }
        return antwoord;
      }
      if (eerste.effect().pad().equals(pad) && zelfdeInhoud(eerste.effect().body(), body)) {
        herhalingen++;
        return eerste.antwoord();
      }
      conflicten.add(new Conflict(key, eerste.effect().pad(), eerste.effect().body(), pad, body));
      return ResponseDefinitionBuilder.responseDefinition().withStatus(422)
          .withHeader("Content-Type", "application/problem+json")
          .withBody("{\"title\":\"Idempotency-Key al gebruikt voor een ander verzoek\",\"status\":422,"
              + "\"detail\":\"" + systeem + ": " + key + " hoort bij een ander verzoek op " + eerste.effect().pad()
              + "\"}")
          .build();
    }

    synchronized List<Effect> effecten() {
      return eerstePerKey.values().stream().map(Eerste::effect).toList();
    }

    synchronized int herhalingen() {
      return herhalingen;
    }

    synchronized List<Conflict> conflicten() {
      return List.copyOf(conflicten);
    }

    synchronized void vergeet() {
      eerstePerKey.clear();
      conflicten.clear();
      herhalingen = 0;
    }

    /** The same JSON (field order and spacing do not count), or else the same text. */
    private static boolean zelfdeInhoud(String eerste, String tweede) {
      try {
        return JSON.readTree(eerste).equals(JSON.readTree(tweede));
      } catch (JsonProcessingException geenJson) {
        return Objects.equals(eerste, tweede);
      }
    }
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
