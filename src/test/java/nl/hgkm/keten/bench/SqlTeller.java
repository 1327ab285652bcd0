package nl.hgkm.keten.bench;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.listener.MethodExecutionListener;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts what goes over JDBC: statements (each row of a JDBC batch counts as one statement, as the database executes
 * it), round trips (a batch is one) and transactions ({@code Connection.commit}; rollbacks apart). The application's
 * DataSource is wrapped by {@link #alsPostProcessor()}, registered only by the benchmark; the bare engine's by
 * {@link #omhul}.
 */
final class SqlTeller {

  /** Set while the benchmark's client looks things up for itself (which task, which job): not the case's work. */
  private static final ThreadLocal<Boolean> BUITEN_BESCHOUWING = ThreadLocal.withInitial(() -> false);

  /** Runs a lookup of the benchmark client itself without counting its SQL. */
  static <T> T zonderTellen(java.util.function.Supplier<T> opzoeken) {
    BUITEN_BESCHOUWING.set(true);
    try {
      return opzoeken.get();
    } finally {
      BUITEN_BESCHOUWING.set(false);
    }
  }

  private final LongAdder statements = new LongAdder();
  private final LongAdder rondgangen = new LongAdder();
  private final LongAdder commits = new LongAdder();
  private final LongAdder rollbacks = new LongAdder();

  DataSource omhul(String naam, DataSource doel) {
    return ProxyDataSourceBuilder.create(naam, doel)
        .listener(new QueryExecutionListener() {
          @Override
          public void beforeQuery(ExecutionInfo info, List<QueryInfo> queries) {}

          @Override
          public void afterQuery(ExecutionInfo info, List<QueryInfo> queries) {
            if (BUITEN_BESCHOUWING.get()) {
              return;
            }
            rondgangen.increment();
            if (info.isBatch()) {
              statements.add(Math.max(1, info.getBatchSize()));
            } else {
              statements.add(Math.max(1, queries.size()));
            }
          }
        })
        .methodListener(new MethodExecutionListener() {
          @Override
          public void beforeMethod(MethodExecutionContext context) {}

          @Override
          public void afterMethod(MethodExecutionContext context) {
            if (context.getThrown() != null || BUITEN_BESCHOUWING.get()) {
              return;
            }
            String methode = context.getMethod().getName();
            if ("commit".equals(methode)) {
              commits.increment();
            } else if ("rollback".equals(methode) && context.getMethodArgs() == null) {
              rollbacks.increment();
            }
          }
        })
        .build();
  }

  /** Wraps every DataSource bean of the application it is added to. */
  BeanPostProcessor alsPostProcessor() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String naam) {
        return bean instanceof DataSource ds && !(bean instanceof net.ttddyy.dsproxy.support.ProxyDataSource)
            ? omhul(naam, ds) : bean;
      }
    };
  }

  Stand stand() {
    return new Stand(statements.sum(), rondgangen.sum(), commits.sum(), rollbacks.sum());
  }

  record Stand(long statements, long rondgangen, long commits, long rollbacks) {
    Stand min(Stand eerder) {
      return new Stand(statements - eerder.statements, rondgangen - eerder.rondgangen, commits - eerder.commits,
          rollbacks - eerder.rollbacks);
    }
  }
}
