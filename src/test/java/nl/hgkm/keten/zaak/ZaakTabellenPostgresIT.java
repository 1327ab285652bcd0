package nl.hgkm.keten.zaak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import nl.hgkm.keten.kalender.KalenderProperties;
import nl.hgkm.keten.kalender.Klok;
import nl.hgkm.keten.kalender.Werkdagenkalender;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The case-file SQL on a real PostgreSQL 17 (embedded; fsync off, which does not matter here): the same Flyway
 * migrations as H2, and the zaaknummer counter when several nodes race for the first number of a year inside their
 * intake transactions. Without the Spring context on purpose: only the project's own tables are under test.
 */
class ZaakTabellenPostgresIT {

  private static final Instant NU = Instant.parse("2027-04-23T08:00:00Z");

  static EmbeddedPostgres postgres;
  static JdbcClient jdbc;
  static TransactionTemplate transactie;
  static ZaaknummerGenerator zaaknummers;
  static DossierRepository dossiers;
  static IntakeAntwoorden antwoorden;

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    DataSource dataSource = postgres.getPostgresDatabase();
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/keten").table("keten_schema_history")
        .load().migrate();
    JdbcTransactionManager transactionManager = new JdbcTransactionManager(dataSource);
    jdbc = JdbcClient.create(dataSource);
    transactie = new TransactionTemplate(transactionManager);
    Klok klok = () -> NU;
    zaaknummers = new ZaaknummerGenerator(jdbc, klok, new Werkdagenkalender(new KalenderProperties(null, null)),
        transactionManager);
    dossiers = new DossierRepository(jdbc, nl.hgkm.keten.privacy.Persoonssleutels.met(
        nl.hgkm.keten.privacy.Persoonssleutels.DEMO_GEHEIM));
    antwoorden = new IntakeAntwoorden(jdbc, klok);
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  @Test
  void nodesDieTegelijkHetEersteNummerVanHetJaarVragenHoudenHunTransactieBruikbaar() throws Exception {
    int nodes = 4;
    int perNode = 10;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(nodes);
    try {
      List<Future<List<String>>> resultaten = new ArrayList<>();
      for (int n = 0; n < nodes; n++) {
        Callable<List<String>> intakes = () -> {
          start.await();
          List<String> nummers = new ArrayList<>();
          for (int i = 0; i < perNode; i++) {
            // As an intake does: the number, then more work in the same transaction. On PostgreSQL a duplicate key
            // outside a savepoint would abort the whole transaction and the insert after it would fail.
            nummers.add(transactie.execute(status -> {
              String zaaknummer = zaaknummers.volgende(Zaaktype.MELDING);
              dossiers.nieuweZaak(new Zaak(zaaknummer, Zaaktype.MELDING, "utrecht", NU, null));
              return zaaknummer;
            }));
          }
          return nummers;
        };
        resultaten.add(pool.submit(intakes));
      }
      start.countDown();
      Set<String> alle = new TreeSet<>();
      for (Future<List<String>> resultaat : resultaten) {
        alle.addAll(resultaat.get(60, TimeUnit.SECONDS));
      }

      assertThat(alle).containsExactlyElementsOf(IntStream.rangeClosed(1, nodes * perNode)
          .mapToObj(n -> "VT-2027-%06d".formatted(n)).toList());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void hetDossierGaatHeenEnTerug() {
    String zaaknummer = transactie.execute(status -> zaaknummers.volgende(Zaaktype.HUISVERBOD));
    Instant moment = Instant.now().truncatedTo(ChronoUnit.MICROS);
    dossiers.nieuweZaak(new Zaak(zaaknummer, Zaaktype.HUISVERBOD, "amsterdam-amstelland", moment, null));
    dossiers.koppelProces(zaaknummer, "pi-1");
    long meldingId = dossiers.nieuweMelding(new Melding(null, zaaknummer, "REF-" + zaaknummer, moment, moment,
        "intake", "NIEUWE_MELDING", "BURGER", null, null, true, true, false, "{\"mensenhandel\":true}", "tekst"));
    dossiers.beschermdeMelder(new BeschermdeMelder(meldingId, "Buurvrouw", "buur@example.org"));
    dossiers.nieuweBetrokkene(new Betrokkene(null, meldingId, zaaknummer, "KIND", " Kim  de Vries ",
        LocalDate.of(2016, 2, 29), "111222333"));

    assertThat(dossiers.zaak(zaaknummer)).contains(new Zaak(zaaknummer, Zaaktype.HUISVERBOD, "amsterdam-amstelland",
        moment, "pi-1"));
    assertThat(dossiers.meldingen(zaaknummer)).singleElement().satisfies(m -> {
      assertThat(m.id()).isEqualTo(meldingId);
      assertThat(m.ontvangenOp()).isEqualTo(moment);
      assertThat(m.acuut()).isTrue();
      assertThat(m.melderNaam()).isNull();
    });
    assertThat(dossiers.beschermdeMelders(zaaknummer)).containsExactly(
        new BeschermdeMelder(meldingId, "Buurvrouw", "buur@example.org"));
    assertThat(dossiers.zakenMetPersoon(Zaaktype.HUISVERBOD, "111222333", null, null))
        .extracting(Zaak::zaaknummer).containsExactly(zaaknummer);
    assertThat(dossiers.zakenMetPersoon(Zaaktype.HUISVERBOD, null, "kim de vries", LocalDate.of(2016, 2, 29)))
        .extracting(Zaak::zaaknummer).containsExactly(zaaknummer);
    assertThat(dossiers.zakenMetPersoon(Zaaktype.MELDING, "111222333", null, null)).isEmpty();
  }

  @Test
  void eenTweedeClaimOpDezelfdeReferentieIsEenDuplicateKey() {
    antwoorden.claim("REF-PG", IntakeAntwoorden.Soort.MELDING);
    antwoorden.vastleggen("REF-PG", IntakeAntwoorden.Soort.MELDING, 201, "{\"zaaknummer\":\"VT-2027-000001\"}");

    assertThatThrownBy(() -> antwoorden.claim("REF-PG", IntakeAntwoorden.Soort.MELDING))
        .isInstanceOf(DuplicateKeyException.class);
    assertThat(antwoorden.vind("REF-PG", IntakeAntwoorden.Soort.MELDING))
        .contains(new IntakeAntwoorden.Antwoord(201, "{\"zaaknummer\":\"VT-2027-000001\"}"));
    assertThat(antwoorden.vind("REF-PG", IntakeAntwoorden.Soort.HUISVERBOD)).isEmpty();
  }
}
