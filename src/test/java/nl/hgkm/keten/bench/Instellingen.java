package nl.hgkm.keten.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Durations and sizes of the benchmark, from system properties ({@code -Dbench.keten.meetSeconden=120}); each default
 * depends on {@code bench.schaal}: {@code vol} (the full run, 20-30 minutes) or {@code klein} (a quick check that
 * every part works, a few minutes; its figures mean nothing).
 */
record Instellingen(
    String schaal,
    Path uitvoer,
    List<String> databases,
    Duration ketenOpwarmen,
    Duration ketenMeten,
    List<Integer> draden,
    Duration kaalOpwarmen,
    Duration kaalMeten,
    List<Integer> historieGroottes,
    int taaklijstSjablonen,
    int taaklijstMetingen,
    List<String> taaklijstDatabases,
    int timers,
    List<String> timerDatabases,
    int dagMeldingen,
    Duration beslissingOpwarmen,
    Duration beslissingMeten,
    Path feelJars,
    int watAlsEvaluaties,
    List<String> watAlsDatabases,
    boolean alleenWatAls,
    int tenantTaken,
    int tenantMetingen,
    List<String> tenantDatabases,
    boolean alleenTenants) {

  static Instellingen uitSysteem() {
    String schaal = System.getProperty("bench.schaal", "vol");
    boolean klein = "klein".equals(schaal);
    if (!klein && !"vol".equals(schaal)) {
      throw new IllegalArgumentException("bench.schaal is vol of klein, niet " + schaal);
    }
    return new Instellingen(
        schaal,
        Path.of(System.getProperty("bench.uitvoer", "target/bench")),
        lijst("bench.databases", "h2,postgres"),
        seconden("bench.keten.opwarmSeconden", klein ? 10 : 60),
        seconden("bench.keten.meetSeconden", klein ? 10 : 45),
        lijst("bench.keten.draden", "1,4").stream().map(Integer::valueOf).toList(),
        seconden("bench.kaal.opwarmSeconden", klein ? 5 : 20),
        seconden("bench.kaal.meetSeconden", klein ? 5 : 25),
        lijst("bench.taaklijst.historie", klein ? "100,300,1000" : "1000,10000,100000").stream()
            .map(Integer::valueOf).toList(),
        Integer.getInteger("bench.taaklijst.sjablonen", klein ? 20 : 200),
        Integer.getInteger("bench.taaklijst.metingen", klein ? 50 : 300),
        lijst("bench.taaklijst.databases", "postgres"),
        Integer.getInteger("bench.timers.aantal", klein ? 200 : 10_000),
        lijst("bench.timers.databases", "postgres"),
        Integer.getInteger("bench.dag.meldingen", klein ? 52 : 520),
        seconden("bench.beslissing.opwarmSeconden", klein ? 3 : 20),
        seconden("bench.beslissing.meetSeconden", klein ? 3 : 20),
        Path.of(System.getProperty("bench.feel.jars", "target/bench/feel")),
        Integer.getInteger("bench.watals.evaluaties", klein ? 2_000 : 130_000),
        lijst("bench.watals.databases", "postgres"),
        Boolean.getBoolean("bench.watals.alleen"),
        Integer.getInteger("bench.tenants.taken", klein ? 200 : 10_000),
        Integer.getInteger("bench.tenants.metingen", klein ? 50 : 300),
        lijst("bench.tenants.databases", "postgres"),
        Boolean.getBoolean("bench.tenants.alleen"));
  }

  boolean klein() {
    return "klein".equals(schaal);
  }

  private static Duration seconden(String naam, int standaard) {
    return Duration.ofSeconds(Integer.getInteger(naam, standaard));
  }

  private static List<String> lijst(String naam, String standaard) {
    return Arrays.stream(System.getProperty(naam, standaard).split(",")).map(String::trim)
        .filter(s -> !s.isEmpty()).toList();
  }
}
