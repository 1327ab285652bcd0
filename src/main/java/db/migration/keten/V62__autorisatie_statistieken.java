package db.migration.keten;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Expression statistics on the engine's authorization table, PostgreSQL 14 and later only (issue 9, measured in the
 * benchmark: ops/bench/README.md, "Task list with tenant checks").
 *
 * <p>Why: every task of a region carries an authorization row for its candidate group, so ACT_RU_AUTHORIZATION grows
 * with the open tasks of all 25 regions together. The engine's task query joins it with
 * {@code A.PERMS_ & 2 = 2} (READ on a task) and {@code A.PERMS_ & 64 = 64} (READ_TASK on a definition); PostgreSQL has
 * no statistics on such an expression and guesses 0.5% of the rows, about 120 instead of 25,000 at 1,000 tasks per
 * region. With that guess it compares every visible task with every authorization row (a nested loop over a
 * materialized scan): the case worker's list of 1,000 tasks took 32 s at 25 regions. With statistics on the two
 * expressions it looks the authorization up per task in {@code ACT_IDX_AUTH_RESOURCE_ID}: 55 ms. An index would not
 * help (the index on RESOURCE_ID_ is there); only the estimate was wrong. H2 has no such statistics: nothing to do.
 */
public class V62__autorisatie_statistieken extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws SQLException {
    DatabaseMetaData meta = context.getConnection().getMetaData();
    if (!"PostgreSQL".equals(meta.getDatabaseProductName()) || meta.getDatabaseMajorVersion() < 14) {
      return;
    }
    try (Statement s = context.getConnection().createStatement()) {
      try (ResultSet rs = s.executeQuery("select to_regclass('act_ru_authorization') is not null")) {
        if (!rs.next() || !rs.getBoolean(1)) {
          return; // the project's tables alone, without the engine's (tests do that): nothing to describe
        }
      }
      s.execute("create statistics if not exists keten_act_ru_authorization_perms on (PERMS_ & 2), (PERMS_ & 64)"
          + " from ACT_RU_AUTHORIZATION");
      s.execute("analyze ACT_RU_AUTHORIZATION");
    }
  }
}
