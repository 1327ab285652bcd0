package nl.hgkm.keten.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A database for one part of the benchmark: H2 in memory, or a database of its own in one embedded PostgreSQL 17
 * (zonky; its defaults: fsync off, synchronous_commit off, so commits cost no disk flush).
 */
final class Database implements AutoCloseable {

  private static EmbeddedPostgres postgres;

  final String soort;
  final String url;
  final String gebruiker;
  final String wachtwoord;

  private Database(String soort, String url, String gebruiker, String wachtwoord) {
    this.soort = soort;
    this.url = url;
    this.gebruiker = gebruiker;
    this.wachtwoord = wachtwoord;
  }

  /** A fresh, empty database named {@code naam}. */
  static Database nieuw(String soort, String naam) {
    return switch (soort) {
      case "h2" -> new Database(soort, "jdbc:h2:mem:" + naam + ";DB_CLOSE_DELAY=-1", "sa", "");
      case "postgres" -> {
        EmbeddedPostgres pg = postgres();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
          s.execute("drop database if exists " + naam);
          s.execute("create database " + naam);
        } catch (SQLException fout) {
          throw new IllegalStateException(fout);
        }
        yield new Database(soort, "jdbc:postgresql://localhost:" + pg.getPort() + "/" + naam, "postgres",
            "postgres");
      }
      default -> throw new IllegalArgumentException("Onbekende database " + soort + " (h2 of postgres)");
    };
  }

  static synchronized EmbeddedPostgres postgres() {
    if (postgres == null) {
      try {
        postgres = EmbeddedPostgres.builder().start();
      } catch (IOException fout) {
        throw new UncheckedIOException(fout);
      }
    }
    return postgres;
  }

  /** The embedded PostgreSQL's settings that matter for a benchmark, as the server reports them. */
  static String postgresInstellingen() {
    try (Connection c = postgres().getPostgresDatabase().getConnection(); Statement s = c.createStatement();
        var rs = s.executeQuery("select version(), current_setting('fsync'), current_setting('synchronous_commit'),"
            + " current_setting('shared_buffers')")) {
      rs.next();
      return rs.getString(1).replaceAll(",.*", "") + "; fsync=" + rs.getString(2) + ", synchronous_commit="
          + rs.getString(3) + ", shared_buffers=" + rs.getString(4);
    } catch (SQLException fout) {
      return "onbekend: " + fout.getMessage();
    }
  }

  static synchronized void stopPostgres() throws IOException {
    if (postgres != null) {
      postgres.close();
      postgres = null;
    }
  }

  @Override
  public void close() {}

  static String naam(String soort) {
    return "h2".equals(soort) ? "H2 (in memory)" : "PostgreSQL (embedded)";
  }

  @Override
  public String toString() {
    return naam(soort);
  }
}
