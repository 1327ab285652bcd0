package nl.hgkm.keten.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
  /** Statements per {@link #soort}: where the SQL goes, to explain a difference between chain and bare engine. */
  private final Map<String, LongAdder> perSoort = new ConcurrentHashMap<>();

  private static final Pattern EERSTE_TABEL =
      Pattern.compile("\\b(?:from|into|update)\\s+([a-z_][a-z0-9_.]*)", Pattern.CASE_INSENSITIVE);

  /**
   * "group|verb" of one statement: the engine's table groups (history, runtime, authorization checks, identity,
   * general, repository), the project's own tables, the webapp sessions; verb select/insert/update/delete. A select
   * that consults ACT_RU_AUTHORIZATION is an authorization check, whatever it reads.
   */
  static String soort(String sql) {
    String tekst = sql.strip();
    String werkwoord = tekst.length() < 6 ? "overig" : tekst.substring(0, 6).toLowerCase(Locale.ROOT);
    if (!List.of("select", "insert", "update", "delete").contains(werkwoord)) {
      werkwoord = "overig";
    }
    String groot = tekst.toUpperCase(Locale.ROOT);
    if ("select".equals(werkwoord) && groot.contains("ACT_RU_AUTHORIZATION")) {
      return "engine: autorisatiecontroles|" + werkwoord;
    }
    Matcher tabel = EERSTE_TABEL.matcher(tekst);
    String naam = tabel.find() ? tabel.group(1).toUpperCase(Locale.ROOT) : "";
    String groep;
    if (naam.startsWith("ACT_HI_")) {
      groep = "engine: historie (ACT_HI_*)";
    } else if (naam.startsWith("ACT_RU_")) {
      groep = "engine: runtime (ACT_RU_*)";
    } else if (naam.startsWith("ACT_ID_")) {
      groep = "engine: gebruikers en groepen (ACT_ID_*)";
    } else if (naam.startsWith("ACT_GE_")) {
      groep = "engine: bytearrays, eigenschappen (ACT_GE_*)";
    } else if (naam.startsWith("ACT_RE_")) {
      groep = "engine: definities (ACT_RE_*)";
    } else if (naam.startsWith("SPRING_SESSION")) {
      groep = "webapp-sessies (SPRING_SESSION*)";
    } else if (naam.isEmpty()) {
      groep = "overig";
    } else {
      groep = "project: dossier, audit, radar, journaal";
    }
    return groep + "|" + werkwoord;
  }

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
              if (!queries.isEmpty()) {
                perSoort.computeIfAbsent(soort(queries.get(0).getQuery()), k -> new LongAdder())
                    .add(Math.max(1, info.getBatchSize()));
              }
            } else {
              statements.add(Math.max(1, queries.size()));
              for (QueryInfo query : queries) {
                perSoort.computeIfAbsent(soort(query.getQuery()), k -> new LongAdder()).increment();
              }
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
    Map<String, Long> soorten = new TreeMap<>();
    perSoort.forEach((soort, aantal) -> soorten.put(soort, aantal.sum()));
    return new Stand(statements.sum(), rondgangen.sum(), commits.sum(), rollbacks.sum(), soorten);
  }

  record Stand(long statements, long rondgangen, long commits, long rollbacks, Map<String, Long> perSoort) {
    Stand min(Stand eerder) {
      Map<String, Long> verschil = new TreeMap<>(perSoort);
      eerder.perSoort.forEach((soort, aantal) -> verschil.merge(soort, -aantal, Long::sum));
      return new Stand(statements - eerder.statements, rondgangen - eerder.rondgangen, commits - eerder.commits,
          rollbacks - eerder.rollbacks, verschil);
    }
  }
}
