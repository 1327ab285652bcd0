package nl.hgkm.keten.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * One schema migration at a time per database, over all nodes: the engine schema ({@link EngineSchemaMigratie}) and
 * the project's tables (Spring Boot's Flyway, through {@link EngineConfiguratie}'s migration strategy) each migrate
 * holding this lock. Flyway's own lock covers a migration but not the moment before it, when Flyway decides whether
 * to create its history table or to baseline: two nodes on an empty database could both decide, and one then fails
 * ("Unable to baseline schema history table ... as it already exists, and is empty"). With this lock the second node
 * finds the first one's history table and migrates nothing.
 *
 * <p>PostgreSQL: a session-level advisory lock on a connection of its own, held for the whole migration. H2 (demo and
 * tests, one JVM): a lock in the JVM.
 */
public final class SchemaMigratieSlot {

  /** The advisory lock's key: "keten-db" in ASCII. Flyway's own advisory locks use other keys. */
  static final long SLEUTEL = 0x6b6574656e2d6462L;
  private static final ReentrantLock IN_DEZE_JVM = new ReentrantLock();

  private SchemaMigratieSlot() {}

  /** Runs {@code migratie} holding the lock of the database behind {@code dataSource}. */
  public static <T> T onder(DataSource dataSource, Supplier<T> migratie) {
    try (Connection verbinding = dataSource.getConnection()) {
      if (!"PostgreSQL".equals(verbinding.getMetaData().getDatabaseProductName())) {
        IN_DEZE_JVM.lock();
        try {
          return migratie.get();
        } finally {
          IN_DEZE_JVM.unlock();
        }
      }
      try (Statement sql = verbinding.createStatement()) {
        sql.execute("select pg_advisory_lock(" + SLEUTEL + ")");
        try {
          return migratie.get();
        } finally {
          sql.execute("select pg_advisory_unlock(" + SLEUTEL + ")");
        }
      }
    } catch (SQLException fout) {
      throw new IllegalStateException("No lock on the database for the schema migration", fout);
    }
  }
}
