package nl.hgkm.keten.engine;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.jdbc.DatabaseDriver;

/**
 * The Camunda engine schema by Flyway, not by the engine itself ({@code camunda.bpm.database.schema-update: false}):
 * Camunda's own create scripts for 7.24 are migration 7.24.0 in {@code db/migration/engine/<vendor>}, with a history
 * table of their own ({@value #HISTORIETABEL}), beside the project's tables (Spring Boot's Flyway,
 * {@code keten_schema_history}). Runs before the process engine starts: {@link EngineSchemaIsDatabaseInitialisatie}
 * makes it a database initializer, and the engine waits for those ({@link EngineWachtOpFlyway}).
 *
 * <p>A database whose engine tables the engine made itself (before this class existed, e.g. a demo {@code ./data/keten}
 * H2 file) has {@code ACT_GE_PROPERTY} but no {@value #HISTORIETABEL}: it is taken over at its Camunda version
 * (a Flyway baseline at that version, so later migrations still run), provided that version lies between the first
 * engine migration ({@value #EERSTE}) and {@value #VERSIE}; any other version is refused with what to do. Checked by
 * table rather than by Flyway's baselineOnMigrate at a fixed version, which would also "take over" a
 * database that holds only the project's own tables and then never create the engine's. (baselineOnMigrate at
 * version 0 is on, for exactly that database: it records a baseline below every migration and applies them all.)
 *
 * <p>Several nodes starting together on an empty PostgreSQL: each migrates holding {@link SchemaMigratieSlot}, so one
 * node creates the schema and the others then find it done.
 */
public class EngineSchemaMigratie implements InitializingBean {

  /** Flyway's history table of the engine schema. */
  public static final String HISTORIETABEL = "engine_schema_history";
  /** The Camunda version whose schema the newest migration makes. */
  public static final String VERSIE = "7.24.0";
  /** The first engine migration: a schema the engine made itself is taken over from this version on. */
  static final String EERSTE = "7.24.0";
  /** Where the engine migrations are, per Spring Boot vendor id ({@link DatabaseDriver#getId()}). */
  public static final String LOCATIE = "classpath:db/migration/engine/";

  private static final Set<DatabaseDriver> ONDERSTEUND = Set.of(DatabaseDriver.H2, DatabaseDriver.POSTGRESQL);
  private static final Logger LOG = LoggerFactory.getLogger(EngineSchemaMigratie.class);

  private final DataSource dataSource;

  public EngineSchemaMigratie(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void afterPropertiesSet() {
    migreer();
  }

  /** Brings the engine schema to the newest migration; answers what Flyway did. */
  public MigrateResult migreer() {
    return SchemaMigratieSlot.onder(dataSource, this::migreerOnderSlot);
  }

  private MigrateResult migreerOnderSlot() {
    DatabaseDriver vendor = vendor();
    FluentConfiguration configuratie = Flyway.configure()
        .dataSource(dataSource)
        .locations(LOCATIE + vendor.getId())
        .table(HISTORIETABEL);
    if (engineTabellenZonderFlyway()) {
      String bestaand = bestaandeCamundaVersie();
      if (MigrationVersion.fromVersion(bestaand).isNewerThan(VERSIE)
          || MigrationVersion.fromVersion(EERSTE).isNewerThan(bestaand)) {
        throw new IllegalStateException(("The database holds a Camunda engine schema of version %s that Flyway does "
            + "not manage yet; this application takes over %s up to %s. Bring it to %s first with Camunda's upgrade "
            + "scripts (org/camunda/bpm/engine/db/upgrade/ in the camunda-engine jar) and start again; "
            + "see docs/productie-postgresql.md.").formatted(bestaand, EERSTE, VERSIE, EERSTE));
      }
      // At the version it has: the migrations after it (a later Camunda's upgrade scripts) still run.
      LOG.info("Engine schema {} made by the engine itself: Flyway takes it over (baseline {} in {})", bestaand,
          bestaand, HISTORIETABEL);
      configuratie.baselineVersion(bestaand)
          .baselineDescription("Camunda " + bestaand + " schema made by the engine (schema-update), taken over")
          .load().baseline();
    } else {
      // The project's tables (keten_schema_history) may be there already, and Flyway refuses a non-empty schema
      // without its history table: a baseline at 0 records "other things were here", and every migration still runs.
      configuratie.baselineOnMigrate(true).baselineVersion("0");
    }
    Flyway flyway = configuratie.load();
    MigrateResult resultaat = flyway.migrate();
    LOG.info("Engine schema ({}): {} migration(s) applied, now at version {}", vendor.getId(),
        resultaat.migrationsExecuted, flyway.info().current() == null ? "-" : flyway.info().current().getVersion());
    return resultaat;
  }

  private DatabaseDriver vendor() {
    try (Connection verbinding = dataSource.getConnection()) {
      String url = verbinding.getMetaData().getURL();
      DatabaseDriver vendor = DatabaseDriver.fromJdbcUrl(url);
      if (!ONDERSTEUND.contains(vendor)) {
        throw new IllegalStateException(("No engine schema migrations for the database at %s (%s): supported are "
            + "H2 and PostgreSQL (%s<vendor>).").formatted(url, vendor, LOCATIE));
      }
      return vendor;
    } catch (SQLException fout) {
      throw new IllegalStateException("Cannot reach the database to migrate the engine schema", fout);
    }
  }

  private boolean engineTabellenZonderFlyway() {
    try (Connection verbinding = dataSource.getConnection()) {
      // First the engine table, then the history table: see the class comment on nodes starting together.
      return tabelBestaat(verbinding, "ACT_GE_PROPERTY") && !tabelBestaat(verbinding, HISTORIETABEL);
    } catch (SQLException fout) {
      throw new IllegalStateException("Cannot read the database's tables", fout);
    }
  }

  /** In the connection's current schema; PostgreSQL folds unquoted names to lower case, H2 to upper case. */
  private static boolean tabelBestaat(Connection verbinding, String naam) throws SQLException {
    DatabaseMetaData metadata = verbinding.getMetaData();
    for (String variant : List.of(naam.toLowerCase(), naam.toUpperCase())) {
      try (ResultSet tabellen = metadata.getTables(verbinding.getCatalog(), verbinding.getSchema(), variant,
          new String[] {"TABLE", "BASE TABLE"})) {
        if (tabellen.next()) {
          return true;
        }
      }
    }
    return false;
  }

  /** The newest version in Camunda's own schema log (ACT_GE_SCHEMA_LOG, written by its create and upgrade scripts). */
  private String bestaandeCamundaVersie() {
    try (Connection verbinding = dataSource.getConnection(); Statement sql = verbinding.createStatement();
        ResultSet rijen = sql.executeQuery("select VERSION_ from ACT_GE_SCHEMA_LOG")) {
      Stream.Builder<String> versies = Stream.builder();
      while (rijen.next()) {
        versies.add(rijen.getString(1));
      }
      return versies.build().max(Comparator.comparing(MigrationVersion::fromVersion))
          .orElseThrow(() -> new IllegalStateException("The database has Camunda tables but an empty "
              + "ACT_GE_SCHEMA_LOG: its engine schema version is unknown; see docs/productie-postgresql.md"));
    } catch (SQLException fout) {
      throw new IllegalStateException("The database has Camunda tables but no readable ACT_GE_SCHEMA_LOG: "
          + "an engine schema older than 7.11, or damaged; upgrade it with Camunda's scripts first", fout);
    }
  }
}
