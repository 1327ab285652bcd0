package nl.hgkm.keten.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The database the previous release wrote (src/test/resources/vorige-release/README.md says how and what it holds),
 * for tests that prove an upgrade loses nothing.
 */
public final class VorigeRelease {

  private static final String SCRIPT = "classpath:/vorige-release/vorige-release.sql.gz";

  private VorigeRelease() {}

  /** Loads the previous release's database into a new H2 file database in {@code map}; answers its JDBC URL. */
  public static String database(Path map) throws SQLException {
    try {
      Files.createDirectories(map);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("Kan map " + map + " niet maken", e);
    }
    String url = "jdbc:h2:file:" + map.toAbsolutePath().resolve("keten") + ";DB_CLOSE_ON_EXIT=FALSE";
    try (Connection verbinding = DriverManager.getConnection(url, "sa", "");
        Statement opdracht = verbinding.createStatement()) {
      opdracht.execute("RUNSCRIPT FROM '" + SCRIPT + "' COMPRESSION GZIP");
    }
    return url;
  }
}
