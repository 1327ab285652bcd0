package nl.hgkm.keten.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.hgkm.keten.cluster.Node.Inlog;
import nl.hgkm.keten.support.Buitensysteem;
import nl.hgkm.keten.support.Buitensystemen;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two nodes of the application on one PostgreSQL, as ops/cluster/README.md runs them: the packaged jar in two JVMs
 * (profile {@code prod}, job executor on, a 10-second lock time instead of production's 5 minutes), one embedded
 * PostgreSQL, the police, care and register systems as WireMock servers and a GreenMail SMTP server, all started
 * here.
 *
 * <p>The story, in order: both nodes start together on one empty database, make its schemas and deploy the models
 * once; a login on one node holds on the other; 200 cases go in through both nodes and every job completes exactly
 * once, on both nodes; then a node is killed (SIGKILL) while it holds jobs, and the other finishes every case once
 * those jobs' locks expire.
 *
 * <p>What it asserts is what the system guarantees, not what a quiet machine happens to do. Camunda's job executor
 * runs a job at least once: a lock that expires while a slow job still runs, or an optimistic-locking conflict after
 * the job's outside call, makes the call again. So every outside step must have its <em>effect</em> once (one
 * Idempotency-Key per case and step, registered once by the partner system, which answers a repeat with its first
 * answer), every repeat must carry the same body, every job's successful completion is in the job log once, every
 * mail goes out once (the mail journal), and no incident remains. How many repeats and failed attempts a run had is
 * printed as one line, {@code TweeNodesIT herhalingen: politie=... zorg=... register=... mislukte-jobpogingen=...}.
 * ops/cluster/herhaal-clustertest runs it several times in a row, also beside a CPU hog.
 *
 * <p>Timers fall due without waiting: meldingen arrive with {@code ontvangenOp} a month back, so the assessment's
 * escalation timer is due at once; huisverboden are imposed with {@code opgelegdOp} nine days back, so the
 * 24-hour reachability timer and the evaluation timer are due at once.
 *
 * <p>Needs the packaged jar ({@code target/keten-hgkm-*.jar}, made by {@code ./mvnw verify} before the integration
 * tests). Runs in the first failsafe execution only (it brings its own PostgreSQL; pom.xml). Run alone:
 * {@code ./mvnw verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -DskipPostgresITs -Dit.test=TweeNodesIT}
 * ({@code -Dit.test} overrides the executions' excludes, so without {@code -DskipPostgresITs} it would run twice).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TweeNodesIT {

  private static final Logger LOG = LoggerFactory.getLogger(TweeNodesIT.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final int HUISVERBODEN = 100;
  private static final int MELDINGEN = 100;
  private static final int HUISVERBODEN_BIJ_UITVAL = 20;
  private static final int MELDINGEN_BIJ_UITVAL = 20;
  /** Lock time of the job executors here; production's is 5 minutes (application-prod.yaml). */
  private static final Duration LOCKTIJD = Duration.ofSeconds(10);
  /**
   * How long the jobs of a batch of cases may take. Generous: on two cores that other builds share (or beside
   * ops/cluster/herhaal-clustertest --cpu-hog) they take minutes; only a run that goes wrong waits this long, and
   * its message says what is missing.
   */
  private static final Duration AFRONDEN = Duration.ofMinutes(10);

  private static final String WACHTWOORD = "Clustertest-wachtwoord-lang-genoeg-2027!";
  private static final Inlog BEHEERDER = new Inlog("beheerder", WACHTWOORD);
  private static final Inlog AGENT = new Inlog("agent", WACHTWOORD);
  private static final Inlog HOVJ = new Inlog("hovj", WACHTWOORD);

  /** The steps that leave the application: activity, outside system, path. */
  private static final List<Buitenstap> HUISVERBOD_BUITENSTAPPEN = List.of(
      new Buitenstap("Taak_PolitieRegistreren", Buitensystemen::politie, z -> "/api/v1/huisverboden"),
      new Buitenstap("Taak_HuishoudenInformeren", Buitensystemen::politie,
          z -> "/api/v1/huisverboden/" + z + "/uitreikingen"),
      new Buitenstap("Taak_ZorgVerwijzen", Buitensystemen::zorg, z -> "/api/v1/verwijzingen"));
  private static final List<Buitenstap> MELDING_BUITENSTAPPEN = List.of(
      new Buitenstap("Taak_RegisterRaadplegen", Buitensystemen::register, z -> Buitensystemen.REGISTER_RAADPLEGINGEN),
      new Buitenstap("Taak_BetrokkenheidRegistreren", Buitensystemen::register,
          z -> Buitensystemen.REGISTER_BETROKKENHEDEN));

  /**
   * Activities that each case must have completed exactly once: its jobs (asynchronous steps and timers), in its
   * own process and, for a melding, in the register lookup that its intake starts.
   */
  private static final List<String> HUISVERBOD_STAPPEN = List.of("Taak_BeschikkingOpstellen",
      "Taak_HuishoudenInformeren", "Taak_BurgemeesterInformeren", "Taak_VeiligThuisInformeren",
      "Taak_PolitieRegistreren", "Taak_ZorgVerwijzen", "Timer_Bereikbaarheid24Uur", "Timer_Evaluatie");
  private static final List<String> MELDING_STAPPEN = List.of("Timer_VeiligheidsbeoordelingVerlopen",
      "Taak_TeamleiderMailenVeiligheidsbeoordeling", "Taak_RegisterRaadplegen", "Taak_BetrokkenheidRegistreren");

  private static final AtomicInteger VOLGNUMMER = new AtomicInteger();
  private static final String RUN = UUID.randomUUID().toString().substring(0, 6);

  private static EmbeddedPostgres postgres;
  private static GreenMail smtp;
  private static JdbcClient db;
  private static Node a;
  private static Node b;

  @BeforeAll
  static void startCluster() throws Exception {
    Path jar = jar();
    postgres = EmbeddedPostgres.builder().start();
    db = JdbcClient.create(postgres.getPostgresDatabase());
    smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
    Buitensystemen.reset();

    Map<String, String> omgeving = Map.of(
        "KETEN_DB_URL", "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres",
        "KETEN_DB_USER", "postgres",
        "KETEN_DB_PASSWORD", "postgres",
        "KETEN_MAIL_HOST", "127.0.0.1",
        "KETEN_MAIL_PORT", String.valueOf(smtp.getSmtp().getPort()),
        "KETEN_MAIL_USER", "",
        "KETEN_MAIL_PASSWORD", "");
    long start = System.nanoTime();
    // Only node A writes the role model (ops/cluster/README.md: a one-time step, not for every node).
    a = Node.start(jar, "node-a", omgeving, argumenten("--keten.identiteit.rollen-inrichten=true"));
    // Node B at the same moment, on the same empty database: Flyway makes both schemas (the engine's too) under a
    // database lock, so one node migrates and the other finds it done; the deployment takes a lock of its own.
    b = Node.start(jar, "node-b", omgeving, argumenten());
    a.wachtTotGereed();
    b.wachtTotGereed();
    LOG.info("Twee nodes gestart in {} s", (System.nanoTime() - start) / 1_000_000_000);
    richtGebruikersIn();
  }

  @AfterAll
  static void stopCluster() throws Exception {
    // Nodes before the database: they would otherwise spend their shutdown on a vanished PostgreSQL.
    for (Node node : new Node[] {a, b}) {
      if (node != null) {
        node.close();
      }
    }
    if (smtp != null) {
      smtp.stop();
    }
    if (postgres != null) {
      postgres.close();
    }
    Buitensystemen.reset();
  }

  @Test
  @Order(1)
  void tweeNodesOpEenDatabaseRollenElkModelEenKeerUit() {
    // Started together on an empty database: each schema made once, by one of them.
    for (String historie : List.of("engine_schema_history", "keten_schema_history")) {
      assertThat(db.sql("select \"version\", count(*) from \"" + historie + "\" group by \"version\"")
          .query((rs, i) -> rs.getInt(2)).list()).as(historie).isNotEmpty().containsOnly(1);
    }
    assertThat(db.sql("select \"version\" from \"engine_schema_history\" where \"success\" = true")
        .query(String.class).list()).containsExactly("7.24.0");
    Map<String, Integer> versies = db.sql("select KEY_, count(*) from ACT_RE_PROCDEF group by KEY_")
        .query((rs, i) -> Map.entry(rs.getString(1), rs.getInt(2))).list().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (x, y) -> x, TreeMap::new));

    assertThat(versies).containsKeys("melding", "huisverbod", "hulpaanbod", "monitoring", "terugkoppeling")
        .allSatisfy((sleutel, aantal) -> assertThat(aantal).as("versies van %s", sleutel).isEqualTo(1));
    assertThat(db.sql("select count(*) from ACT_RE_DECISION_DEF where VERSION_ > 1").query(Integer.class).single())
        .isZero();
    assertThat(db.sql("select count(*) from ACT_RE_DEPLOYMENT").query(Integer.class).single()).isEqualTo(1);
  }

  @Test
  @Order(2)
  void eenAanmeldingInDeWebappsOpNodeAGeldtOokOpNodeB() throws Exception {
    WebSessie sessie = new WebSessie();
    // Tasklist's login page on node A gives a session and a CSRF token; the login itself is a form POST.
    sessie.get(a, "/camunda/app/tasklist/default/");
    HttpResponse<String> aanmelding = sessie.postFormulier(a, "/camunda/api/admin/auth/user/default/login/tasklist",
        "username=" + BEHEERDER.gebruiker() + "&password=" + URLEncoder.encode(WACHTWOORD, StandardCharsets.UTF_8));
    assertThat(aanmelding.statusCode()).as(aanmelding.body()).isEqualTo(200);

    // The same cookie on node B: the login is there, read from the shared session store.
    HttpResponse<String> wieOpB = sessie.get(b, "/camunda/api/admin/auth/user/default");
    assertThat(wieOpB.statusCode()).as(wieOpB.body()).isEqualTo(200);
    assertThat(JSON.readTree(wieOpB.body()).path("userId").asText()).isEqualTo(BEHEERDER.gebruiker());
    assertThat(sessie.get(b, "/camunda/api/engine/engine/default/user/beheerder/profile").statusCode())
        .isEqualTo(200);
    // Without the cookie node B knows nobody: the shared store, not luck, made the difference.
    assertThat(b.get("/camunda/api/admin/auth/user/default", null).statusCode()).isNotEqualTo(200);

    // A state-changing request on node B passes the CSRF check against the token in the shared session, and the
    // logout it makes holds on node A too.
    HttpResponse<String> afmelding = sessie.postFormulier(b, "/camunda/api/admin/auth/user/default/logout", "");
    assertThat(afmelding.statusCode()).as(afmelding.body()).isEqualTo(200);
    assertThat(sessie.get(a, "/camunda/api/admin/auth/user/default").statusCode()).isNotEqualTo(200);
  }

  @Test
  @Order(3)
  void tweehonderdZakenOverBeideNodesElkeTaakPreciesEenKeer() throws Exception {
    Buitensystemen.reset();
    smtp.purgeEmailFromAllMailboxes();
    Instant begin = Instant.now();
    long start = System.nanoTime();

    List<Zaak> zaken = startZaken(HUISVERBODEN, MELDINGEN);
    long gestart = System.nanoTime();
    wachtTotAfgerond(zaken);
    LOG.info("{} zaken gestart in {} ms, hun jobs afgerond {} ms later", zaken.size(),
        (gestart - start) / 1_000_000, (System.nanoTime() - gestart) / 1_000_000);

    assertThat(db.sql("select count(*) from ACT_RU_INCIDENT").query(Integer.class).single()).isZero();
    assertThat(uitvoerbareJobs()).isZero();
    // Each job's successful completion once; a failed attempt (an outside call that timed out under load, a mail
    // that another run was still sending) is allowed and counted: it is a retry, not a second effect.
    assertThat(jobsMetMeerDanEenSucces()).isEmpty();

    // Both nodes did the work.
    Map<String, Integer> perNode = db.sql("""
            select HOSTNAME_, count(*) from ACT_HI_JOB_LOG where JOB_STATE_ = 2 group by HOSTNAME_""")
        .query((rs, i) -> Map.entry(rs.getString(1), rs.getInt(2))).list().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    LOG.info("Uitgevoerde jobs per node: {}", perNode);
    assertThat(perNode).containsOnlyKeys("node-a", "node-b");
    assertThat(perNode.values()).allSatisfy(aantal -> assertThat(aantal).isGreaterThan(zaken.size() / 10));

    // Every outside step had its effect once: one Idempotency-Key per case and step, and one effect per key at the
    // police, care and register systems. The job executor runs a job at least once (a lock that expired under load,
    // an optimistic-locking conflict after the call), so a key may arrive again; the partner answers it with the
    // first answer and nothing happens twice. A repeat with another body would be a real defect.
    elkeBuitenstapEenEffect(zaken);
    assertThat(Buitensystemen.politie().effecten()).hasSize(2 * HUISVERBODEN);
    assertThat(Buitensystemen.zorg().effecten()).hasSize(HUISVERBODEN);
    for (Buitensysteem systeem : buitensystemen()) {
      assertThat(systeem.verzoeken()).as(systeem.url()).allSatisfy(v -> assertThat(v.geslaagd()).isTrue());
    }
    meldHerhalingen("", begin);

    // Every mail once: one copy per recipient of each Message-ID, one Message-ID per case and step.
    Map<String, Integer> mails = mailsPerBerichtId(true);
    elkeZaakKreegZijnMail(zaken, mails, true);
    assertThat(mails.values()).containsOnly(1);
  }

  @Test
  @Order(4)
  void valtEenNodeUitDanMaaktDeAndereElkeZaakAfNaAfloopVanZijnVergrendelingen() throws Exception {
    Buitensystemen.reset();
    smtp.purgeEmailFromAllMailboxes();
    // Slow outside systems keep the jobs running long enough to kill a node in the middle of them.
    for (Buitensysteem systeem : buitensystemen()) {
      systeem.traag(Duration.ofMillis(700));
    }
    try {
      Instant begin = Instant.now();
      List<Zaak> zaken = startZaken(HUISVERBODEN_BIJ_UITVAL, MELDINGEN_BIJ_UITVAL);

      Awaitility.await("node A heeft jobs vergrendeld en er is al werk gedaan").atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofMillis(50))
          .until(() -> geslaagdeBuitenaanroepen() >= 5 && vergrendeldDoor(a) > 0);
      a.doodAf();
      Instant uitval = Instant.now();
      List<VergrendeldeJob> wezen = db.sql("""
              select ID_, LOCK_EXP_TIME_ from ACT_RU_JOB where LOCK_OWNER_ like :eigenaar""")
          .param("eigenaar", a.naam + "-%")
          .query((rs, i) -> new VergrendeldeJob(rs.getString(1), rs.getTimestamp(2))).list();
      LOG.info("Node A gedood; {} jobs staan nog op zijn naam", wezen.size());
      assertThat(wezen).as("jobs die node A bij zijn dood vasthield").isNotEmpty();

      wachtTotAfgerond(zaken);
      LOG.info("Node B rondde alles af {} ms na de uitval", Duration.between(uitval, Instant.now()).toMillis());

      assertThat(db.sql("select count(*) from ACT_RU_INCIDENT").query(Integer.class).single()).isZero();
      assertThat(uitvoerbareJobs()).isZero();
      assertThat(jobsMetMeerDanEenSucces()).isEmpty();
      // Node A's jobs: each run successfully once, by node B. Not necessarily after A's lock expired: B may have
      // acquired the job itself earlier, and under load its batch waited in B's queue longer than the lock time, so
      // A could lock it again before dying; the engine executes a job id it holds without checking whose lock is
      // on the row, and its revision check lets only one execution commit. Counted, not forbidden.
      int voorAfloop = 0;
      for (VergrendeldeJob wees : wezen) {
        List<JobLog> successen = db.sql("""
                select HOSTNAME_, TIMESTAMP_ from ACT_HI_JOB_LOG where JOB_ID_ = :id and JOB_STATE_ = 2""")
            .param("id", wees.id())
            .query((rs, i) -> new JobLog(rs.getString(1), rs.getTimestamp(2))).list();
        assertThat(successen).as("job %s", wees.id()).singleElement()
            .satisfies(log -> assertThat(log.node()).isEqualTo(b.naam));
        if (successen.get(0).tijdstip().before(wees.vergrendeldTot())) {
          voorAfloop++;
        }
      }
      LOG.info("Van de {} jobs op naam van node A voerde node B er {} uit voor A's vergrendeling afliep "
          + "(uit een eigen, eerdere acquisitie)", wezen.size(), voorAfloop);

      // Every outside step had its effect once, with one and the same answer for each repeat: a call that node A
      // made just before dying comes again from node B with the same Idempotency-Key and the same body, and the
      // partner answers it with what it registered the first time.
      elkeBuitenstapEenEffect(zaken);
      meldHerhalingen(" na uitval", begin);

      elkeZaakKreegZijnMail(zaken, mailsPerBerichtId(false), false);
    } finally {
      for (Buitensysteem systeem : buitensystemen()) {
        systeem.weerOp();
      }
    }
  }

  // --- Cases -----------------------------------------------------------------------------------------------------

  private enum Soort { HUISVERBOD, MELDING }

  private record Zaak(Soort soort, String zaaknummer, String processInstanceId) {
    List<String> stappen() {
      return soort == Soort.HUISVERBOD ? HUISVERBOD_STAPPEN : MELDING_STAPPEN;
    }

    List<Buitenstap> buitenstappen() {
      return soort == Soort.HUISVERBOD ? HUISVERBOD_BUITENSTAPPEN : MELDING_BUITENSTAPPEN;
    }
  }

  private record Buitenstap(String activiteit, Supplier<Buitensysteem> systeem, Function<String, String> pad) {

    /** The requests of this step of this case, by Idempotency-Key ({@code <zaaknummer>.<activity>.<execution>...}). */
    Map<String, List<Buitensysteem.Verzoek>> verzoeken(Zaak zaak) {
      String voorvoegsel = zaak.zaaknummer() + "." + activiteit + ".";
      return systeem.get().verzoeken(pad.apply(zaak.zaaknummer())).stream()
          .filter(v -> v.idempotencyKey() != null && v.idempotencyKey().startsWith(voorvoegsel))
          .collect(Collectors.groupingBy(Buitensysteem.Verzoek::idempotencyKey, LinkedHashMap::new,
              Collectors.toList()));
    }
  }

  private record VergrendeldeJob(String id, Timestamp vergrendeldTot) {}

  private record JobLog(String node, Timestamp tijdstip) {}

  /**
   * Starts the cases through both nodes, half each: a huisverbod is proposed on one node and imposed on the other,
   * a melding comes in on one. Four clients at a time.
   */
  private static List<Zaak> startZaken(int huisverboden, int meldingen) throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(4);
    try {
      List<Future<Zaak>> gestart = new ArrayList<>();
      for (int i = 0; i < Math.max(huisverboden, meldingen); i++) {
        Node hier = i % 2 == 0 ? a : b;
        Node daar = hier == a ? b : a;
        if (i < huisverboden) {
          gestart.add(clients.submit(() -> huisverbod(hier, daar)));
        }
        if (i < meldingen) {
          gestart.add(clients.submit(() -> melding(hier)));
        }
      }
      List<Zaak> zaken = new ArrayList<>();
      for (Future<Zaak> zaak : gestart) {
        zaken.add(zaak.get(5, TimeUnit.MINUTES));
      }
      return zaken;
    } finally {
      clients.shutdownNow();
    }
  }

  private static Zaak huisverbod(Node voorstel, Node besluit) throws IOException {
    int n = VOLGNUMMER.incrementAndGet();
    OffsetDateTime nu = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
    String body = """
        {"regio": "amsterdam-amstelland", "gemeente": "amsterdam",
         "incidentOp": "%s",
         "pleger": {"naam": "Pleger %s-%d", "geboortedatum": "1985-06-01"},
         "achterblijvers": [{"naam": "Achterblijver %s-%d", "geboortedatum": "1987-02-14", "rol": "SLACHTOFFER"}],
         "kindermishandeling": false,
         "rihg": {"roodPleger": 2, "roodIncident": 1, "roodGezin": 0,
                  "woontOfVerblijftNietIncidenteel": true, "ernstigOnmiddellijkGevaarOordeel": true},
         "woning": {"straat": "Clusterstraat", "huisnummer": "%d", "postcode": "1234ab", "plaats": "Amsterdam"},
         "feiten": "Clustertest."}""".formatted(nu.minusDays(9).minusHours(2), RUN, n, RUN, n, n);
    JsonNode antwoord = verwacht(voorstel.post("/api/huisverboden", body, AGENT), 201);
    String zaaknummer = antwoord.path("zaaknummer").asText();
    String processInstanceId = antwoord.path("processInstanceId").asText();

    JsonNode taken = verwacht(besluit.get("/engine-rest/task?processInstanceId=" + processInstanceId
        + "&taskDefinitionKey=besluit-oplegging", HOVJ), 200);
    assertThat(taken).as("besluit-oplegging van %s", zaaknummer).hasSize(1);
    // Imposed nine days ago: the reachability and evaluation timers are due at once.
    String variabelen = """
        {"variables": {"besluit": {"value": "OPLEGGEN"}, "opgelegdDoor": {"value": "HULPOFFICIER"},
                       "opgelegdOp": {"value": "%s"}, "motivering": {"value": "Clustertest."}}}"""
        .formatted(nu.minusDays(9));
    verwacht(besluit.post("/engine-rest/task/" + taken.get(0).path("id").asText() + "/complete", variabelen, HOVJ),
        204);
    return new Zaak(Soort.HUISVERBOD, zaaknummer, processInstanceId);
  }

  private static Zaak melding(Node node) throws IOException {
    int n = VOLGNUMMER.incrementAndGet();
    // Received a month ago: the five working days of the assessment have passed, its escalation timer is due.
    String body = """
        {"ontvangenOp": "%s", "regio": "utrecht",
         "melder": {"type": "BURGER", "naam": "Buurvrouw", "anoniemNaarGezin": false},
         "betrokkenen": [{"rol": "SLACHTOFFER", "naam": "Betrokkene %s-%d", "geboortedatum": "1990-01-31"}],
         "signalen": {"kindStelselmatigGetuigeHG": true},
         "omschrijving": "Clustertest."}"""
        .formatted(OffsetDateTime.now(ZoneOffset.UTC).minusDays(30).truncatedTo(ChronoUnit.SECONDS), RUN, n);
    JsonNode antwoord = verwacht(node.post("/api/meldingen", body, AGENT), 201);
    return new Zaak(Soort.MELDING, antwoord.path("zaaknummer").asText(),
        antwoord.path("processInstanceId").asText());
  }

  /**
   * Until every case has passed each of its job steps exactly once (process history; an attempt that was rolled
   * back leaves none) and no job is due any more (also those of the processes the cases started: the Veilig Thuis
   * intake from a huisverbod, the register lookups). Bounded; on time-out the message says what is missing and what
   * the nodes said last.
   */
  private static void wachtTotAfgerond(List<Zaak> zaken) {
    try {
      Awaitility.await("alle jobs van " + zaken.size() + " zaken").atMost(AFRONDEN).pollInterval(Duration.ofSeconds(1))
          .until(() -> ontbrekendeStappen(zaken).isEmpty() && uitvoerbareJobs() == 0);
    } catch (ConditionTimeoutException teLaat) {
      Map<String, List<String>> ontbrekend = ontbrekendeStappen(zaken);
      fail("Na %s nog niet klaar: %d zaken missen stappen, bijvoorbeeld %s.%nIncidenten: %s%nUitvoerbare jobs: %d%n"
              + "node-a:%n%s%nnode-b:%n%s", AFRONDEN, ontbrekend.size(),
          ontbrekend.entrySet().stream().limit(5).toList(),
          db.sql("select INCIDENT_MSG_ from ACT_RU_INCIDENT").query(String.class).list(), uitvoerbareJobs(),
          a.staart(40), b.staart(40));
    }
    Map<String, List<String>> dubbel = stappen(zaken).entrySet().stream()
        .filter(e -> e.getValue().values().stream().anyMatch(aantal -> aantal > 1))
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().entrySet().stream()
            .filter(s -> s.getValue() > 1).map(Map.Entry::getKey).toList()));
    assertThat(dubbel).as("stappen die meer dan eens zijn doorlopen").isEmpty();
  }

  /** Per case: the job steps it has not completed yet. */
  private static Map<String, List<String>> ontbrekendeStappen(List<Zaak> zaken) {
    Map<String, Map<String, Integer>> gedaan = stappen(zaken);
    Map<String, List<String>> ontbrekend = new TreeMap<>();
    for (Zaak zaak : zaken) {
      List<String> mist = zaak.stappen().stream()
          .filter(stap -> !gedaan.getOrDefault(zaak.zaaknummer(), Map.of()).containsKey(stap)).toList();
      if (!mist.isEmpty()) {
        ontbrekend.put(zaak.zaaknummer(), mist);
      }
    }
    return ontbrekend;
  }

  /**
   * Per case (zaaknummer): its completed job steps and how often, in its own process tree and, for a melding, in
   * the register lookup its intake started (a process of its own, business key the zaaknummer).
   */
  private static Map<String, Map<String, Integer>> stappen(List<Zaak> zaken) {
    Map<String, String> zaakPerWortel = new HashMap<>();
    zaken.forEach(zaak -> zaakPerWortel.put(zaak.processInstanceId(), zaak.zaaknummer()));
    Set<String> meldingen = zaken.stream().filter(z -> z.soort() == Soort.MELDING).map(Zaak::zaaknummer)
        .collect(Collectors.toSet());
    db.sql("select ID_, BUSINESS_KEY_ from ACT_HI_PROCINST where PROC_DEF_KEY_ = 'registerraadpleging'")
        .query(rs -> {
          if (meldingen.contains(rs.getString(2))) {
            zaakPerWortel.put(rs.getString(1), rs.getString(2));
          }
        });
    List<String> stappen = Stream.concat(HUISVERBOD_STAPPEN.stream(), MELDING_STAPPEN.stream()).toList();
    Map<String, Map<String, Integer>> gedaan = new HashMap<>();
    db.sql("""
            select ROOT_PROC_INST_ID_, ACT_ID_, count(*) from ACT_HI_ACTINST
            where END_TIME_ is not null and ACT_ID_ in (:stappen) group by ROOT_PROC_INST_ID_, ACT_ID_""")
        .param("stappen", stappen)
        .query(rs -> {
          String zaak = zaakPerWortel.get(rs.getString(1));
          if (zaak != null) {
            gedaan.computeIfAbsent(zaak, k -> new HashMap<>()).merge(rs.getString(2), rs.getInt(3), Integer::sum);
          }
        });
    return gedaan;
  }

  private static List<Buitensysteem> buitensystemen() {
    return List.of(Buitensystemen.politie(), Buitensystemen.zorg(), Buitensystemen.register());
  }

  /**
   * Each case's outside steps: exactly one Idempotency-Key each, that key had its effect once at its system, and
   * every request with it got the same successful answer; and no system saw a known key with another body.
   */
  private static void elkeBuitenstapEenEffect(List<Zaak> zaken) {
    for (Buitensysteem systeem : buitensystemen()) {
      assertThat(systeem.conflicten()).as("dezelfde Idempotency-Key voor een ander verzoek bij %s", systeem.url())
          .isEmpty();
      assertThat(systeem.effecten().stream().collect(Collectors.groupingBy(Buitensysteem.Effect::idempotencyKey,
          Collectors.counting()))).as("effecten per Idempotency-Key bij %s", systeem.url())
          .allSatisfy((sleutel, aantal) -> assertThat(aantal).as(sleutel).isEqualTo(1));
    }
    for (Zaak zaak : zaken) {
      for (Buitenstap stap : zaak.buitenstappen()) {
        Map<String, List<Buitensysteem.Verzoek>> perSleutel = stap.verzoeken(zaak);
        assertThat(perSleutel).as("Idempotency-Keys van %s %s", zaak.zaaknummer(), stap.activiteit()).hasSize(1);
        String sleutel = perSleutel.keySet().iterator().next();
        assertThat(stap.systeem().get().effecten()).as("effect van %s", sleutel)
            .filteredOn(effect -> effect.idempotencyKey().equals(sleutel)).hasSize(1);
        List<Buitensysteem.Verzoek> verzoeken = perSleutel.get(sleutel);
        assertThat(verzoeken).as(sleutel).anySatisfy(v -> assertThat(v.geslaagd()).isTrue());
        assertThat(verzoeken.stream().map(Buitensysteem.Verzoek::body).map(TweeNodesIT::json).distinct())
            .as("inhoud van de verzoeken met %s", sleutel).hasSize(1);
        assertThat(verzoeken.stream().filter(Buitensysteem.Verzoek::geslaagd).map(Buitensysteem.Verzoek::status)
            .distinct()).as("antwoorden op %s", sleutel).hasSize(1);
      }
    }
  }

  /**
   * Says how often a partner system saw an Idempotency-Key again and how often a job attempt failed since
   * {@code sinds}, in one line that ops/cluster/herhaal-clustertest and the coordinator grep for. Repeats and failed
   * attempts are allowed (the job executor runs a job at least once); their number shows how loaded the run was.
   */
  private static void meldHerhalingen(String wanneer, Instant sinds) {
    int mislukt = db.sql("select count(*) from ACT_HI_JOB_LOG where JOB_STATE_ = 1 and TIMESTAMP_ >= :sinds")
        .param("sinds", Timestamp.from(sinds)).query(Integer.class).single();
    String regel = "TweeNodesIT herhalingen%s: politie=%d zorg=%d register=%d mislukte-jobpogingen=%d".formatted(
        wanneer, Buitensystemen.politie().herhalingen(), Buitensystemen.zorg().herhalingen(),
        Buitensystemen.register().herhalingen(), mislukt);
    LOG.info(regel);
    System.out.println(regel);
  }

  private static JsonNode json(String tekst) {
    try {
      return JSON.readTree(tekst);
    } catch (IOException geenJson) {
      throw new AssertionError("geen JSON: " + tekst, geenJson);
    }
  }

  /**
   * Jobs that are due, or failed and waiting for their next attempt, not suspended and not failed for good: work the
   * job executors still have to do.
   */
  private static int uitvoerbareJobs() {
    return db.sql("""
            select count(*) from ACT_RU_JOB
            where RETRIES_ > 0 and SUSPENSION_STATE_ = 1
              and (DUEDATE_ is null or DUEDATE_ <= :nu or EXCEPTION_STACK_ID_ is not null)""")
        .param("nu", Timestamp.from(Instant.now())).query(Integer.class).single();
  }

  private static List<String> jobsMetMeerDanEenSucces() {
    return db.sql("select JOB_ID_ from ACT_HI_JOB_LOG where JOB_STATE_ = 2 group by JOB_ID_ having count(*) > 1")
        .query(String.class).list();
  }

  private static int vergrendeldDoor(Node node) {
    return db.sql("select count(*) from ACT_RU_JOB where LOCK_OWNER_ like :eigenaar and LOCK_EXP_TIME_ > :nu")
        .param("eigenaar", node.naam + "-%").param("nu", Timestamp.from(Instant.now()))
        .query(Integer.class).single();
  }

  private static long geslaagdeBuitenaanroepen() {
    return buitensystemen().stream().flatMap(systeem -> systeem.verzoeken().stream())
        .filter(Buitensysteem.Verzoek::geslaagd).count();
  }

  /**
   * Each case's mail from a job step (the mayor's mail per huisverbod, the escalation per melding) arrived: its
   * Message-ID starts with the case and the step. {@code eenKeer}: exactly one such Message-ID, sent once.
   */
  private static void elkeZaakKreegZijnMail(List<Zaak> zaken, Map<String, Integer> mails, boolean eenKeer) {
    for (Zaak zaak : zaken) {
      String voorvoegsel = zaak.zaaknummer() + (zaak.soort() == Soort.HUISVERBOD
          ? ".Taak_BurgemeesterInformeren." : ".Taak_TeamleiderMailenVeiligheidsbeoordeling.");
      List<String> ids = mails.keySet().stream().filter(id -> id.startsWith(voorvoegsel)).toList();
      assertThat(ids).as("mail van %s", zaak.zaaknummer()).hasSizeGreaterThanOrEqualTo(1);
      if (eenKeer) {
        assertThat(ids).as("mail van %s", zaak.zaaknummer()).singleElement()
            .satisfies(id -> assertThat(mails.get(id)).as("verzonden %s", id).isEqualTo(1));
      }
    }
  }

  /**
   * Received mails by Message-ID (without the angle brackets and domain); the value is how often the message was
   * sent, i.e. copies divided by its recipients. {@code precies}: fail on a copy count that is not a whole send.
   */
  private static Map<String, Integer> mailsPerBerichtId(boolean precies) {
    Map<String, List<MimeMessage>> perId = Stream.of(smtp.getReceivedMessages())
        .collect(Collectors.groupingBy(TweeNodesIT::berichtId));
    Map<String, Integer> keer = new TreeMap<>();
    perId.forEach((id, kopieen) -> {
      int ontvangers = ontvangers(kopieen.get(0));
      if (precies) {
        assertThat(kopieen.size() % ontvangers).as("kopieën van %s", id).isZero();
      }
      keer.put(id, Math.max(1, kopieen.size() / ontvangers));
    });
    return keer;
  }

  private static String berichtId(MimeMessage bericht) {
    try {
      String id = bericht.getMessageID();
      return id.substring(1, id.indexOf('@'));
    } catch (MessagingException fout) {
      throw new IllegalStateException(fout);
    }
  }

  private static int ontvangers(MimeMessage bericht) {
    try {
      return bericht.getAllRecipients().length;
    } catch (MessagingException fout) {
      throw new IllegalStateException(fout);
    }
  }

  // --- Setup -----------------------------------------------------------------------------------------------------

  /**
   * The packaged jar. Under Maven the failsafe configuration names it ({@code keten.jar}) and it must exist; from an
   * IDE without a packaged jar this test is skipped, loudly.
   */
  private static Path jar() throws IOException {
    String genoemd = System.getProperty("keten.jar");
    if (genoemd != null && !genoemd.isBlank()) {
      Path jar = Path.of(genoemd);
      assertThat(jar).as("het applicatie-jar dat ./mvnw verify maakt").isRegularFile();
      return jar.toAbsolutePath();
    }
    Path doel = Path.of("target");
    List<Path> jars = Files.isDirectory(doel) ? Files.list(doel)
        .filter(p -> p.getFileName().toString().matches("keten-hgkm-.*\\.jar")).toList() : List.of();
    if (jars.isEmpty()) {
      String melding = "TweeNodesIT OVERGESLAGEN: geen target/keten-hgkm-*.jar. Deze test start het verpakte jar in "
          + "twee JVM's; maak het met ./mvnw package -DskipTests (./mvnw verify doet dat vanzelf).";
      System.err.println(melding);
      Assumptions.abort(melding);
    }
    return jars.get(0).toAbsolutePath();
  }

  private static List<String> argumenten(String... extra) {
    List<String> argumenten = new ArrayList<>(List.of(
        "--spring.profiles.active=prod",
        "--KETEN_PERSOONSSLEUTEL=tweenodes-test-persoonssleutel-0123456789abcdef",
        "--keten.integratie.politie.basis-url=" + Buitensystemen.politie().url(),
        "--keten.integratie.politie.gebruiker=keten-test",
        "--keten.integratie.politie.wachtwoord=test-politie",
        "--keten.integratie.politie.lees-timeout=3s",
        "--keten.integratie.zorg.basis-url=" + Buitensystemen.zorg().url(),
        "--keten.integratie.zorg.gebruiker=keten-test",
        "--keten.integratie.zorg.wachtwoord=test-zorg",
        "--keten.integratie.zorg.lees-timeout=3s",
        "--keten.integratie.register.basis-url=" + Buitensystemen.register().url(),
        "--keten.integratie.register.gebruiker=keten-test",
        "--keten.integratie.register.wachtwoord=test-register",
        "--keten.integratie.register.lees-timeout=3s",
        // Short lock, quick polling: a killed node's jobs come free within seconds, not production's minutes.
        "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCKTIJD.toMillis(),
        "--camunda.bpm.job-execution.wait-time-in-millis=500",
        "--camunda.bpm.job-execution.max-wait=2000",
        // A failed attempt comes back in seconds, so a test that goes wrong says so before its time-out.
        "--keten.retry.politie=R10/PT2S", "--keten.retry.zorg=R10/PT2S", "--keten.retry.register=R10/PT2S",
        "--keten.retry.intern=R10/PT2S",
        // A node killed while it sends a mail leaves the mail journal's claim behind: the other node's attempts
        // answer "being sent elsewhere" until the claim's lease (production: 5 minutes) has passed. A short lease,
        // still far above one SMTP exchange with the local GreenMail, and retries that outlast it.
        "--keten.mail.claim-duur=60s", "--keten.retry.mail=R40/PT2S"));
    argumenten.addAll(List.of(extra));
    return argumenten;
  }

  /**
   * Production starts without users. The first administrator comes from Camunda Admin's setup page (on node A),
   * the test's users from the engine REST API (on node B): one database, either node.
   */
  private static void richtGebruikersIn() throws IOException {
    WebSessie sessie = new WebSessie();
    sessie.get(a, "/camunda/app/admin/default/");
    HttpResponse<String> setup = sessie.postJson(a, "/camunda/api/admin/setup/default/user/create", """
        {"profile": {"id": "%s", "firstName": "Eerste", "lastName": "Beheerder"},
         "credentials": {"password": "%s"}}""".formatted(BEHEERDER.gebruiker(), WACHTWOORD));
    assertThat(setup.statusCode()).as(setup.body()).isEqualTo(204);
    for (String[] gebruiker : new String[][] {{AGENT.gebruiker(), "politie"}, {HOVJ.gebruiker(), "hulpofficier"}}) {
      verwacht(b.post("/engine-rest/user/create", """
          {"profile": {"id": "%s", "firstName": "Test", "lastName": "%s"}, "credentials": {"password": "%s"}}"""
          .formatted(gebruiker[0], gebruiker[1], WACHTWOORD), BEHEERDER), 204);
      verwacht(b.put("/engine-rest/group/" + gebruiker[1] + "/members/" + gebruiker[0], "", BEHEERDER), 204);
      // The huisverboden are in Amsterdam: the police unit's officers are members of that region's tenant, which
      // every node creates on start (docs/rollen-en-rechten.md).
      verwacht(b.put("/engine-rest/tenant/amsterdam-amstelland/user-members/" + gebruiker[0], "", BEHEERDER), 204);
    }
  }

  private static JsonNode verwacht(HttpResponse<String> antwoord, int status) throws IOException {
    assertThat(antwoord.statusCode()).as("%s %s: %s", antwoord.request().method(), antwoord.uri(), antwoord.body())
        .isEqualTo(status);
    return antwoord.body() == null || antwoord.body().isBlank() ? JSON.nullNode() : JSON.readTree(antwoord.body());
  }

  /**
   * A browser's view of the Camunda webapps: its cookies (the session, Spring Session's {@code SESSION}) and the
   * CSRF token the webapps hand out, sent along to whichever node the next request goes to.
   */
  private static final class WebSessie {
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String csrfToken;

    HttpResponse<String> get(Node node, String pad) throws IOException {
      return bewaar(node.stuur(verzoek(node, pad).GET().build()));
    }

    HttpResponse<String> postFormulier(Node node, String pad, String formulier) throws IOException {
      return bewaar(node.stuur(verzoek(node, pad).header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(formulier)).build()));
    }

    HttpResponse<String> postJson(Node node, String pad, String json) throws IOException {
      return bewaar(node.stuur(verzoek(node, pad).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(json)).build()));
    }

    private HttpRequest.Builder verzoek(Node node, String pad) {
      HttpRequest.Builder verzoek = HttpRequest.newBuilder(URI.create(node.url(pad))).timeout(Duration.ofSeconds(30));
      if (!cookies.isEmpty()) {
        verzoek.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
            .collect(Collectors.joining("; ")));
      }
      if (csrfToken != null) {
        verzoek.header("X-XSRF-TOKEN", csrfToken);
      }
      return verzoek;
    }

    private HttpResponse<String> bewaar(HttpResponse<String> antwoord) {
      for (String cookie : antwoord.headers().allValues("Set-Cookie")) {
        String[] paar = cookie.split(";", 2)[0].split("=", 2);
        if (paar.length == 2) {
          if (paar[1].isEmpty()) {
            cookies.remove(paar[0].strip());
          } else {
            cookies.put(paar[0].strip(), paar[1].strip());
          }
        }
      }
      antwoord.headers().firstValue("X-XSRF-TOKEN").ifPresent(token -> csrfToken = token);
      return antwoord;
    }
  }
}
