package nl.hgkm.keten.metriek;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import nl.hgkm.keten.kalender.Klok;
import nl.hgkm.keten.metriek.EngineStand.CamundaTeller;
import nl.hgkm.keten.metriek.EngineStand.Stand;
import nl.hgkm.keten.metriek.Verversing.Peiling;
import nl.hgkm.keten.regio.Regios;
import org.springframework.stereotype.Component;

/**
 * The series that show the engine's state (docs/metrieken.md): open tasks, overdue statutory terms, open incidents,
 * waiting jobs and the job executor's counters. All of them come from one reading ({@link EngineStand#lees}) that is
 * kept for {@code keten.metriek.verversing}: a scrape every 15 s reads the database at most once per that time, however
 * many series there are, and every series of one scrape comes from the same reading.
 *
 * <p>A series appears once a reading has seen its labels, and then stays, showing 0 when there is nothing (a task key
 * whose last task was completed, an incident type that was resolved): an alert on "&gt; 0" resolves instead of its
 * series vanishing. The overdue terms of every configured region exist from the start. A label combination never
 * seen before shows from the scrape that reads it, or at the latest the one after.
 */
@Component
public class EngineMetrieken {

  /** The statutory terms the inspectorate asks about: process melding, task key, term name (label termijn). */
  static final String TERMIJN_PROCES = "melding";
  static final Map<String, String> TERMIJN_PER_TAAK = Map.of(
      "veiligheidsbeoordeling", "veiligheidsbeoordeling",
      "onderzoek", "onderzoek");

  static final String TAKEN_OPEN = "keten.taken.open";
  static final String TERMIJNEN_VERSTREKEN = "keten.termijnen.verstreken";
  static final String INCIDENTEN_OPEN = "keten.incidenten.open";

  private static final Map<String, String> BESCHRIJVING = Map.of(
      TAKEN_OPEN, "Open gebruikerstaken per proces, taaksleutel en kandidaatgroep (een taak met twee groepen telt bij"
          + " beide)",
      TERMIJNEN_VERSTREKEN, "Open veiligheidsbeoordelingen en onderzoeken waarvan de vervaldatum verstreken is, per"
          + " regio",
      INCIDENTEN_OPEN, "Open incidenten per proces en incidenttype");

  /** One series: metric name and labels. */
  private record Reeks(String naam, Tags tags) {}

  /** A reading turned into values per series. */
  record Lezing(Stand stand, Map<Reeks, Double> waarden) {}

  private final EngineStand engineStand;
  private final MeterRegistry registry;
  private final Verversing<Lezing> verversing;
  private final Set<Reeks> geregistreerd = ConcurrentHashMap.newKeySet();

  EngineMetrieken(EngineStand engineStand, Klok klok, MetriekProperties properties, MeterRegistry registry,
      Regios regios) {
    this.engineStand = engineStand;
    this.registry = registry;
    this.verversing = new Verversing<>(properties.verversing(), klok::nu, nu -> lees(nu));
    registreerVasteReeksen(regios);
  }

  /** The current reading (read anew when older than {@code keten.metriek.verversing}); health uses it too. */
  Peiling<Lezing> peiling() {
    return verversing.peiling();
  }

  /** How many times the engine's state was read: once per {@code keten.metriek.verversing} at most. */
  public long aantalLezingen() {
    return verversing.aantal();
  }

  private Lezing lees(Instant nu) {
    Stand stand = engineStand.lees(nu, TERMIJN_PROCES, TERMIJN_PER_TAAK.keySet());
    Map<Reeks, Double> waarden = new HashMap<>();
    stand.takenOpen().forEach(t -> waarden.merge(
        new Reeks(TAKEN_OPEN, Tags.of("proces", t.proces(), "taak", t.taak(), "groep", t.groep())),
        (double) t.aantal(), Double::sum));
    stand.verstreken().forEach(v -> waarden.merge(
        new Reeks(TERMIJNEN_VERSTREKEN, Tags.of("termijn", TERMIJN_PER_TAAK.get(v.taak()), "regio", v.regio())),
        (double) v.aantal(), Double::sum));
    stand.incidenten().forEach(i -> waarden.merge(
        new Reeks(INCIDENTEN_OPEN, Tags.of("proces", i.proces(), "type", i.type())),
        (double) i.aantal(), Double::sum));
    waarden.keySet().forEach(this::registreer);
    return new Lezing(stand, Map.copyOf(waarden));
  }

  private double waarde(Reeks reeks) {
    return verversing.waarde().waarden().getOrDefault(reeks, 0.0);
  }

  private void registreer(Reeks reeks) {
    if (geregistreerd.add(reeks)) {
      Gauge.builder(reeks.naam(), this, m -> m.waarde(reeks))
          .tags(reeks.tags())
          .description(BESCHRIJVING.get(reeks.naam()))
          .register(registry);
    }
  }

  private void registreerVasteReeksen(Regios regios) {
    for (String termijn : TERMIJN_PER_TAAK.values()) {
      for (String regio : regios.slugs()) {
        registreer(new Reeks(TERMIJNEN_VERSTREKEN, Tags.of("termijn", termijn, "regio", regio)));
      }
    }
    Gauge.builder("keten.jobs.wachtend", this, m -> m.verversing.waarde().stand().wachtendeJobs().aantal())
        .description("Jobs die klaar staan (vervaldatum bereikt, pogingen over, niet opgeschort) en die geen job"
            + " executor vasthoudt")
        .register(registry);
    Gauge.builder("keten.jobs.achterstand", this, m -> {
          Peiling<Lezing> peiling = m.verversing.peiling();
          return peiling.waarde().stand().wachtendeJobs().achterstand(peiling.op()).toMillis() / 1000.0;
        })
        .baseUnit("seconds")
        .description("Hoe lang de oudste wachtende job al klaarstaat (0 als er geen wacht)")
        .register(registry);
    teller("keten.jobs.acquisitie.pogingen", CamundaTeller.ACQUISITIE_POGING, Tags.empty(),
        "Pogingen van de job executor van deze node om jobs te verwerven (Camunda job-acquisition-attempt)");
    String verworven = "Jobs die de job executor van deze node verwierf (gelukt) of die een andere node hem voor"
        + " was (mislukt) (Camunda job-acquired-success, job-acquired-failure)";
    teller("keten.jobs.verworven", CamundaTeller.VERWORVEN, Tags.of("uitkomst", "gelukt"), verworven);
    teller("keten.jobs.verworven", CamundaTeller.NIET_VERWORVEN, Tags.of("uitkomst", "mislukt"), verworven);
    String uitgevoerd = "Jobs die op deze node zijn uitgevoerd, geslaagd of mislukt (Camunda job-successful,"
        + " job-failed)";
    teller("keten.jobs.uitgevoerd", CamundaTeller.GESLAAGD, Tags.of("uitkomst", "gelukt"), uitgevoerd);
    teller("keten.jobs.uitgevoerd", CamundaTeller.MISLUKT, Tags.of("uitkomst", "mislukt"), uitgevoerd);
    teller("keten.jobs.afgewezen", CamundaTeller.AFGEWEZEN, Tags.empty(),
        "Verworven jobs die de job executor van deze node niet kon uitvoeren omdat zijn wachtrij vol was"
            + " (Camunda job-execution-rejected)");
    teller("keten.jobs.exclusief.vergrendeld", CamundaTeller.EXCLUSIEF_VERGRENDELD, Tags.empty(),
        "Exclusieve jobs die deze node samen met een andere job van dezelfde procesinstantie vergrendelde"
            + " (Camunda job-locked-exclusive)");
    FunctionCounter.builder("keten.metriek.lezingen", this, EngineMetrieken::aantalLezingen)
        .description("Hoe vaak de metrieken de stand van de engine uit de database lazen (hoogstens eens per"
            + " keten.metriek.verversing)")
        .register(registry);
  }

  private void teller(String naam, CamundaTeller teller, Tags tags, String beschrijving) {
    FunctionCounter.builder(naam, this, m -> m.verversing.waarde().stand().camundaTellers().getOrDefault(teller, 0L))
        .tags(tags)
        .description(beschrijving)
        .register(registry);
  }
}
