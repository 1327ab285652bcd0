package nl.hgkm.keten.database;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL every statement is planned with its own values: the driver's {@code prepareThreshold=0}, so no
 * server-side prepared statements and no generic plans. The engine's task query with its authorization and tenant
 * checks needs the values to use the permission-bit statistics of V62; the generic plan PostgreSQL switches to after
 * five executions compared every visible task with every authorization row of all regions, seconds per task list with
 * 25 regions (ops/bench/README.md, "Task list with a tenant per region"). Other databases are left as they are.
 */
@Component
class PostgresPlannen implements BeanPostProcessor {

  static final String EIGENSCHAP = "prepareThreshold";

  @Override
  public Object postProcessAfterInitialization(Object bean, String naam) {
    if (bean instanceof HikariDataSource bron && bron.getJdbcUrl() != null
        && bron.getJdbcUrl().startsWith("jdbc:postgresql:")
        && !bron.getDataSourceProperties().containsKey(EIGENSCHAP)) {
      bron.addDataSourceProperty(EIGENSCHAP, "0");
    }
    return bean;
  }
}
