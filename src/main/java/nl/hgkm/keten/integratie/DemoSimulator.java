package nl.hgkm.keten.integratie;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import nl.hgkm.keten.demo.DemoPoort;
import nl.hgkm.keten.demo.DemoPoortBezetException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * <b>DEMO ONLY. Not a police or care system, and never to be used as one.</b> A real local HTTP server (the JDK's
 * {@code com.sun.net.httpserver}) standing in for an outside system, so that {@code ./mvnw spring-boot:run} needs
 * nothing else. It speaks the REST resources of {@code package-info}: HTTP Basic is checked, every POST needs an
 * {@code Idempotency-Key} (the same key with the same body returns the first answer and creates nothing; the same
 * key on another resource or with another body answers 422), required fields are checked (400), and every accepted POST answers 201 with a generated
 * {@code {"id": "PV-2026-000123"}} (a subclass may check more and answer more: {@link #controleer},
 * {@link #verwerk}). {@code GET /api/v1/ontvangen} lists what it received.
 *
 * <p>State is in memory only and is lost at a restart, while the demo's H2 file database is not: the simulator
 * therefore does not check that a huisverbod or verwijzing it is told about was registered with it before.
 */
public abstract class DemoSimulator {

  public static final String ONTVANGEN = "/api/v1/ontvangen";
  private static final Logger LOG = LoggerFactory.getLogger(DemoSimulator.class);
  private static final int MAX_BODY = 1_000_000;

  private final String naam;
  private final DemoPoort demoPoort;
  private final int gewenstePoort;
  private final byte[] verwachteAutorisatie;
  private final List<Route> routes;
  private final ObjectMapper json = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .build();

  private final Map<String, Eerder> eerderPerKey = new HashMap<>();
  private final List<Ontvangen> ontvangen = new ArrayList<>();
  private final Map<String, Integer> tellerPerPrefix = new HashMap<>();
  private HttpServer server;

  /**
   * @param naam       e.g. "Politiesysteem (demo-simulator)", for logs and error bodies
   * @param demoPoort  which demo port this is, for the message when it is taken
   * @param poort      the port to listen on (localhost only); 0 picks a free one
   * @param gebruiker  the HTTP Basic user the chain must send
   * @param wachtwoord its password
   */
  protected DemoSimulator(String naam, DemoPoort demoPoort, int poort, String gebruiker, String wachtwoord,
      List<Route> routes) {
    if (gebruiker == null || gebruiker.isBlank()) {
      throw new IllegalStateException(naam + ": geen gebruiker geconfigureerd (keten.integratie.*.gebruiker)");
    }
    this.naam = naam;
    this.demoPoort = demoPoort;
    this.gewenstePoort = poort;
    this.verwachteAutorisatie = ("Basic " + Base64.getEncoder().encodeToString(
        (gebruiker + ":" + (wachtwoord == null ? "" : wachtwoord)).getBytes(StandardCharsets.UTF_8)))
        .getBytes(StandardCharsets.UTF_8);
    this.routes = List.copyOf(routes);
  }

  /**
   * One POST resource.
   *
   * @param soort            what it creates, e.g. "HUISVERBOD", shown in {@code /api/v1/ontvangen}
   * @param pad              regular expression for the path
   * @param idPrefix         prefix of the ids it hands out, e.g. "PV" gives "PV-2026-000001"
   * @param verplichteVelden top-level JSON fields that must be present and not null
   */
  protected record Route(String soort, Pattern pad, String idPrefix, List<String> verplichteVelden) {
    public static Route post(String soort, String pad, String idPrefix, String... verplichteVelden) {
      return new Route(soort, Pattern.compile(pad), idPrefix, List.of(verplichteVelden));
    }
  }

  /** One accepted POST. */
  public record Ontvangen(String id, String soort, String pad, String idempotencyKey, Instant ontvangenOp,
      JsonNode inhoud) {}

  private record Antwoord(String pad, int status, String body) {}

  /** The first accepted request with an Idempotency-Key: what it said and what it got. */
  private record Eerder(JsonNode inhoud, Antwoord antwoord) {}

  public synchronized void start() throws IOException {
    // The JDK's HTTP server writes headers and body separately; with Nagle's algorithm on, each answer then waits
    // for the client's delayed ACK (about 40 ms on Linux), a delay no real partner system has. Read once, when the
    // first server of this JVM is made; an explicit -Dsun.net.httpserver.nodelay wins.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), gewenstePoort), 0);
    } catch (BindException bezet) {
      throw new DemoPoortBezetException(demoPoort, gewenstePoort, bezet);
    }
    server.createContext("/", this::behandel);
    server.start();
    LOG.warn("DEMO: {} luistert op http://localhost:{} (alleen voor de demo; gegevens alleen in het geheugen)",
        naam, poort());
  }

  public synchronized void stop() {
    if (server != null) {
      server.stop(0);
      server = null;
      LOG.info("DEMO: {} gestopt", naam);
    }
  }

  public synchronized int poort() {
    if (server == null) {
      throw new IllegalStateException(naam + " is niet gestart");
    }
    return server.getAddress().getPort();
  }

  /** Everything accepted so far, oldest first. */
  public synchronized List<Ontvangen> ontvangen() {
    return List.copyOf(ontvangen);
  }

  private void behandel(HttpExchange exchange) throws IOException {
    try (exchange) {
      Antwoord antwoord;
      synchronized (this) {
        antwoord = beantwoord(exchange);
      }
      byte[] body = antwoord.body().getBytes(StandardCharsets.UTF_8);
      String type = antwoord.status() >= 400 ? "application/problem+json" : "application/json";
      exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
      if (antwoord.status() == 401) {
        exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"" + naam + "\"");
      }
      exchange.sendResponseHeaders(antwoord.status(), body.length);
      exchange.getResponseBody().write(body);
    }
  }

  private Antwoord beantwoord(HttpExchange exchange) throws IOException {
    String methode = exchange.getRequestMethod();
    String pad = exchange.getRequestURI().getPath();
    String autorisatie = exchange.getRequestHeaders().getFirst("Authorization");
    if (autorisatie == null
        || !MessageDigest.isEqual(verwachteAutorisatie, autorisatie.getBytes(StandardCharsets.UTF_8))) {
      return fout(pad, 401, "Niet geauthenticeerd", "Onjuiste of ontbrekende HTTP Basic-gegevens");
    }
    if ("GET".equals(methode) && ONTVANGEN.equals(pad)) {
      return new Antwoord(pad, 200, json.writeValueAsString(ontvangen));
    }
    Optional<Route> route = routes.stream().filter(r -> r.pad().matcher(pad).matches()).findFirst();
    if (route.isEmpty()) {
      return fout(pad, 404, "Onbekende resource", methode + " " + pad);
    }
    if (!"POST".equals(methode)) {
      return fout(pad, 405, "Methode niet toegestaan", methode + " " + pad);
    }
    String key = exchange.getRequestHeaders().getFirst(HttpKoppeling.IDEMPOTENCY_KEY);
    if (key == null || key.isBlank()) {
      return fout(pad, 400, "Idempotency-Key ontbreekt", "Elk POST-verzoek heeft een Idempotency-Key nodig");
    }
    JsonNode inhoud;
    try (InputStream in = exchange.getRequestBody()) {
      byte[] bytes = in.readNBytes(MAX_BODY + 1);
      if (bytes.length > MAX_BODY) {
        return fout(pad, 413, "Verzoek te groot", "Hoogstens " + MAX_BODY + " bytes");
      }
      inhoud = json.readTree(bytes);
    } catch (JsonProcessingException geenJson) {
      return fout(pad, 400, "Geen geldige JSON", geenJson.getOriginalMessage());
    }
    if (inhoud == null || !inhoud.isObject()) {
      return fout(pad, 400, "Geen geldige JSON", "Verwacht een JSON-object");
    }
    Eerder eerder = eerderPerKey.get(key);
    if (eerder != null) {
      if (!eerder.antwoord().pad().equals(pad)) {
        return fout(pad, 422, "Idempotency-Key al gebruikt",
            "Deze Idempotency-Key hoort bij een verzoek op " + eerder.antwoord().pad());
      }
      if (!eerder.inhoud().equals(inhoud)) {
        // Not a repeat but another request under a reused key: a defect of the caller, never silently absorbed.
        return fout(pad, 422, "Idempotency-Key al gebruikt",
            "Deze Idempotency-Key hoort bij een verzoek met een andere inhoud");
      }
      LOG.info("DEMO: {} POST {} (Idempotency-Key {}): herhaling, eerste antwoord opnieuw", naam, pad, key);
      return eerder.antwoord();
    }
    List<String> ontbrekend = route.get().verplichteVelden().stream()
        .filter(veld -> !inhoud.hasNonNull(veld)).toList();
    if (!ontbrekend.isEmpty()) {
      return fout(pad, 400, "Verplichte velden ontbreken", String.join(", ", ontbrekend));
    }
    Optional<String> ongeldig = controleer(route.get().soort(), inhoud);
    if (ongeldig.isPresent()) {
      return fout(pad, 400, "Ongeldig verzoek", ongeldig.get());
    }
    String id = nieuwId(route.get().idPrefix());
    ontvangen.add(new Ontvangen(id, route.get().soort(), pad, key, Instant.now(), inhoud));
    Antwoord antwoord = new Antwoord(pad, 201, json.writeValueAsString(verwerk(route.get().soort(), inhoud, id)));
    eerderPerKey.put(key, new Eerder(inhoud, antwoord));
    LOG.info("DEMO: {} POST {} (Idempotency-Key {}): {} {} aangemaakt", naam, pad, key, route.get().soort(), id);
    return antwoord;
  }

  /**
   * A further check of an accepted request of kind {@code soort} beyond the required fields; answers the reason
   * when the request is invalid (the simulator answers 400). Called under the simulator's lock. Default: valid.
   */
  protected Optional<String> controleer(String soort, JsonNode inhoud) {
    return Optional.empty();
  }

  /**
   * What an accepted request does and answers (as JSON); called once per Idempotency-Key, under the simulator's
   * lock. Default: nothing beyond keeping it, and {@code {"id": id}}.
   */
  protected Object verwerk(String soort, JsonNode inhoud, String id) {
    return Map.of("id", id);
  }

  private String nieuwId(String prefix) {
    int volgnummer = tellerPerPrefix.merge(prefix, 1, Integer::sum);
    return "%s-%d-%06d".formatted(prefix, Year.now(ZoneId.of("Europe/Amsterdam")).getValue(), volgnummer);
  }

  private Antwoord fout(String pad, int status, String titel, String detail) throws JsonProcessingException {
    Map<String, Object> probleem = new LinkedHashMap<>();
    probleem.put("title", titel);
    probleem.put("status", status);
    probleem.put("detail", naam + ": " + detail);
    return new Antwoord(pad, status, json.writeValueAsString(probleem));
  }
}
