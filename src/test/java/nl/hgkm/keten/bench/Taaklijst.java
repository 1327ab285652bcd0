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

  /**
   * The auditor's replay of one case ({@code GET /api/audit/zaken/{z}}) at this history size.
   *
   * @param zaken      the huisverboden measured in turn (not a template of the copies, nor linked to one)
   * @param processen  process instances in one replay; {@code regels} timeline lines in one replay
   */
  record Reconstructie(int afgerondeZaken, int zaken, int processen, int regels, double p50, double p95, double p99,
      List<String> plannen) {}

  private final KetenApp app;
  private final DataSource dataSource;
  private final Ketenzaak http;
  private List<String> sjabloonWortels;
  private Set<String> sjabloonSleutels = Set.of();
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

  /**
   * The replay of a huisverbod of the chain cases (imposed, care offer, ended, waiting in monitoring; with the Veilig
   * Thuis case it informed) as the auditor, through HTTP as the page asks for it. Cases whose business key, or whose linked Veilig Thuis case's, was
   * copied to fill the history are left out: a copy keeps its business key, so such a case would replay a hundred
   * copies of itself. On PostgreSQL the plans of the replay's main lookups are kept for the report.
   */
  Reconstructie meetReconstructie(int metingen) throws SQLException {
    List<String> zaken = new ArrayList<>();
    for (var h : app.engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("huisverbod")
        .orderByProcessInstanceStartTime().desc().listPage(0, 200)) {
      var vt = app.engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(h.getId())
          .variableName("vtZaaknummer").list();
      boolean gekoppeldAanSjabloon = vt.stream().anyMatch(v -> sjabloonSleutels.contains(String.valueOf(v.getValue())));
      if (!sjabloonSleutels.contains(h.getBusinessKey()) && !gekoppeldAanSjabloon) {
        zaken.add(h.getBusinessKey());
      }
      if (zaken.size() == 20) {
        break;
      }
    }
    if (zaken.isEmpty()) {
      throw new IllegalStateException("Geen huisverbod om de reconstructie van te meten");
    }
    Latenties latenties = new Latenties();
    int processen = 0;
    int regels = 0;
    for (int i = 0; i < metingen / 5 + metingen; i++) {
      String zaak = zaken.get(i % zaken.size());
      long start = System.nanoTime();
      HttpResponse<String> antwoord = http.stuur(HttpRequest.newBuilder(
          URI.create(app.basisUrl + "/api/audit/zaken/" + zaak)).GET(), "auditor");
      long duur = System.nanoTime() - start;
      if (antwoord.statusCode() != 200 || !antwoord.body().contains("\"tijdlijn\"")) {
        throw new IllegalStateException("Reconstructie gaf " + antwoord.statusCode() + ": " + antwoord.body());
      }
      if (i >= metingen / 5) {
        latenties.voegToe(duur);
      }
      if (i == 0) {
        processen = tel(antwoord.body(), "\"definitieId\"") - tel(antwoord.body(), "\"hitPolicy\"");
        regels = tel(antwoord.body(), "\"bron\"");
      }
    }
    List<String> plannen = "postgres".equals(app.database.soort) ? plannen(zaken.get(0)) : List.of();
    Reconstructie meting = new Reconstructie(afgerondeZaken(), zaken.size(), processen, regels,
        latenties.percentielMs(50), latenties.percentielMs(95), latenties.percentielMs(99), plannen);
    LOG.info("Reconstructie bij {} afgeronde zaken ({} processen, {} regels): p50 {} ms, p95 {} ms",
        meting.afgerondeZaken(), processen, regels, Rapport.getal(meting.p50()), Rapport.getal(meting.p95()));
    return meting;
  }

  /** EXPLAIN ANALYZE of the replay's lookups, in the form the engine's own queries take (first plan line each). */
  private List<String> plannen(String zaaknummer) throws SQLException {
    List<String> plannen = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      String pi;
      String wortel;
      try (PreparedStatement ps = c.prepareStatement(
          "select ID_, ROOT_PROC_INST_ID_ from ACT_HI_PROCINST where BUSINESS_KEY_ = ? limit 1")) {
        ps.setString(1, zaaknummer);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          pi = rs.getString(1);
          wortel = rs.getString(2);
        }
      }
      String[][] vragen = {
          {"procesinstanties op business key", "select * from ACT_HI_PROCINST where BUSINESS_KEY_ in (?)", zaaknummer},
          {"activiteiten van een instantie", "select * from ACT_HI_ACTINST where PROC_INST_ID_ = ? order by START_TIME_",
              pi},
          {"taken van een instantie", "select * from ACT_HI_TASKINST where PROC_INST_ID_ = ?", pi},
          {"kandidaatgroepen van alle taken", "select * from ACT_HI_IDENTITYLINK where ROOT_PROC_INST_ID_ in (?)"
              + " and TASK_ID_ is not null", wortel},
          {"joblog van een instantie", "select * from ACT_HI_JOB_LOG where PROCESS_INSTANCE_ID_ = ?", pi},
          {"operation log van een instantie", "select * from ACT_HI_OP_LOG where PROC_INST_ID_ = ?", pi},
          {"beslissingen van een instantie", "select * from ACT_HI_DECINST where PROC_INST_ID_ = ?", pi},
          {"inzagelog van de zaak", "select * from inzage_log where zaaknummer in (?) order by tijdstip, id",
              zaaknummer}};
      for (String[] vraag : vragen) {
        try (PreparedStatement ps = c.prepareStatement("explain analyze " + vraag[1])) {
          ps.setString(1, vraag[2]);
          // the top line and the first scan (which index, or a sequential scan), with the execution time
          StringJoiner plan = new StringJoiner(" / ");
          try (ResultSet rs = ps.executeQuery()) {
            boolean scan = false;
            for (int n = 0; rs.next(); n++) {
              String regel = rs.getString(1).trim();
              boolean eersteScan = !scan && regel.contains("Scan");
              if (n == 0 || eersteScan || regel.startsWith("Index Cond") && scan || regel.startsWith("Execution")) {
                plan.add(regel.replaceFirst("^->\\s*", ""));
              }
              scan = scan || eersteScan;
            }
          }
          plannen.add(vraag[0] + ": `" + plan + "`");
        }
      }
    }
    return plannen;
  }

  private static int tel(String tekst, String stuk) {
    int aantal = 0;
    for (int i = tekst.indexOf(stuk); i >= 0; i = tekst.indexOf(stuk, i + 1)) {
      aantal++;
    }
    return aantal;
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
    sjabloonSleutels = Set.copyOf(sleutels);
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
