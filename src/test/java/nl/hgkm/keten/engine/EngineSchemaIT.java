package nl.hgkm.keten.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import nl.hgkm.keten.support.KetenIntegratieTest;
import nl.hgkm.keten.support.TestDatabase;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The engine's tables come from Flyway (Camunda's own create scripts as migration 7.24.0, history table
 * {@code engine_schema_history}), not from the engine: on H2 and, in the failsafe execution {@code postgres}, on
 * PostgreSQL. And what happens to a database whose engine tables the engine made itself, before Flyway did.
 */
@KetenIntegratieTest
class EngineSchemaIT {

  @Autowired ProcessEngine engine;
  @Autowired DataSource dataSource;
  @Autowired JdbcClient jdbc;

  @Test
  void deEngineTabellenKomenVanFlywayEnNietVanDeEngine() throws Exception {
    try (Connection verbinding = dataSource.getConnection()) {
      assertThat(verbinding.getMetaData().getDatabaseProductName())
          .isEqualTo(TestDatabase.postgres() ? "PostgreSQL" : "H2");
    }
    assertThat(engine.getProcessEngineConfiguration().getDatabaseSchemaUpdate()).isEqualTo("false");
    assertThat(geschiedenis(jdbc)).containsExactly(tuple("7.24.0", "SQL", "V7_24_0__camunda_7_24_0.sql", true));
    assertThat(jdbc.sql("select VERSION_ from ACT_GE_SCHEMA_LOG").query(String.class).list()).containsExactly("7.24.0");
    // The project's own tables: Spring Boot's Flyway, history table of their own.
    assertThat(jdbc.sql("select count(*) from \"keten_schema_history\" where \"success\" = true")
        .query(Integer.class).single()).isPositive();
  }

  @Test
  void eenSchemaDatDeEngineZelfMaakteWordtOvergenomenOpZijnVersie() {
    DataSource database = TestDatabase.nieuweDatabase(naam("overname"));
    engineMaaktZijnSchema(database);

    EngineSchemaMigratie migratie = new EngineSchemaMigratie(database);
    assertThat(migratie.migreer().migrationsExecuted).isZero();
    assertThat(geschiedenis(JdbcClient.create(database)))
        .containsExactly(tuple("7.24.0", "BASELINE",
            "Camunda 7.24.0 schema made by the engine (schema-update), taken over", true));
    // A second start finds the schema taken over and leaves it alone.
    assertThat(migratie.migreer().migrationsExecuted).isZero();
    assertThat(geschiedenis(JdbcClient.create(database))).hasSize(1);
  }

  @Test
  void eenDatabaseMetAlleenDeEigenTabellenKrijgtDeEngineTabellenErbij() {
    // Not Flyway's baselineOnMigrate: that would take any non-empty database for a finished engine schema.
    DataSource database = TestDatabase.nieuweDatabase(naam("eigen"));
    Flyway.configure().dataSource(database).locations("classpath:db/migration/keten").table("keten_schema_history")
        .load().migrate();

    assertThat(new EngineSchemaMigratie(database).migreer().migrationsExecuted).isEqualTo(1);
    JdbcClient db = JdbcClient.create(database);
    assertThat(geschiedenis(db)).containsExactly(tuple("0", "BASELINE", "<< Flyway Baseline >>", true),
        tuple("7.24.0", "SQL", "V7_24_0__camunda_7_24_0.sql", true));
    assertThat(db.sql("select VALUE_ from ACT_GE_PROPERTY where NAME_ = 'schema.version'").query(String.class)
        .single()).isEqualTo("fox");
  }

  @Test
  void eenOuderEngineSchemaWordtGeweigerdMetWatErMoetGebeuren() {
    DataSource database = TestDatabase.nieuweDatabase(naam("oud"));
    engineMaaktZijnSchema(database);
    JdbcClient db = JdbcClient.create(database);
    db.sql("delete from ACT_GE_SCHEMA_LOG").update();
    db.sql("insert into ACT_GE_SCHEMA_LOG (ID_, TIMESTAMP_, VERSION_) values ('0', CURRENT_TIMESTAMP, '7.23.0')")
        .update();

    assertThatThrownBy(() -> new EngineSchemaMigratie(database).migreer())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("version 7.23.0")
        .hasMessageContaining("Bring it to 7.24.0 first with Camunda's upgrade scripts");
    assertThat(db.sql("select count(*) from ACT_GE_PROPERTY").query(Integer.class).single()).isPositive();
  }

  @Test
  void nodesDieTegelijkOpEenLegeDatabaseStartenMakenElkSchemaEenKeer() throws Exception {
    DataSource database = TestDatabase.nieuweDatabase(naam("cluster"));
    int nodes = 4;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(nodes);
    try {
      List<Future<Integer>> toegepast = new ArrayList<>();
      for (int i = 0; i < nodes; i++) {
        // As a node starts: the engine schema, then the project's tables (application.yaml's Flyway settings, and
        // EngineConfiguratie's migration strategy).
        toegepast.add(pool.submit(() -> {
          start.await();
          int engine = new EngineSchemaMigratie(database).migreer().migrationsExecuted;
          Flyway keten = Flyway.configure().dataSource(database).locations("classpath:db/migration/keten")
              .table("keten_schema_history").baselineOnMigrate(true).baselineVersion("0").load();
          SchemaMigratieSlot.onder(database, keten::migrate);
          return engine;
        }));
      }
      start.countDown();
      int totaal = 0;
      for (Future<Integer> node : toegepast) {
        totaal += node.get(2, TimeUnit.MINUTES);
      }

      assertThat(totaal).as("engine migrations applied over all nodes").isEqualTo(1);
      assertThat(geschiedenis(JdbcClient.create(database)))
          .containsExactly(tuple("7.24.0", "SQL", "V7_24_0__camunda_7_24_0.sql", true));
      assertThat(JdbcClient.create(database).sql("""
              select "version", count(*) from "keten_schema_history" where "version" is not null group by "version"
              """).query((rs, i) -> rs.getInt(2)).list()).isNotEmpty().containsOnly(1);
    } finally {
      pool.shutdownNow();
    }
  }

  /** The versioned rows of the engine's Flyway history (on H2 Flyway adds a marker row without version). */
  private static List<org.assertj.core.groups.Tuple> geschiedenis(JdbcClient db) {
    return db.sql("""
            select "version", "type", "script", "success" from "engine_schema_history" where "version" is not null
            order by "installed_rank"
            """)
        .query((rs, i) -> tuple(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4))).list();
  }

  /** As before this project's Flyway took over: an engine with schema-update true makes its own tables. */
  private static void engineMaaktZijnSchema(DataSource database) {
    ProcessEngine eigen = ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
        .setProcessEngineName(naam("engine"))
        .setDataSource(database)
        .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
        .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
        .setJobExecutorActivate(false)
        .buildProcessEngine();
    eigen.close();
  }

  private static String naam(String soort) {
    return soort + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  }
}
