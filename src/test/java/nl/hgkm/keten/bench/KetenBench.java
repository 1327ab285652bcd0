package nl.hgkm.keten.bench;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The benchmark of issue 5: {@code ./mvnw -Pbench verify} (ops/bench/README.md). Not a test: named *Bench so that
 * neither surefire nor failsafe runs it; the bench profile starts {@link #main} in a JVM of its own. Writes
 * {@code target/bench/rapport.md} and {@code target/bench/resultaten.csv}.
 */
public final class KetenBench {

  private static final Logger LOG = LoggerFactory.getLogger(KetenBench.class);
  private static final double DOEL_VERHOUDING = 0.8;
  private static final double DOEL_TAAKLIJST = 1.5;
  private static final double DOEL_RECONSTRUCTIE_MS = 300;
  private static final double DOEL_DAG_SECONDEN = 60;
  private static final double DOEL_TENANTS = 1.5;

  private final Instellingen instellingen;
  private final Rapport rapport;
  private final List<String[]> doorvoerRijen = new ArrayList<>();
  private final List<String[]> latentieRijen = new ArrayList<>();
  private final List<String[]> sqlRijen = new ArrayList<>();
  /** database -> "keten"/"kaal" -> statements per case per "group|verb", at the first thread count. */
  private final Map<String, Map<String, Map<String, Double>>> sqlSoorten = new LinkedHashMap<>();
  private final List<String> vormen = new ArrayList<>();
  private final List<String> taaklijst = new ArrayList<>();
  private final List<String> reconstructie = new ArrayList<>();
  private final List<String> reconstructiePlannen = new ArrayList<>();
  private final List<String> timers = new ArrayList<>();
  private final List<String> dag = new ArrayList<>();
  private final List<String> beslissingen = new ArrayList<>();
  private final List<String> watAls = new ArrayList<>();
  private final List<String> tenants = new ArrayList<>();
  private final List<String> tenantPlannen = new ArrayList<>();
  private final List<String> tenantFactoren = new ArrayList<>();
  private final Map<String, Double> ketenPerSeconde = new LinkedHashMap<>();
  private final String begonnen = ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  private final String belastingBijBegin = Machine.belasting();
  private final long start = System.nanoTime();

  private KetenBench(Instellingen instellingen) {
    this.instellingen = instellingen;
    this.rapport = new Rapport(instellingen.uitvoer());
  }

  public static void main(String[] args) throws Exception {
    Instellingen instellingen = Instellingen.uitSysteem();
    LOG.info("Benchmark, schaal {}: {}", instellingen.schaal(), instellingen);
    KetenBench bench = new KetenBench(instellingen);
    int code = 0;
    try {
      bench.draai();
    } catch (Exception | Error fout) {
      LOG.error("Benchmark afgebroken", fout);
      bench.afgebroken = String.valueOf(fout);
      code = 1;
    } finally {
      bench.schrijf();
      Database.stopPostgres();
    }
    LOG.info("Rapport: {}", instellingen.uitvoer().resolve("rapport.md").toAbsolutePath());
    System.exit(code);
  }

  private String afgebroken;
  private String feelSamenvatting;

  private void draai() throws Exception {
    for (String soort : instellingen.databases()) {
      if (instellingen.alleenWatAls()) {
        try (KetenApp app = KetenApp.start(Database.nieuw(soort, "keten"), new SqlTeller())) {
          watAls(app, app.database);
        }
        schrijf();
        continue;
      }
      if (instellingen.alleenTenants()) {
        tenants(soort);
        schrijf();
        continue;
      }
      Ketenvorm vorm = keten(soort);
      schrijf();
      kaal(soort, vorm);
      schrijf();
      if (instellingen.tenantDatabases().contains(soort) && instellingen.tenantTaken() > 0) {
        tenants(soort);
        schrijf();
      }
    }
    if (!instellingen.alleenWatAls() && !instellingen.alleenTenants()) {
      feel();
    }
  }

  /** The shape of a chain case, for the bare engine. */
  record Ketenvorm(int beslissingen, int taken, int jobs, int timers, int processen) {}

  private Ketenvorm keten(String soort) throws Exception {
    SqlTeller teller = new SqlTeller();
    Database database = Database.nieuw(soort, "keten");
    try (KetenApp app = KetenApp.start(database, teller)) {
      Latenties intake = new Latenties();
      Latenties taak = new Latenties();
      Ketenzaak rit = new Ketenzaak(app, intake, taak);
      Ketenzaak.Verloop verloop = rit.rijd();
      Ketenvorm vorm = vorm(app, verloop);
      vormen.add("| " + database + " | " + vorm.processen() + " | " + vorm.beslissingen() + " | " + vorm.taken()
          + " | " + vorm.jobs() + " | " + vorm.timers() + " |");
      Doorvoer.meet("keten-opwarmen-" + soort, 2, instellingen.ketenOpwarmen(), n -> rit.rijd());
      for (int draden : instellingen.draden()) {
        intake.wis();
        taak.wis();
        SqlTeller.Stand voor = teller.stand();
        Doorvoer.Uitkomst uitkomst = Doorvoer.meet("keten-" + soort, draden, instellingen.ketenMeten(),
            n -> rit.rijd());
        SqlTeller.Stand sql = teller.stand().min(voor);
        String sleutel = soort + "/" + draden;
        ketenPerSeconde.put(sleutel, uitkomst.perSeconde());
        rapport.cijfer("keten", soort, "zaken_per_s_" + draden + "_draden", uitkomst.perSeconde(), "zaken/s", null,
            null);
        rapport.cijfer("keten", soort, "fouten_" + draden + "_draden", uitkomst.fouten(), "zaken", "0",
            uitkomst.fouten() == 0);
        doorvoerRijen.add(new String[] {database.toString(), String.valueOf(draden), String.valueOf(uitkomst.zaken()),
            String.valueOf(uitkomst.fouten()), Rapport.getal(uitkomst.perSeconde())});
        latentieRijen.add(new String[] {database.toString(), String.valueOf(draden),
            ms(intake, 50) + " / " + ms(intake, 95) + " / " + ms(intake, 99) + " (" + intake.aantal() + ")",
            ms(taak, 50) + " / " + ms(taak, 95) + " / " + ms(taak, 99) + " (" + taak.aantal() + ")"});
        for (double p : new double[] {50, 95, 99}) {
          rapport.cijfer("latentie_intake", soort, "p" + (int) p + "_" + draden + "_draden", intake.percentielMs(p),
              "ms", null, null);
          rapport.cijfer("latentie_taak_afronden", soort, "p" + (int) p + "_" + draden + "_draden",
              taak.percentielMs(p), "ms", null, null);
        }
        sqlRij("keten", database, soort, draden, uitkomst, sql);
      }
      beslissingenViaApp(app, database);
      if (instellingen.taaklijstDatabases().contains(soort)) {
        taaklijst(app, rit, database);
      }
      if (instellingen.timerDatabases().contains(soort) && instellingen.timers() > 0) {
        timers(app, database);
      }
      if ("postgres".equals(soort) && instellingen.dagMeldingen() > 0) {
        dag(app, rit, database);
      }
      if (instellingen.watAlsDatabases().contains(soort) && instellingen.watAlsEvaluaties() > 0) {
        watAls(app, database);
      }
      return vorm;
    }
  }

  private Ketenvorm vorm(KetenApp app, Ketenzaak.Verloop verloop) {
    HistoryService history = app.engine.getHistoryService();
    int beslissingen = 0;
    int processen = 0;
    for (String zaaknummer : verloop.zaaknummers()) {
      for (HistoricProcessInstance pi : history.createHistoricProcessInstanceQuery()
          .processInstanceBusinessKey(zaaknummer).list()) {
        processen++;
        beslissingen += (int) history.createHistoricDecisionInstanceQuery().processInstanceId(pi.getId()).count();
      }
    }
    return new Ketenvorm(beslissingen, verloop.taken(), verloop.jobs(), verloop.timers(), processen);
  }

  private void sqlRij(String wat, Object database, String soort, int draden, Doorvoer.Uitkomst uitkomst,
      SqlTeller.Stand sql) {
    double zaken = Math.max(1, uitkomst.zaken());
    if (draden == instellingen.draden().get(0)) {
      Map<String, Double> perZaak = new LinkedHashMap<>();
      sql.perSoort().forEach((groepWerkwoord, aantal) -> perZaak.put(groepWerkwoord, aantal / zaken));
      sqlSoorten.computeIfAbsent(database.toString(), k -> new LinkedHashMap<>()).put(wat, perZaak);
    }
    sqlRijen.add(new String[] {database.toString(), wat, String.valueOf(draden),
        Rapport.getal(sql.statements() / zaken), Rapport.getal(sql.rondgangen() / zaken),
        Rapport.getal(sql.commits() / zaken), Rapport.getal(sql.rollbacks() / zaken)});
    rapport.cijfer("sql_" + wat, soort, "statements_per_zaak_" + draden + "_draden", sql.statements() / zaken,
        "statements", null, null);
    rapport.cijfer("sql_" + wat, soort, "transacties_per_zaak_" + draden + "_draden", sql.commits() / zaken,
        "commits", null, null);
  }

  /**
   * Where the statements of a case go, chain beside bare engine: the explanation of the ratio. Per table group and
   * verb, statements per case at the first thread count.
   */
  private void sqlSoortenTabel(Rapport r) {
    if (sqlSoorten.isEmpty()) {
      return;
    }
    r.tekst("").tekst("Waar de statements van één zaak heen gaan (" + instellingen.draden().get(0) + " draad; "
        + "tabelgroep van de eerste tabel na FROM/INTO/UPDATE; een select die ACT_RU_AUTHORIZATION raadpleegt telt als "
        + "autorisatiecontrole):").tekst("");
    List<String> werkwoorden = List.of("select", "insert", "update", "delete", "overig");
    r.tekst("| Database | Tabelgroep | Keten select | insert | update | delete | overig | Keten totaal | Kaal totaal |")
        .tekst("|---|---|---|---|---|---|---|---|---|");
    sqlSoorten.forEach((database, perWat) -> {
      Map<String, Double> keten = perWat.getOrDefault("keten", Map.of());
      Map<String, Double> kaal = perWat.getOrDefault("kaal", Map.of());
      java.util.SortedSet<String> groepen = new java.util.TreeSet<>();
      keten.keySet().forEach(k -> groepen.add(k.substring(0, k.indexOf('|'))));
      kaal.keySet().forEach(k -> groepen.add(k.substring(0, k.indexOf('|'))));
      for (String groep : groepen) {
        StringBuilder rij = new StringBuilder("| " + database + " | " + groep);
        double ketenTotaal = 0;
        double kaalTotaal = 0;
        for (String werkwoord : werkwoorden) {
          double aantal = keten.getOrDefault(groep + "|" + werkwoord, 0.0);
          ketenTotaal += aantal;
          kaalTotaal += kaal.getOrDefault(groep + "|" + werkwoord, 0.0);
          rij.append(" | ").append(Rapport.getal(aantal));
        }
        r.tekst(rij.append(" | ").append(Rapport.getal(ketenTotaal)).append(" | ").append(Rapport.getal(kaalTotaal))
            .append(" |").toString());
      }
    });
  }

  private void kaal(String soort, Ketenvorm vorm) throws Exception {
    SqlTeller teller = new SqlTeller();
    try (KaleMotor motor = KaleMotor.start(Database.nieuw(soort, "kaal"), teller)) {
      String sleutel = motor.rolUit(vorm.beslissingen(), vorm.taken(), vorm.jobs(), vorm.timers());
      String database = Database.naam(soort);
      Doorvoer.meet("kaal-opwarmen-" + soort, 2, instellingen.kaalOpwarmen(), n -> motor.rijd(sleutel, n));
      for (int draden : instellingen.draden()) {
        SqlTeller.Stand voor = teller.stand();
        Doorvoer.Uitkomst uitkomst = Doorvoer.meet("kaal-" + soort, draden, instellingen.kaalMeten(),
            n -> motor.rijd(sleutel, n));
        SqlTeller.Stand sql = teller.stand().min(voor);
        sqlRij("kaal", database, soort, draden, uitkomst, sql);
        rapport.cijfer("kaal", soort, "zaken_per_s_" + draden + "_draden", uitkomst.perSeconde(), "zaken/s", null,
            null);
        Double keten = ketenPerSeconde.get(soort + "/" + draden);
        if (keten != null) {
          double verhouding = keten / uitkomst.perSeconde();
          boolean gehaald = verhouding >= DOEL_VERHOUDING;
          rapport.cijfer("verhouding_keten_kaal", soort, draden + "_draden", verhouding, "", ">= 0.8", gehaald);
          for (String[] rij : doorvoerRijen) {
            if (rij[0].equals(database) && rij[1].equals(String.valueOf(draden)) && rij.length == 5) {
              doorvoerRijen.set(doorvoerRijen.indexOf(rij), new String[] {rij[0], rij[1], rij[2], rij[3], rij[4],
                  Rapport.getal(uitkomst.perSeconde()), Rapport.getal(verhouding), gehaald ? "ja" : "**nee**"});
              break;
            }
          }
        }
      }
    }
  }

  private void beslissingenViaApp(KetenApp app, Database database) {
    Beslissingen tabellen = new Beslissingen();
    long opwarm = instellingen.beslissingOpwarmen().toMillis() / 2;
    double perSeconde = tabellen.viaEngine(app.engine, opwarm, instellingen.beslissingMeten().toMillis() / 2);
    rapport.cijfer("beslissingen_app_decisionservice", database.soort, "evaluaties_per_s", perSeconde, "evaluaties/s",
        null, null);
    beslissingen.add("| de applicatie, DecisionService (" + database + ", historie full) | " + Beslissingen.feelJar()
        + " | alle " + tabellen.sleutels().size() + " tabellen om de beurt | " + Rapport.getal(perSeconde) + " |");
  }

  /** The decision what-if replay over a year of national volume of one table (issue 8). */
  private void watAls(KetenApp app, Database database) throws Exception {
    WatAlsMeting.Uitkomst u = new WatAlsMeting(app).meet(instellingen.watAlsEvaluaties());
    rapport.cijfer("wat_als", database.soort, "evaluaties_per_s_herberekend", u.perSecondeServer(), "evaluaties/s",
        null, null);
    rapport.cijfer("wat_als", database.soort, "seconden_voor_" + u.evaluaties() + "_evaluaties", u.seconden(), "s",
        null, null);
    rapport.cijfer("wat_als", database.soort, "historie_vullen_evaluaties_per_s", u.vullenPerSeconde(),
        "evaluaties/s", null, null);
    watAls.add("| " + database + " | " + u.evaluaties() + " | " + Rapport.getal(u.vullenPerSeconde()) + " | "
        + Rapport.getal(u.seconden()) + " | " + Rapport.getal(u.perSecondeWand()) + " | "
        + Rapport.getal(u.perSecondeServer()) + " | " + u.gewijzigd() + " / " + u.ongewijzigd() + " / "
        + u.nietVergelijkbaar() + " |");
  }

  /**
   * The task list with tenant checks (issue 9): one region with N open tasks against 25 regions with N each, on a
   * database of its own (no chain cases in it), the case worker a member of one region.
   */
  private void tenants(String soort) throws Exception {
    int n = instellingen.tenantTaken();
    try (KetenApp app = KetenApp.start(Database.nieuw(soort, "regios"), new SqlTeller())) {
      Regiotaken taken = new Regiotaken(app, new Ketenzaak(app, new Latenties(), new Latenties()));
      List<String> regios = taken.regios();
      double vullenEen = taken.vul(regios.subList(0, 1), n);
      Regiotaken.Meting een = taken.meet(1, vullenEen, instellingen.tenantMetingen());
      tenantRij(app.database, een);
      schrijf();
      double vullenAlle = taken.vul(regios.subList(1, regios.size()), n);
      Regiotaken.Meting alle = taken.meet(regios.size(), vullenAlle, instellingen.tenantMetingen());
      tenantRij(app.database, alle);
      double factor = alle.p95() / een.p95();
      boolean gehaald = factor <= DOEL_TENANTS;
      rapport.cijfer("taaklijst_tenants", soort, "p95_factor_" + regios.size() + "_regios_tov_een", factor, "",
          "<= 1.5", gehaald);
      tenantFactoren.add("| " + app.database + " | " + n + " | " + Rapport.getal(een.p95()) + " | "
          + Rapport.getal(alle.p95()) + " | " + Rapport.getal(factor) + " | " + (gehaald ? "ja" : "**nee**") + " |");
      if (!gehaald) {
        tenantPlannen.addAll(taken.plannen());
      }
    }
  }

  private void tenantRij(Database database, Regiotaken.Meting m) {
    String bij = m.regios() == 1 ? "een_regio" : m.regios() + "_regios";
    long n = m.zichtbaar();
    rapport.cijfer("taaklijst_tenants", database.soort, "p50_" + bij + "_" + n + "_taken_elk", m.p50(), "ms", null,
        null);
    rapport.cijfer("taaklijst_tenants", database.soort, "p95_" + bij + "_" + n + "_taken_elk", m.p95(), "ms", null,
        null);
    rapport.cijfer("taaklijst_tenants", database.soort, "filters_p95_" + bij, m.filtersP95(), "ms", null, null);
    tenants.add("| " + database + " | " + m.regios() + (m.regios() == 1 ? " regio" : " regio's") + " | "
        + m.openTaken() + " | " + m.zichtbaar() + " | " + Rapport.getal(m.vullenSeconden()) + " | "
        + Rapport.getal(m.p50()) + " | " + Rapport.getal(m.p95()) + " | " + Rapport.getal(m.p99()) + " | "
        + Rapport.getal(m.filtersP50()) + " / " + Rapport.getal(m.filtersP95()) + " | " + m.belasting() + " |");
  }

  private void taaklijst(KetenApp app, Ketenzaak rit, Database database) throws Exception {
    Taaklijst lijst = new Taaklijst(app, rit);
    Taaklijst.Meting eerste = null;
    for (int grootte : instellingen.historieGroottes()) {
      Taaklijst.Meting meting = lijst.meet(grootte, instellingen.taaklijstSjablonen(),
          instellingen.taaklijstMetingen());
      if (eerste == null) {
        eerste = meting;
      }
      double factor = meting.p95() / eerste.p95();
      boolean laatste = grootte == instellingen.historieGroottes().get(instellingen.historieGroottes().size() - 1);
      rapport.cijfer("taaklijst", database.soort, "p95_bij_" + grootte, meting.p95(), "ms", null, null);
      rapport.cijfer("taaklijst", database.soort, "p50_bij_" + grootte, meting.p50(), "ms", null, null);
      if (laatste) {
        rapport.cijfer("taaklijst", database.soort, "p95_factor_grootste_tov_kleinste", factor, "",
            "<= 1.5", factor <= DOEL_TAAKLIJST);
      }
      taaklijst.add("| " + database + " | " + meting.afgerondeZaken() + " | " + meting.openTaken() + " | "
          + meting.rijenGekopieerd() + " | " + Rapport.getal(meting.p50()) + " | " + Rapport.getal(meting.p95())
          + " | " + Rapport.getal(meting.p99()) + " | " + Rapport.getal(factor)
          + (laatste ? (factor <= DOEL_TAAKLIJST ? " (doel ≤ 1,5: gehaald)" : " (doel ≤ 1,5: **niet gehaald**)") : "")
          + " |");
      // the auditor's replay of one case beside it, at the same history (issue 8: p95 <= 300 ms at 100k)
      Taaklijst.Reconstructie replay = lijst.meetReconstructie(instellingen.taaklijstMetingen());
      boolean gehaald = replay.p95() <= DOEL_RECONSTRUCTIE_MS;
      rapport.cijfer("reconstructie", database.soort, "p95_bij_" + grootte, replay.p95(), "ms",
          laatste ? "<= 300" : null, laatste ? gehaald : null);
      rapport.cijfer("reconstructie", database.soort, "p50_bij_" + grootte, replay.p50(), "ms", null, null);
      reconstructie.add("| " + database + " | " + replay.afgerondeZaken() + " | " + replay.zaken() + " | "
          + replay.processen() + " | " + replay.regels() + " | " + Rapport.getal(replay.p50()) + " | "
          + Rapport.getal(replay.p95()) + " | " + Rapport.getal(replay.p99())
          + (laatste ? (gehaald ? " (doel ≤ 300 ms: gehaald)" : " (doel ≤ 300 ms: **niet gehaald**)") : "") + " |");
      if (laatste && !replay.plannen().isEmpty()) {
        reconstructiePlannen.clear();
        reconstructiePlannen.add("Plannen op " + database + " bij " + replay.afgerondeZaken()
            + " afgeronde zaken (`EXPLAIN ANALYZE`, eerste regels):");
        reconstructiePlannen.add("");
        replay.plannen().forEach(p -> reconstructiePlannen.add("- " + p));
      }
    }
  }

  private void timers(KetenApp app, Database database) throws Exception {
    Jobexecutor je = new Jobexecutor(app);
    Jobexecutor.TimerUitkomst uitkomst = je.monitoringTimers(instellingen.timers());
    rapport.cijfer("timers", database.soort, "seconden_tot_alle_" + uitkomst.timers() + "_uitgevoerd",
        uitkomst.seconden(), "s", null, null);
    rapport.cijfer("timers", database.soort, "timers_per_s", uitkomst.timers() / uitkomst.seconden(), "timers/s",
        null, null);
    timers.add("| " + database + " | " + uitkomst.timers() + " | " + Rapport.getal(uitkomst.seconden()) + " | "
        + Rapport.getal(uitkomst.timers() / uitkomst.seconden()) + " | " + uitkomst.mislukt() + " | "
        + uitkomst.instellingen() + " |");
  }

  private void dag(KetenApp app, Ketenzaak rit, Database database) throws Exception {
    Jobexecutor je = new Jobexecutor(app);
    Jobexecutor.DagUitkomst uitkomst = je.dag(rit, instellingen.dagMeldingen());
    boolean gehaald = uitkomst.seconden() < DOEL_DAG_SECONDEN && uitkomst.fouten() == 0
        && uitkomst.meldingen() == instellingen.dagMeldingen();
    rapport.cijfer("dag", database.soort, "seconden_voor_" + instellingen.dagMeldingen() + "_meldingen",
        uitkomst.seconden(), "s", "< 60 (bij 520)", instellingen.dagMeldingen() == 520 ? gehaald : null);
    dag.add("| " + database + " | " + uitkomst.meldingen() + " | " + uitkomst.fouten() + " | "
        + Rapport.getal(uitkomst.seconden()) + " | " + uitkomst.incidenten() + " | "
        + (instellingen.dagMeldingen() == 520 ? (gehaald ? "ja" : "**nee**") : "n.v.t. (niet 520)") + " |");
  }

  private void feel() throws Exception {
    List<Map<String, Object>> uitkomsten = FeelVergelijking.meet(instellingen.feelJars(),
        instellingen.beslissingOpwarmen().toMillis(), instellingen.beslissingMeten().toMillis());
    if (uitkomsten.size() >= 2) {
      Map<String, Object> oud = uitkomsten.get(0);
      Map<String, Object> nieuw = uitkomsten.get(uitkomsten.size() - 1);
      double factor = (Double) nieuw.get("standalone.alle") / (Double) oud.get("standalone.alle");
      double factorEngine = (Double) nieuw.get("engine") / (Double) oud.get("engine");
      rapport.cijfer("beslissingen_feel_factor", nieuw.get("feel") + "_tov_" + oud.get("feel"), "standalone",
          factor, "x", null, null);
      rapport.cijfer("beslissingen_feel_factor", nieuw.get("feel") + "_tov_" + oud.get("feel"), "decisionservice",
          factorEngine, "x", null, null);
      feelSamenvatting = "Standalone, alle tabellen om de beurt: " + nieuw.get("feel") + " haalt "
          + Rapport.getal(factor) + " × zoveel evaluaties per seconde als " + oud.get("feel")
          + "; via de DecisionService van een kale engine (met historie) " + Rapport.getal(factorEngine)
          + " ×. De build gebruikt " + Beslissingen.feelJar() + " (pom.xml, `feel-engine.version`).";
    }
    for (Map<String, Object> uitkomst : uitkomsten) {
      String feel = String.valueOf(uitkomst.get("feel"));
      rapport.cijfer("beslissingen_standalone", feel, "evaluaties_per_s", (Double) uitkomst.get("standalone.alle"),
          "evaluaties/s", null, null);
      rapport.cijfer("beslissingen_kale_engine_decisionservice", feel, "evaluaties_per_s",
          (Double) uitkomst.get("engine"), "evaluaties/s", null, null);
      beslissingen.add("| standalone DMN engine | " + feel + " | alle tabellen om de beurt | "
          + Rapport.getal((Double) uitkomst.get("standalone.alle")) + " |");
      beslissingen.add("| kale engine, DecisionService (H2 in memory, historie full) | " + feel
          + " | alle tabellen om de beurt | " + Rapport.getal((Double) uitkomst.get("engine")) + " |");
      uitkomst.forEach((k, v) -> {
        if (k.startsWith("standalone.") && !"standalone.alle".equals(k)) {
          rapport.cijfer("beslissingen_standalone_per_tabel", feel, k.substring(11), (Double) v, "evaluaties/s",
              null, null);
          beslissingen.add("| standalone DMN engine | " + feel + " | " + k.substring(11) + " | "
              + Rapport.getal((Double) v) + " |");
        }
      });
    }
  }

  private static String ms(Latenties l, double p) {
    return Rapport.getal(l.percentielMs(p));
  }

  private void schrijf() {
    Rapport r = new Rapport(instellingen.uitvoer());
    rapport.kopieerCijfersNaar(r);
    r.tekst("# Benchmark Keten HG/KM").tekst("");
    if (afgebroken != null) {
      r.tekst("> **Afgebroken:** " + afgebroken + ". Wat hieronder staat is gemeten tot dat moment.").tekst("");
    }
    if (instellingen.klein()) {
      r.tekst("> **Schaal klein:** een snelle controle dat alle onderdelen werken. Deze cijfers zeggen niets over de"
          + " prestaties: te korte opwarmtijd en metingen.").tekst("");
    }
    r.tekst("Gedraaid " + begonnen + ", " + Math.round((System.nanoTime() - start) / 1e9) + " s, schaal `"
        + instellingen.schaal() + "`. Wat elk cijfer betekent: `ops/bench/README.md`.").tekst("");
    r.tekst("| Machine | |").tekst("|---|---|")
        .tekst("| CPU | " + Machine.cpu() + " |")
        .tekst("| Kernen | " + Machine.kernen() + " |")
        .tekst("| Geheugen | " + Machine.geheugen() + " |")
        .tekst("| OS | " + Machine.os() + " |")
        .tekst("| Java | " + Machine.java() + " |")
        .tekst("| Belasting (1/5/15 min) bij begin | " + belastingBijBegin + " |")
        .tekst("| Belasting (1/5/15 min) nu | " + Machine.belasting() + " |");
    if (instellingen.databases().contains("postgres")) {
      r.tekst("| PostgreSQL | " + Database.postgresInstellingen() + " (embedded, zonky; fsync en synchronous_commit"
          + " uit: commits kosten geen schijf-flush, een echte installatie is trager) |");
    }
    r.tekst("| H2 | in memory (`jdbc:h2:mem:`) |");

    r.kop("Volledige zaken per seconde: keten en kale engine");
    r.tekst("Een zaak van de keten: melding via `POST /api/meldingen`, veiligheidsbeoordeling, huisverbod via `POST "
        + "/api/huisverboden`, opgelegd, geëvalueerd, verlengd en geëindigd (taken via `/engine-rest` als hun "
        + "gebruikers, jobs en timers via de ManagementService). De kale engine draait een gegenereerd proces met "
        + "evenveel beslissingen, taken, asynchrone stappen en timers, via de Java-API, zonder projectcode. Doel: "
        + "keten/kaal ≥ 0,8.").tekst("");
    r.tekst("| Database | Draden | Zaken | Fouten | Keten zaken/s | Kaal zaken/s | Keten/kaal | Doel ≥ 0,8 |")
        .tekst("|---|---|---|---|---|---|---|---|");
    for (String[] rij : doorvoerRijen) {
      r.tekst("| " + String.join(" | ", rij) + (rij.length == 5 ? " | | | |" : " |"));
    }
    r.tekst("").tekst("Vorm van één ketenzaak (gemeten aan de eerste zaak; de kale zaak krijgt dezelfde aantallen, in "
        + "één procesinstantie):").tekst("")
        .tekst("| Database | Procesinstanties | Beslissingen | Gebruikerstaken | Asynchrone stappen | Timers |")
        .tekst("|---|---|---|---|---|---|");
    vormen.forEach(r::tekst);

    r.kop("Latentie: intake en taak afronden");
    r.tekst("Milliseconden, p50 / p95 / p99 (aantal metingen), aan de kant van de client, tijdens de doorvoermeting. "
        + "Intake: `POST /api/meldingen` en `POST /api/huisverboden`. Taak afronden: `POST "
        + "/engine-rest/task/{id}/complete` als de gebruiker.").tekst("")
        .tekst("| Database | Draden | Intake p50 / p95 / p99 ms | Taak afronden p50 / p95 / p99 ms |")
        .tekst("|---|---|---|---|");
    latentieRijen.forEach(rij -> r.tekst("| " + String.join(" | ", rij) + " |"));

    r.kop("SQL en transacties per zaak");
    r.tekst("Geteld met een JDBC-proxy (datasource-proxy) om de DataSource: statements (elke rij van een JDBC-batch "
        + "telt als één), rondgangen naar de database (een batch is één), transacties (`commit`) en rollbacks, "
        + "gedeeld door het aantal afgeronde zaken in de meting. Bij de keten telt alles mee wat de applicatie in die "
        + "tijd doet, ook achtergrondwerk (metrieken, sessies).").tekst("")
        .tekst("| Database | Wat | Draden | Statements/zaak | Rondgangen/zaak | Transacties/zaak | Rollbacks/zaak |")
        .tekst("|---|---|---|---|---|---|---|");
    sqlRijen.forEach(rij -> r.tekst("| " + String.join(" | ", rij) + " |"));
    sqlSoortenTabel(r);

    r.kop("Taaklijst van een medewerker bij groeiende historie");
    r.tekst("`POST /engine-rest/task?firstResult=0&maxResults=15` als `medewerker` (autorisaties aan): kandidaatgroep "
        + "`vt-medewerker`, toegewezen taken inbegrepen, nieuwste eerst, zoals Tasklist een filter vraagt. "
        + "**Hoe de historie is gevuld:** de historierijen van echte afgeronde meldingen (door de applicatie gegaan, "
        + "met registerraadpleging en terugkoppeling) zijn met nieuwe ids gekopieerd met `INSERT ... SELECT` in "
        + "ACT_HI_PROCINST, ACT_HI_ACTINST, ACT_HI_TASKINST, ACT_HI_VARINST en ACT_HI_IDENTITYLINK; niet in "
        + "ACT_HI_DETAIL, joblog, beslissingshistorie en de eigen dossiertabellen. Op PostgreSQL na elke vulling "
        + "`ANALYZE`. Doel: p95 bij de grootste historie ≤ 1,5 × p95 bij de kleinste.").tekst("")
        .tekst("| Database | Afgeronde zaken in historie | Open taken in de lijst | Rijen gekopieerd | p50 ms | "
            + "p95 ms | p99 ms | p95 / p95 kleinste |")
        .tekst("|---|---|---|---|---|---|---|---|");
    taaklijst.forEach(r::tekst);

    r.kop("Taaklijst met tenantcontrole: één regio tegen 25 regio's");
    r.tekst("De medewerker `medewerker` (lid van alleen de tenant `utrecht`) opent in Tasklist het filter \"Taken van "
        + "Veilig Thuis medewerker\": `POST /engine-rest/filter/{id}/list?firstResult=0&maxResults=15` als "
        + "`application/hal+json` (de pagina, met de variabelen van de filterkolommen en het aantal), autorisaties en "
        + "tenantcontrole aan. Eerst met alleen `utrecht` gevuld, dan met dezelfde aantallen in alle andere regio's "
        + "erbij, in een eigen database zonder ketenzaken. Gevuld met instanties van een proces met één "
        + "gebruikerstaak (`bench-regiotaak`, kandidaatgroep `vt-medewerker`) via de RuntimeService; de tenant komt "
        + "van de `RegioTenantIdProvider`. Ernaast: de filterbalk zoals Tasklist die laadt (`GET /engine-rest/filter"
        + "?resourceType=Task&itemCount=true`, vier filters met aantallen). Doel: p95 bij 25 regio's ≤ 1,5 × p95 bij "
        + "één regio.").tekst("")
        .tekst("| Database | Regio's | Open taken | Zichtbaar voor medewerker | Vullen s | p50 ms | p95 ms | p99 ms | "
            + "Filterbalk p50 / p95 ms | Belasting na meting |")
        .tekst("|---|---|---|---|---|---|---|---|---|---|");
    tenants.forEach(r::tekst);
    r.tekst("").tekst("| Database | Open taken per regio | p95 één regio ms | p95 25 regio's ms | Factor | Doel ≤ 1,5 |")
        .tekst("|---|---|---|---|---|---|");
    tenantFactoren.forEach(r::tekst);
    if (!tenantPlannen.isEmpty()) {
      r.tekst("").tekst("Plannen (EXPLAIN ANALYZE) van de filtervraag bij 25 regio's:").tekst("");
      tenantPlannen.forEach(p -> r.tekst("```").tekst(p).tekst("```"));
    }

    r.kop("Reconstructie van een zaak door de auditor bij dezelfde historie");
    r.tekst("`GET /api/audit/zaken/{zaaknummer}` als `auditor`: de tijdlijn over alle processen, de paden, de "
        + "beslissingen en het inzagelog van een huisverbod uit de ketenzaken (opgelegd, hulpaanbod, beëindigd, wachtend "
        + "in monitoring; met de Veilig Thuis-zaak die het meldde), om de beurt over enkele zulke zaken, bij dezelfde historie als de "
        + "taaklijst erboven. Geen zaak waarvan de historie gekopieerd is (een kopie houdt haar business key). Elke "
        + "reconstructie schrijft ook een regel in het inzagelog. Doel: p95 ≤ 300 ms bij de grootste historie "
        + "(PostgreSQL).").tekst("")
        .tekst("| Database | Afgeronde zaken in historie | Zaken gemeten | Processen per reconstructie | "
            + "Tijdlijnregels | p50 ms | p95 ms | p99 ms |")
        .tekst("|---|---|---|---|---|---|---|---|");
    reconstructie.forEach(r::tekst);
    if (!reconstructiePlannen.isEmpty()) {
      r.tekst("");
      reconstructiePlannen.forEach(r::tekst);
    }

    r.kop("Monitoringstimers die tegelijk verlopen");
    r.tekst("Zoveel `monitoring`-processen wachtend op `Timer_VolgendMonitoringmoment`, alle al verlopen (gestart "
        + "met de variabelen van een echte monitoring uit een ketenzaak, direct vóór de timer, terwijl de job executor "
        + "uit stond). Dan start de job executor van de applicatie (standaardinstellingen); gemeten tot geen van die "
        + "timers meer uitvoerbaar is. Elke timer opent het monitoringsmoment (taak en te-laat-timer).").tekst("")
        .tekst("| Database | Timers | Seconden tot alle uitgevoerd | Timers/s | Mislukte jobs | Job executor |")
        .tekst("|---|---|---|---|---|---|");
    timers.forEach(r::tekst);

    r.kop("Een dag landelijke meldingen door één node");
    r.tekst("Meldingen via `POST /api/meldingen` met hun veiligheidsbeoordeling (als `medewerker`), vier clients "
        + "tegelijk, de job executor van de node aan (registerraadpleging, terugkoppeling); gemeten tot elke melding "
        + "is afgerond. Doel: 520 meldingen in minder dan een minuut.").tekst("")
        .tekst("| Database | Meldingen | Fouten | Seconden | Incidenten | Doel < 60 s |")
        .tekst("|---|---|---|---|---|---|");
    dag.forEach(r::tekst);

    r.kop("Wat-als voor een beslissing over een jaar historie");
    r.tekst("Zoveel evaluaties van `rihg-huisverbod-advies` in de historie (via de DecisionService van de applicatie, "
        + "historie full, invoer willekeurig met vaste seed, verspreid over 2015), dan één wat-als-berekening van de "
        + "kandidaat `wat-als/rihg-drie-rood-pleger.dmn` over dat jaar als `auditor` (`POST .../wat-als?achtergrond"
        + "=true`, voortgang elke 200 ms opgevraagd). Herberekend/s: de berekening zelf (lezen in pagina's, vergelijken, "
        + "evalueren); wand: van POST tot het antwoord binnen is.").tekst("")
        .tekst("| Database | Evaluaties in de periode | Historie vullen evaluaties/s | Seconden | Wand evaluaties/s | "
            + "Herberekend evaluaties/s | Gewijzigd / gelijk / niet te vergelijken |")
        .tekst("|---|---|---|---|---|---|---|");
    watAls.forEach(r::tekst);

    r.kop("Beslissingen per seconde");
    r.tekst("Onze tabellen uit `decisions/`, met invoer die per tabel (vaste seed) is getrokken uit de waarden die de "
        + "regels toetsen; één draad. De FEEL-engines draaien elk in een eigen class loader in dezelfde JVM.")
        .tekst("").tekst("| Via | FEEL-engine | Tabel | Evaluaties/s |").tekst("|---|---|---|---|");
    beslissingen.forEach(r::tekst);
    if (feelSamenvatting != null) {
      r.tekst("").tekst(feelSamenvatting);
    }
    r.schrijf();
  }
}
