package nl.hgkm.keten.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import javax.sql.DataSource;
import nl.hgkm.keten.support.KetenIntegratieTest;
import nl.hgkm.keten.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The application's connections to PostgreSQL never switch to generic plans (PostgresPlannen): the task list with a
 * tenant per region stays fast only when PostgreSQL plans each query with its values. Runs in the PostgreSQL pass.
 */
@KetenIntegratieTest
class PostgresPlannenIT {

  @Autowired DataSource dataSource;

  @Test
  void elkeVerbindingPlantMetDeWaarden() throws Exception {
    assumeTrue(TestDatabase.postgres(), "alleen in de PostgreSQL-ronde (-Dketen.test.database=postgres)");
    try (Connection verbinding = dataSource.getConnection()) {
      assertThat(verbinding.unwrap(PGConnection.class).getPrepareThreshold()).isZero();
    }
  }
}
