package nl.hgkm.keten.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The task list of a Veilig Thuis case worker as Tasklist asks for it: tasks of candidate group {@code vt-medewerker}
 * (assigned ones included), newest first, a page of 15, through the engine REST API as {@code medewerker}, with
 * authorization checks on. Measured with growing numbers of finished cases in the history.
 *
 * <p>How the history grows: the history rows of real finished cases (meldingen run through the application, each with
 * its register lookup and feedback process) are copied with new ids by {@code INSERT ... SELECT}, as many times as
 * needed. Copied: ACT_HI_PROCINST, ACT_HI_ACTINST, ACT_HI_TASKINST, ACT_HI_VARINST and ACT_HI_IDENTITYLINK; not
 * copied: ACT_HI_DETAIL, job logs, decision history, the operation log and the project's own case tables.
 */
final class Taaklijst {

  private static final Logger LOG = LoggerFactory.getLogger(Taaklijst.class);
  private static final List<String> TABELLEN = List.of("ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_TASKINST",
      "ACT_HI_VARINST", "ACT_HI_IDENTITYLINK");
  /** Columns that hold ids of the copied rows themselves; they get the copy's suffix. */
  private static final Set<String> EIGEN_IDS = Set.of("ID_", "PROC_INST_ID_", "ROOT_PROC_INST_ID_", "EXECUTION_ID_",
      "TASK_ID_", "ACT_INST_ID_", "PARENT_ACT_INST_ID_", "CALL_PROC_INST_ID_", "SUPER_PROCESS_INSTANCE_ID_",
      "PARENT_TASK_ID_", "SCOPE_ACTIVITY_INSTANCE_ID_");
  private static final String ZOEKVRAAG = """
      {"candidateGroups": ["vt-medewerker"], "includeAssignedTasks": true,
       "sorting": [{"sortBy": "created", "sortOrder": "desc"}]}""";

  record Meting(int afgerondeZaken, int openTaken, double p50, double p95, double p99, int rijenGekopieerd) {}

  private final KetenApp app;
  private final DataSource dataSource;
  private final Ketenzaak http;
  private List<String> sjabloonWortels;
  private int zakenPerKopie;
  private int kopie;

  Taaklijst(KetenApp app, Ketenzaak http) {
    this.app = app;
    this.dataSource = app.context.getBean(DataSource.class);
    this.http = http;
  }

  int afgerondeZaken() {
    return (int) app.engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("melding")
        .finished().count();
  }

  /** Grows the history to {@code doel} finished cases, then measures the query {@code metingen} times. */
  Meting meet(int doel, int sjablonen, int metingen) throws SQLException {
    int rijen = vulAan(doel, sjablonen);
    if ("postgres".equals(app.database.soort)) {
      try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
        s.execute("analyze");
      }
    }
    Latenties latenties = new Latenties();
    for (int i = 0; i < metingen / 5 + metingen; i++) {
      long start = System.nanoTime();
      HttpResponse<String> antwoord = http.stuur(HttpRequest.newBuilder(
              URI.create(app.basisUrl + "/engine-rest/task?firstResult=0&maxResults=15"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(ZOEKVRAAG, StandardCharsets.UTF_8)), "medewerker");
      long duur = System.nanoTime() - start;
      if (antwoord.statusCode() != 200 || !antwoord.body().startsWith("[{")) {
        throw new IllegalStateException("Taaklijst gaf " + antwoord.statusCode() + ": " + antwoord.body());
      }
      if (i >= metingen / 5) {
        latenties.voegToe(duur);
      }
    }
    int open = (int) app.engine.getTaskService().createTaskQuery().taskCandidateGroup("vt-medewerker")
        .includeAssignedTasks().count();
    Meting meting = new Meting(afgerondeZaken(), open, latenties.percentielMs(50), latenties.percentielMs(95),
        latenties.percentielMs(99), rijen);
    LOG.info("Taaklijst bij {} afgeronde zaken ({} open taken): p50 {} ms, p95 {} ms", meting.afgerondeZaken(), open,
        Rapport.getal(meting.p50()), Rapport.getal(meting.p95()));
    return meting;
  }

  private int vulAan(int doel, int sjablonen) throws SQLException {
    int nu = afgerondeZaken();
    if (nu >= doel) {
      return 0;
    }
    if (sjabloonWortels == null) {
      kiesSjablonen(sjablonen);
    }
    int rijen = 0;
    long start = System.nanoTime();
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      List<String> kopieerOpdrachten = new ArrayList<>();
      for (String tabel : TABELLEN) {
        kopieerOpdrachten.add(kopieerOpdracht(c, tabel));
      }
      while (nu < doel) {
        String achtervoegsel = "-k" + (++kopie);
        for (String opdracht : kopieerOpdrachten) {
          try (PreparedStatement ps = c.prepareStatement(opdracht.replace("#SFX#", achtervoegsel))) {
            for (int i = 0; i < sjabloonWortels.size(); i++) {
              ps.setString(i + 1, sjabloonWortels.get(i));
            }
            rijen += ps.executeUpdate();
          }
        }
        c.commit();
        nu += zakenPerKopie;
      }
    }
    LOG.info("Historie aangevuld tot {} afgeronde zaken: {} rijen in {} s", afgerondeZaken(), rijen,
        (System.nanoTime() - start) / 1_000_000_000);
    return rijen;
  }

  /** The root process instances of up to {@code aantal} finished meldingen, with their register and feedback. */
  private void kiesSjablonen(int aantal) throws SQLException {
    List<String> sleutels = app.engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey("melding").finished().listPage(0, aantal).stream()
        .map(h -> h.getBusinessKey()).toList();
    if (sleutels.isEmpty()) {
      throw new IllegalStateException("Geen afgeronde meldingen om de historie mee te vullen");
    }
    sjabloonWortels = new ArrayList<>();
    for (String sleutel : sleutels) {
      app.engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(sleutel)
          .finished().list().stream().filter(h -> h.getId().equals(h.getRootProcessInstanceId()))
          .forEach(h -> sjabloonWortels.add(h.getId()));
    }
    zakenPerKopie = sleutels.size();
    LOG.info("Sjabloon: {} afgeronde meldingen, {} hoofdprocessen", zakenPerKopie, sjabloonWortels.size());
  }

  private String kopieerOpdracht(Connection c, String tabel) throws SQLException {
    StringJoiner kolommen = new StringJoiner(", ");
    StringJoiner waarden = new StringJoiner(", ");
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select * from " + tabel + " where 1 = 0")) {
      ResultSetMetaData meta = rs.getMetaData();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        String kolom = meta.getColumnName(i).toUpperCase();
        kolommen.add(kolom);
        // the copy's suffix after the id; ids too long for that (activity instance ids: activity id, colon,
        // UUID) get it in place of their first characters, which keeps the unique tail
        waarden.add(EIGEN_IDS.contains(kolom) ? "case when length(" + kolom + ") > 64 - length('#SFX#') then '#SFX#' || "
            + "substr(" + kolom + ", length('#SFX#') + 1) else " + kolom + " || '#SFX#' end"
            : "ACT_HI_PROCINST".equals(tabel) && "END_TIME_".equals(kolom) ? "coalesce(END_TIME_, START_TIME_)"
            : kolom);
      }
    }
    StringJoiner vraagtekens = new StringJoiner(", ");
    sjabloonWortels.forEach(w -> vraagtekens.add("?"));
    return "insert into " + tabel + " (" + kolommen + ") select " + waarden + " from " + tabel
        + " where ROOT_PROC_INST_ID_ in (" + vraagtekens + ")";
  }
}
