package nl.hgkm.keten.engine;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import nl.hgkm.keten.regio.Regios;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The cases of a release before tenants (issue 9) get the tenant of their region, once, on the first start of this
 * release: every row of a case process (runtime and history: executions, tasks, jobs and timers, variables,
 * subscriptions, incidents, identity links, activity, task, variable, decision and operation history) whose tenant
 * is empty gets the region of the case's root process instance (its variable {@code regio}, else the case file's
 * region). The engine has no API to move an instance into a tenant; this is its data, in the engine's own tables,
 * hence here in the engine seam. Idempotent: a second start finds nothing to do. {@link #zonderTenant()} counts what
 * is still without tenant (tests and operations: it must be 0).
 */
@Component
public class ZakenNaarTenants {

  private static final Logger LOG = LoggerFactory.getLogger(ZakenNaarTenants.class);

  /** Runtime tables and the column naming the process instance. */
  private static final Map<String, String> LOPEND = Map.of(
      "ACT_RU_EXECUTION", "PROC_INST_ID_", "ACT_RU_TASK", "PROC_INST_ID_", "ACT_RU_VARIABLE", "PROC_INST_ID_",
      "ACT_RU_EVENT_SUBSCR", "PROC_INST_ID_", "ACT_RU_INCIDENT", "PROC_INST_ID_", "ACT_RU_EXT_TASK", "PROC_INST_ID_",
      "ACT_RU_JOB", "PROCESS_INSTANCE_ID_");
  /**
   * History tables: by the root process instance. Not ACT_HI_DEC_IN and ACT_HI_DEC_OUT: the engine leaves their
   * tenant empty also for a new case, and reads them only through their decision instance, which has it.
   */
  private static final List<String> HISTORIE = List.of("ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_TASKINST",
      "ACT_HI_VARINST", "ACT_HI_DETAIL", "ACT_HI_IDENTITYLINK", "ACT_HI_INCIDENT", "ACT_HI_JOB_LOG", "ACT_HI_OP_LOG",
      "ACT_HI_DECINST", "ACT_HI_EXT_TASK_LOG", "ACT_HI_COMMENT", "ACT_HI_ATTACHMENT");

  private final JdbcClient jdbc;
  private final DataSource dataSource;
  private final TransactionTemplate transactie;
  private final Regios regios;

  ZakenNaarTenants(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactionManager,
      Regios regios) {
    this.jdbc = jdbc;
    this.dataSource = dataSource;
    this.transactie = new TransactionTemplate(transactionManager);
    this.regios = regios;
  }

  /** Before the tenants, the demo users and any new case. */
  @EventListener(ApplicationReadyEvent.class)
  @Order(Ordered.HIGHEST_PRECEDENCE + 40)
  public void migreer() {
    List<String[]> zonder = jdbc.sql("select ID_, BUSINESS_KEY_, PROC_DEF_KEY_ from ACT_HI_PROCINST where TENANT_ID_ "
            + "is null and ID_ = ROOT_PROC_INST_ID_ and PROC_DEF_KEY_ not in (" + zonderRegioLijst() + ")")
        .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list();
    int gemigreerd = 0;
    List<String> zonderRegio = new ArrayList<>();
    Map<String, List<String>> kolommen = kolommen();
    for (String[] zaak : zonder) {
      if (RegioTenantIdProvider.ZONDER_REGIO.contains(zaak[2])) {
        continue;
      }
      String regio = regio(zaak[0], zaak[1]);
      if (regio == null) {
        zonderRegio.add(zaak[2] + " " + zaak[1] + " (" + zaak[0] + ")");
        continue;
      }
      transactie.executeWithoutResult(status -> geefTenant(zaak[0], regio, kolommen));
      gemigreerd++;
    }
    if (gemigreerd > 0) {
      LOG.info("{} bestaande zaak/zaken naar de tenant van hun regio gebracht", gemigreerd);
    }
    if (!zonderRegio.isEmpty()) {
      LOG.warn("Zaken zonder bekende regio, dus zonder tenant (zichtbaar voor geen enkele regio-gebruiker): {}",
          zonderRegio);
    }
  }

  /** Rows of case processes without tenant, per table; empty when every case is in its region's tenant. */
  public Map<String, Long> zonderTenant() {
    Map<String, List<String>> kolommen = kolommen();
    String zaken = "select ID_ from ACT_HI_PROCINST where ROOT_PROC_INST_ID_ in (select ID_ from ACT_HI_PROCINST "
        + "where ID_ = ROOT_PROC_INST_ID_ and PROC_DEF_KEY_ not in (" + zonderRegioLijst() + "))";
    Map<String, Long> uit = new LinkedHashMap<>();
    LOPEND.forEach((tabel, kolom) -> {
      if (heeft(kolommen, tabel, "TENANT_ID_") && heeft(kolommen, tabel, kolom)) {
        tel(uit, tabel, "select count(*) from " + tabel + " where TENANT_ID_ is null and " + kolom + " in (" + zaken
            + ")");
      }
    });
    for (String tabel : HISTORIE) {
      if (heeft(kolommen, tabel, "TENANT_ID_") && heeft(kolommen, tabel, "ROOT_PROC_INST_ID_")) {
        tel(uit, tabel, "select count(*) from " + tabel + " where TENANT_ID_ is null and ROOT_PROC_INST_ID_ in ("
            + "select ID_ from ACT_HI_PROCINST where ID_ = ROOT_PROC_INST_ID_ and PROC_DEF_KEY_ not in ("
            + zonderRegioLijst() + "))");
      }
    }
    return uit;
  }

  private void tel(Map<String, Long> uit, String tabel, String sql) {
    long aantal = jdbc.sql(sql).query(Long.class).single();
    if (aantal > 0) {
      uit.put(tabel, aantal);
    }
  }

  private static String zonderRegioLijst() {
    return String.join(", ", RegioTenantIdProvider.ZONDER_REGIO.stream().map(k -> "'" + k + "'").toList());
  }

  private void geefTenant(String root, String regio, Map<String, List<String>> kolommen) {
    String instanties = "select ID_ from ACT_HI_PROCINST where ROOT_PROC_INST_ID_ = :root";
    LOPEND.forEach((tabel, kolom) -> {
      if (heeft(kolommen, tabel, "TENANT_ID_") && heeft(kolommen, tabel, kolom)) {
        jdbc.sql("update " + tabel + " set TENANT_ID_ = :regio where TENANT_ID_ is null and " + kolom + " in ("
            + instanties + ")").param("regio", regio).param("root", root).update();
      }
    });
    if (heeft(kolommen, "ACT_RU_IDENTITYLINK", "TENANT_ID_")) {
      jdbc.sql("update ACT_RU_IDENTITYLINK set TENANT_ID_ = :regio where TENANT_ID_ is null and TASK_ID_ in ("
          + "select ID_ from ACT_RU_TASK where PROC_INST_ID_ in (" + instanties + "))")
          .param("regio", regio).param("root", root).update();
    }
    for (String tabel : HISTORIE) {
      if (heeft(kolommen, tabel, "TENANT_ID_") && heeft(kolommen, tabel, "ROOT_PROC_INST_ID_")) {
        jdbc.sql("update " + tabel + " set TENANT_ID_ = :regio where TENANT_ID_ is null and ROOT_PROC_INST_ID_ = "
            + ":root").param("regio", regio).param("root", root).update();
      }
    }
  }

  private String regio(String root, String zaaknummer) {
    String uitVariabele = jdbc.sql("""
            select TEXT_ from ACT_HI_VARINST where PROC_INST_ID_ = :root and EXECUTION_ID_ = :root and NAME_ = 'regio'""")
        .param("root", root).query(String.class).list().stream().findFirst().orElse(null);
    if (uitVariabele != null && regios.bestaat(uitVariabele)) {
      return uitVariabele;
    }
    if (zaaknummer == null) {
      return null;
    }
    return jdbc.sql("select regio from zaak where zaaknummer = :z").param("z", zaaknummer).query(String.class)
        .list().stream().filter(regios::bestaat).findFirst().orElse(null);
  }

  /** The columns of the engine's tables, upper case (H2 and PostgreSQL spell them differently in the metadata). */
  private Map<String, List<String>> kolommen() {
    Map<String, List<String>> uit = new LinkedHashMap<>();
    try (Connection verbinding = dataSource.getConnection()) {
      DatabaseMetaData meta = verbinding.getMetaData();
      try (ResultSet rijen = meta.getColumns(null, null, null, null)) {
        while (rijen.next()) {
          String tabel = rijen.getString("TABLE_NAME").toUpperCase(Locale.ROOT);
          if (tabel.startsWith("ACT_")) {
            uit.computeIfAbsent(tabel, t -> new ArrayList<>())
                .add(rijen.getString("COLUMN_NAME").toUpperCase(Locale.ROOT));
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Kolommen van de engine-tabellen niet te lezen", e);
    }
    return uit;
  }

  private static boolean heeft(Map<String, List<String>> kolommen, String tabel, String kolom) {
    return kolommen.getOrDefault(tabel, List.of()).contains(kolom);
  }
}
