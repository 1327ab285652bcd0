package nl.hgkm.keten.demo;

import java.sql.SQLException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * A second instance started from the same directory as the first finds the H2 file database ({@code ./data/keten},
 * the default) locked by it, and used to die with an H2 stack trace through the engine's schema migration. Prints one
 * sentence, in Dutch and English, naming the setting to change, and how to run a second instance. Only H2's own
 * "database already in use" (error 90020); anything else goes to the other analyzers. Registered in
 * META-INF/spring.factories.
 */
public class DatabaseInGebruikAnalyse extends AbstractFailureAnalyzer<SQLException> {

  /** H2's ErrorCode.DATABASE_ALREADY_OPEN_1; H2 is a runtime dependency only, so the number. */
  static final int H2_DATABASE_AL_OPEN = 90020;

  private final Environment environment;

  public DatabaseInGebruikAnalyse(Environment environment) {
    this.environment = environment;
  }

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, SQLException oorzaak) {
    SQLException h2 = h2AlOpen(oorzaak);
    if (h2 == null) {
      return null;
    }
    String url = environment.getProperty("spring.datasource.url", "(spring.datasource.url)");
    return new FailureAnalysis(
        "De database " + url + " is al in gebruik, waarschijnlijk door een andere instantie van de applicatie: geef "
            + "deze instantie een eigen database met spring.datasource.url=..., bijvoorbeeld "
            + "jdbc:h2:file:./data/keten-8081.\n"
            + "The database " + url + " is already in use, probably by another instance of the application: give "
            + "this instance a database of its own with spring.datasource.url=..., e.g. jdbc:h2:file:./data/keten-8081.",
        DemoPoortBezetAnalyse.TWEEDE_INSTANTIE, h2);
  }

  /** The first SQLException in the chain that is H2's "already in use", also behind a SQLException of another kind. */
  private static SQLException h2AlOpen(Throwable fout) {
    for (Throwable t = fout; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_AL_OPEN) {
        return sql;
      }
    }
    return null;
  }
}
