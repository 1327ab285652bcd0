package nl.hgkm.keten.cluster;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.awaitility.Awaitility;

/**
 * One node of the cluster: the packaged application jar in a JVM of its own, started the way an operator starts it
 * (profile {@code prod}, database and mail from the environment, ops/cluster/start-node.sh), so that killing it is a
 * real SIGKILL. Its output goes to {@code target/cluster/<name>.log}; a failed start shows the log's tail.
 *
 * <p>The node listens on a port the operating system gives it ({@code --server.port=0}), read from its log line
 * "Tomcat started on port ...": a free port chosen here and handed over could be taken by another build on the
 * machine in the half minute before the node binds it.
 */
final class Node implements AutoCloseable {

  /** Generous: three JVMs start on two cores that other builds share; only a node that never comes up waits this. */
  private static final Duration STARTTIJD = Duration.ofMinutes(10);

  final String naam;
  /** Spring Boot's line once the web server listens (3.x; older versions wrote "port(s): "). */
  private static final Pattern LUISTERT_OP = Pattern.compile("Tomcat started on port(?:\\(s\\):)? (\\d+) \\(");

  private final Path log;
  private final Process proces;
  private volatile int poort;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  private Node(String naam, Path log, Process proces) {
    this.naam = naam;
    this.log = log;
    this.proces = proces;
  }

  /** Starts the jar; does not wait (see {@link #wachtTotGereed()}), so that several nodes start together. */
  static Node start(Path jar, String naam, Map<String, String> omgeving, List<String> argumenten) {
    Path log = jar.getParent().resolve("cluster").resolve(naam + ".log");
    List<String> commando = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        // Three JVMs share two cores here: serial GC and the quick compiler only start faster and are fast enough
        // for the minutes this test runs.
        "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-jar", jar.toString(),
        "--server.port=0"));
    commando.addAll(argumenten);
    try {
      Files.createDirectories(log.getParent());
      ProcessBuilder builder = new ProcessBuilder(commando).redirectErrorStream(true)
          .redirectOutput(log.toFile());
      builder.environment().put("KETEN_NODE_NAAM", naam);
      builder.environment().putAll(omgeving);
      Process proces = builder.start();
      // A test JVM that is stopped (Ctrl-C, a time-out around the build) takes its nodes with it.
      Runtime.getRuntime().addShutdownHook(new Thread(proces::destroyForcibly, "stop-" + naam));
      return new Node(naam, log, proces);
    } catch (IOException fout) {
      throw new UncheckedIOException("node " + naam + " start niet", fout);
    }
  }

  /**
   * Until the node has its port and /actuator/health/readiness answers 200; fails at once, with the log's tail, when
   * the JVM ends first.
   */
  Node wachtTotGereed() {
    Awaitility.await(naam + " gezond").atMost(STARTTIJD).pollInterval(Duration.ofMillis(500)).until(() -> {
      if (!proces.isAlive()) {
        fail("Node %s is gestopt tijdens de start (exit %d). Laatste regels van %s:%n%s", naam, proces.exitValue(),
            log, staart(80));
      }
      if (poort == 0) {
        poort = luistertOp();
        if (poort == 0) {
          return false;
        }
      }
      try {
        // Readiness: after the start's ApplicationReadyEvent work (the role setup), as a load balancer should ask.
        return get("/actuator/health/readiness", null).statusCode() == 200;
      } catch (IOException nogNiet) {
        return false;
      }
    });
    return this;
  }

  /** SIGKILL: no shutdown hook, no graceful stop, locks and in-flight transactions left as they are. */
  void doodAf() throws InterruptedException {
    proces.destroyForcibly();
    if (!proces.waitFor(30, TimeUnit.SECONDS)) {
      fail("Node %s leeft nog na SIGKILL", naam);
    }
  }

  boolean leeft() {
    return proces.isAlive();
  }

  String url(String pad) {
    if (poort == 0) {
      throw new IllegalStateException(naam + " heeft nog geen poort: eerst wachtTotGereed()");
    }
    return "http://localhost:" + poort + pad;
  }

  /** A user of the engine for HTTP Basic ({@code /api}, {@code /engine-rest}). */
  record Inlog(String gebruiker, String wachtwoord) {}

  HttpResponse<String> get(String pad, Inlog inlog) throws IOException {
    return stuur(HttpRequest.newBuilder(URI.create(url(pad))).GET(), inlog);
  }

  HttpResponse<String> post(String pad, String json, Inlog inlog) throws IOException {
    return stuur(HttpRequest.newBuilder(URI.create(url(pad))).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)), inlog);
  }

  HttpResponse<String> put(String pad, String json, Inlog inlog) throws IOException {
    return stuur(HttpRequest.newBuilder(URI.create(url(pad))).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)), inlog);
  }

  /** For requests this class does not build (cookies, CSRF headers). */
  HttpResponse<String> stuur(HttpRequest verzoek) throws IOException {
    try {
      return http.send(verzoek, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException onderbroken) {
      Thread.currentThread().interrupt();
      throw new IOException(onderbroken);
    }
  }

  private HttpResponse<String> stuur(HttpRequest.Builder verzoek, Inlog inlog) throws IOException {
    if (inlog != null) {
      verzoek.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((inlog.gebruiker() + ":" + inlog.wachtwoord()).getBytes(StandardCharsets.UTF_8)));
    }
    // Generous: on a machine that other builds load, one request to a busy node can take tens of seconds.
    return stuur(verzoek.timeout(Duration.ofMinutes(2)).build());
  }

  /** The port from the node's log, 0 while its web server has not started. */
  private int luistertOp() {
    try (Stream<String> regels = Files.lines(log, StandardCharsets.UTF_8)) {
      return regels.map(LUISTERT_OP::matcher).filter(Matcher::find).findFirst()
          .map(m -> Integer.parseInt(m.group(1))).orElse(0);
    } catch (IOException | UncheckedIOException nogNiet) {
      return 0;
    }
  }

  /** The last lines of the node's output, for failure messages. */
  String staart(int regels) {
    try {
      List<String> alle = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", alle.subList(Math.max(0, alle.size() - regels), alle.size()));
    } catch (IOException | UncheckedIOException fout) {
      return "(log niet leesbaar: " + fout + ")";
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (proces.isAlive()) {
      proces.destroy();
      if (!proces.waitFor(30, TimeUnit.SECONDS)) {
        proces.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  @Override
  public String toString() {
    return naam + " (poort " + poort + ")";
  }
}
