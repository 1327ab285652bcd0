package nl.hgkm.keten.audit;

import jakarta.annotation.PreDestroy;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import nl.hgkm.keten.engine.BeslissingEvaluaties;
import nl.hgkm.keten.engine.Beslistabelmotor;
import nl.hgkm.keten.engine.Beslistabelmotor.Tabel;
import nl.hgkm.keten.kalender.Klok;
import nl.hgkm.keten.kalender.Werkdagenkalender;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The decision what-if replay (issue 8, contract §6, docs/wat-als.md): a candidate decision table, uploaded or a
 * deployed version, re-evaluated over the recorded inputs of every past evaluation of its key in a period, never
 * deployed. Answers each evaluation whose outcome would change (old and new outcome, matched rules with their
 * annotation, the version that was used), and each evaluation it cannot compare because a column no longer matches
 * (the candidate asks for an input the recorded evaluation lacks, or a recorded value does not fit the column's
 * type): reported, never guessed.
 *
 * <p>History is read a day at a time ({@link BeslissingEvaluaties}) and processed in pages of
 * {@code keten.wat-als.paginagrootte}, so that memory stays bounded and each read costs the same whatever the period; a large period runs in the background, one run at a time per node,
 * with its progress readable while it runs. Runs live in this node's memory for {@code keten.wat-als.bewaren}.
 */
@Service
public class WatAls {

  private static final Logger LOG = LoggerFactory.getLogger(WatAls.class);
  /** How much history one read covers: about 360 evaluations of a table on a day of national volume. */
  private static final Duration VENSTER = Duration.ofDays(1);

  /** Where a run stands. */
  public enum Status { WACHT, BEZIG, KLAAR, MISLUKT }

  /** What kind of mismatch keeps an evaluation from being compared. */
  public enum Probleem {
    /** The candidate's column asks for an input (expression) the recorded evaluation does not have. */
    ONTBREEKT,
    /** The recorded value does not fit the candidate column's type. */
    TYPE,
    /** The recorded value could not be read from history. */
    ONLEESBAAR,
    /** The candidate could not evaluate the recorded inputs (an error in one of its expressions). */
    EVALUATIE
  }

  /** The candidate: a file or a deployed version. */
  public record Kandidaat(String bron, String naam, Integer versie, String hitPolicy, List<String> kolommen) {}

  /** A request that passed every check. */
  public record Vraag(String sleutel, Tabel tabel, Kandidaat kandidaat, LocalDate van, LocalDate tot, Instant vanaf,
      Instant totVoor, long aantal) {}

  /** One matched rule as the auditor reads it. */
  public record RegelTreffer(int nummer, String id, String annotatie, Map<String, Object> uitvoer) {}

  /** An outcome: the matched rules with their outputs; the aggregate of a COLLECT with an aggregator. */
  public record Beslissing(List<Map<String, Object>> uitkomst, List<RegelTreffer> regels, Object verzameld) {}

  /** A recorded input: column label, expression, value. */
  public record Invoer(String kolom, String expressie, Object waarde) {}

  /** An evaluation whose outcome would change. */
  public record Wijziging(String zaaknummer, String processInstanceId, String evaluatieId, OffsetDateTime geevalueerdOp,
      int versie, String versieTag, List<Invoer> invoer, Beslissing oud, Beslissing nieuw) {}

  /** A column of the candidate that an evaluation cannot be fed. */
  public record Kolomfout(String kolom, String expressie, Probleem probleem, String melding) {}

  /** An evaluation that could not be compared, with every column that kept it from it. */
  public record NietVergelijkbaar(String zaaknummer, String processInstanceId, String evaluatieId,
      OffsetDateTime geevalueerdOp, int versie, List<Kolomfout> kolommen) {}

  /** Per candidate column and kind of mismatch: how many evaluations. */
  public record Kolomtelling(String kolom, String expressie, Probleem probleem, long aantal) {}

  /** The answer, while running (counts so far, lists empty) and when done. */
  public record Antwoord(String id, Status status, String beslissing, Kandidaat kandidaat, LocalDate van,
      LocalDate tot, long totaal, long verwerkt, int procent, long gewijzigd, long ongewijzigd,
      long nietVergelijkbaar, List<Wijziging> wijzigingen, boolean wijzigingenAfgekapt,
      List<Kolomtelling> kolomProblemen, List<NietVergelijkbaar> nietVergelijkbareEvaluaties,
      boolean nietVergelijkbaarAfgekapt, OffsetDateTime gestartOp, OffsetDateTime klaarOp,
      Double evaluatiesPerSeconde, String fout) {}

  /** One run, as it progresses. */
  final class Run {
    final String id = UUID.randomUUID().toString();
    final String gebruiker;
    final Vraag vraag;
    final Instant gestartOp;
    volatile Status status = Status.WACHT;
    final AtomicLong verwerkt = new AtomicLong();
    volatile long gewijzigd;
    volatile long ongewijzigd;
    volatile long nietVergelijkbaar;
    final List<Wijziging> wijzigingen = new ArrayList<>();
    final List<NietVergelijkbaar> nietVergelijkbaarLijst = new ArrayList<>();
    final Map<String, Kolomtelling> kolomtellingen = new LinkedHashMap<>();
    volatile Instant klaarOp;
    volatile String fout;
    volatile long rekenNanos;
    /** The cases of this run's answer are in the read log once, when it is first shown. */
    volatile boolean getoond;

    Run(String gebruiker, Vraag vraag, Instant gestartOp) {
      this.gebruiker = gebruiker;
      this.vraag = vraag;
      this.gestartOp = gestartOp;
    }
  }

  private final Beslistabelmotor motor;
  private final BeslissingEvaluaties evaluaties;
  private final HistoryService historyService;
  private final RepositoryService repositoryService;
  private final WatAlsProperties instellingen;
  private final Werkdagenkalender kalender;
  private final Klok klok;
  private final Map<String, Run> runs = new ConcurrentHashMap<>();
  private final ThreadPoolExecutor achtergrond;

  WatAls(Beslistabelmotor motor, BeslissingEvaluaties evaluaties, HistoryService historyService,
      RepositoryService repositoryService, WatAlsProperties instellingen, Werkdagenkalender kalender, Klok klok) {
    this.motor = motor;
    this.evaluaties = evaluaties;
    this.historyService = historyService;
    this.repositoryService = repositoryService;
    this.instellingen = instellingen;
    this.kalender = kalender;
    this.klok = klok;
    this.achtergrond = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(Math.max(1, instellingen.wachtrij())), r -> {
          Thread t = new Thread(r, "wat-als");
          t.setDaemon(true);
          return t;
        });
  }

  @PreDestroy
  void stop() {
    achtergrond.shutdownNow();
  }

  WatAlsProperties instellingen() {
    return instellingen;
  }

  /** The deployed versions of {@code sleutel}, newest first (empty: no such decision). */
  List<DecisionDefinition> versies(String sleutel) {
    return repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(sleutel)
        .orderByDecisionDefinitionVersion().desc().list();
  }

  /** Every deployed decision definition, by key and newest version first. */
  List<DecisionDefinition> alleVersies() {
    return repositoryService.createDecisionDefinitionQuery().orderByDecisionDefinitionKey().asc()
        .orderByDecisionDefinitionVersion().desc().list();
  }

  /** How many evaluations of {@code sleutel} fall in [vanaf, totVoor). */
  long aantal(String sleutel, Instant vanaf, Instant totVoor) {
    return evaluaties.aantal(sleutel, vanaf, totVoor);
  }

  /** Runs {@code vraag} now, on this thread. */
  Run direct(String gebruiker, Vraag vraag) {
    Run run = new Run(gebruiker, vraag, klok.nu());
    bereken(run);
    return run;
  }

  /** Queues {@code vraag} for the background; null when too many runs wait already. */
  Run starten(String gebruiker, Vraag vraag) {
    opruimen();
    Run run = new Run(gebruiker, vraag, klok.nu());
    runs.put(run.id, run);
    try {
      achtergrond.execute(() -> bereken(run));
    } catch (RejectedExecutionException vol) {
      runs.remove(run.id);
      return null;
    }
    return run;
  }

  /** A run of this user, or null. */
  Run run(String id, String gebruiker) {
    opruimen();
    Run run = runs.get(id);
    return run != null && run.gebruiker.equals(gebruiker) ? run : null;
  }

  private void opruimen() {
    Instant grens = klok.nu().minus(instellingen.bewaren());
    runs.values().removeIf(r -> r.klaarOp != null && r.klaarOp.isBefore(grens));
  }

  private void bereken(Run run) {
    run.status = Status.BEZIG;
    long start = System.nanoTime();
    Vraag vraag = run.vraag;
    try {
      // a day of history at a time (a range on the time index), processed in pages of paginagrootte
      for (Instant van = vraag.vanaf(); van.isBefore(vraag.totVoor()); van = van.plus(VENSTER)) {
        Instant tot = van.plus(VENSTER).isBefore(vraag.totVoor()) ? van.plus(VENSTER) : vraag.totVoor();
        List<BeslissingEvaluaties.Evaluatie> venster = evaluaties.venster(vraag.sleutel(), van, tot);
        for (int i = 0; i < venster.size(); i += instellingen.paginagrootte()) {
          verwerk(run, venster.subList(i, Math.min(venster.size(), i + instellingen.paginagrootte())));
          if (Thread.currentThread().isInterrupted()) {
            throw new IllegalStateException("afgebroken: de applicatie stopt");
          }
        }
      }
      run.status = Status.KLAAR;
    } catch (RuntimeException fout) {
      LOG.warn("Wat-als {} voor {} mislukt", run.id, vraag.sleutel(), fout);
      run.fout = fout.getMessage() == null ? fout.getClass().getSimpleName() : fout.getMessage();
      run.status = Status.MISLUKT;
    } finally {
      run.rekenNanos = System.nanoTime() - start;
      run.klaarOp = klok.nu();
    }
  }

  private void verwerk(Run run, List<BeslissingEvaluaties.Evaluatie> pagina) {
    String[] ids = pagina.stream().map(BeslissingEvaluaties.Evaluatie::id).toArray(String[]::new);
    Map<String, HistoricDecisionInstance> gelezen = historyService.createHistoricDecisionInstanceQuery()
        .decisionInstanceIdIn(ids).includeInputs().includeOutputs().disableBinaryFetching()
        .disableCustomObjectDeserialization().list().stream()
        .collect(Collectors.toMap(HistoricDecisionInstance::getId, h -> h));
    Set<String> processen = new HashSet<>();
    gelezen.values().stream().map(HistoricDecisionInstance::getProcessInstanceId).filter(p -> p != null)
        .forEach(processen::add);
    Map<String, String> zaaknummers = new HashMap<>();
    if (!processen.isEmpty()) {
      for (HistoricProcessInstance pi : historyService.createHistoricProcessInstanceQuery()
          .processInstanceIds(processen).list()) {
        zaaknummers.put(pi.getId(), pi.getBusinessKey());
      }
    }
    for (String id : ids) {
      HistoricDecisionInstance evaluatie = gelezen.get(id);
      if (evaluatie != null) {
        vergelijk(run, evaluatie, zaaknummers.get(evaluatie.getProcessInstanceId()));
      }
      run.verwerkt.incrementAndGet();
    }
  }

  private void vergelijk(Run run, HistoricDecisionInstance evaluatie, String zaaknummer) {
    Tabel kandidaat = run.vraag.tabel();
    DecisionDefinition definitie = definitie(evaluatie.getDecisionDefinitionId());
    int versie = definitie == null ? 0 : definitie.getVersion();
    Map<String, HistoricDecisionInputInstance> invoerPerKolom = new HashMap<>();
    for (HistoricDecisionInputInstance invoer : evaluatie.getInputs()) {
      invoerPerKolom.put(invoer.getClauseId(), invoer);
    }
    // the recorded inputs by what they ask (the old version's input expression); labels and ids may change
    Map<String, HistoricDecisionInputInstance> perExpressie = new HashMap<>();
    Tabel oud = null;
    try {
      oud = motor.versie(evaluatie.getDecisionDefinitionId(), run.vraag.sleutel());
      for (Beslistabelmotor.Kolom kolom : oud.kolommen()) {
        HistoricDecisionInputInstance invoer = invoerPerKolom.get(kolom.id());
        if (invoer != null) {
          perExpressie.putIfAbsent(kolom.expressie(), invoer);
        }
      }
    } catch (RuntimeException onleesbaar) {
      // the version's model is gone: the recorded inputs are known by column id only
      LOG.debug("Model van {} niet te lezen", evaluatie.getDecisionDefinitionId(), onleesbaar);
    }
    List<Kolomfout> fouten = new ArrayList<>();
    Object[] waarden = new Object[kandidaat.kolommen().size()];
    for (Beslistabelmotor.Kolom kolom : kandidaat.kolommen()) {
      HistoricDecisionInputInstance invoer = perExpressie.get(kolom.expressie());
      if (invoer == null && oud == null) {
        invoer = invoerPerKolom.get(kolom.id());
      }
      if (invoer == null) {
        fouten.add(new Kolomfout(kolom.label(), kolom.expressie(), Probleem.ONTBREEKT, "de vastgelegde evaluatie "
            + "(versie " + versie + ") heeft geen invoer '" + kolom.expressie() + "'"));
      } else if (invoer.getErrorMessage() != null) {
        fouten.add(new Kolomfout(kolom.label(), kolom.expressie(), Probleem.ONLEESBAAR, "de vastgelegde waarde is "
            + "niet te lezen: " + invoer.getErrorMessage()));
      } else {
        String typeFout = motor.typeFout(kandidaat, kolom.index(), invoer.getValue());
        if (typeFout != null) {
          fouten.add(new Kolomfout(kolom.label(), kolom.expressie(), Probleem.TYPE, typeFout));
        } else {
          waarden[kolom.index()] = invoer.getValue();
        }
      }
    }
    Beslistabelmotor.Uitkomst nieuw = null;
    if (fouten.isEmpty()) {
      try {
        nieuw = motor.evalueer(kandidaat, waarden);
      } catch (RuntimeException fout) {
        fouten.add(new Kolomfout(null, null, Probleem.EVALUATIE, "de kandidaat kon deze invoer niet evalueren: "
            + fout.getMessage()));
      }
    }
    OffsetDateTime op = kalender.lokaal(evaluatie.getEvaluationTime().toInstant()).toOffsetDateTime();
    if (!fouten.isEmpty()) {
      synchronized (run) {
        run.nietVergelijkbaar++;
        for (Kolomfout f : fouten) {
          String sleutel = f.kolom() + "|" + f.expressie() + "|" + f.probleem();
          Kolomtelling t = run.kolomtellingen.get(sleutel);
          run.kolomtellingen.put(sleutel, new Kolomtelling(f.kolom(), f.expressie(), f.probleem(),
              t == null ? 1 : t.aantal() + 1));
        }
        if (run.nietVergelijkbaarLijst.size() < instellingen.maximumNietVergelijkbaar()) {
          run.nietVergelijkbaarLijst.add(new NietVergelijkbaar(zaaknummer, evaluatie.getProcessInstanceId(),
              evaluatie.getId(), op, versie, List.copyOf(fouten)));
        }
      }
      return;
    }
    Beslissing voor = oud(evaluatie, oud);
    Beslissing na = nieuw(nieuw, kandidaat);
    boolean verzamel = "COLLECT".equals(kandidaat.hitPolicy()) && kandidaat.aggregatie() == null;
    boolean gelijk = kandidaat.aggregatie() != null || evaluatie.getCollectResultValue() != null
        ? gelijkeWaarde(evaluatie.getCollectResultValue(), nieuw.verzameld())
        : gelijkeUitkomst(voor.uitkomst(), na.uitkomst(), verzamel);
    synchronized (run) {
      if (gelijk) {
        run.ongewijzigd++;
        return;
      }
      run.gewijzigd++;
      if (run.wijzigingen.size() < instellingen.maximumGetoond()) {
        List<Invoer> invoer = new ArrayList<>();
        for (Beslistabelmotor.Kolom kolom : kandidaat.kolommen()) {
          invoer.add(new Invoer(kolom.label(), kolom.expressie(), waarden[kolom.index()]));
        }
        run.wijzigingen.add(new Wijziging(zaaknummer, evaluatie.getProcessInstanceId(), evaluatie.getId(), op, versie,
            definitie == null ? null : definitie.getVersionTag(), invoer, voor, na));
      }
    }
  }

  private final Map<String, DecisionDefinition> definities = new ConcurrentHashMap<>();

  private DecisionDefinition definitie(String id) {
    if (id == null) {
      return null;
    }
    return definities.computeIfAbsent(id, d -> repositoryService.createDecisionDefinitionQuery()
        .decisionDefinitionId(d).singleResult());
  }

  private static Beslissing oud(HistoricDecisionInstance evaluatie, Tabel oud) {
    Map<String, RegelTreffer> perRegel = new LinkedHashMap<>();
    evaluatie.getOutputs().stream()
        .sorted(Comparator.comparing((HistoricDecisionOutputInstance o) -> o.getRuleOrder() == null ? 0
            : o.getRuleOrder()))
        .forEach(o -> {
          Beslistabelmotor.Regel regel = oud == null ? null : oud.regel(o.getRuleId());
          RegelTreffer treffer = perRegel.computeIfAbsent(o.getRuleId(), id -> new RegelTreffer(
              regel != null ? regel.nummer() : o.getRuleOrder() == null ? 0 : o.getRuleOrder(), id,
              regel == null ? null : regel.annotatie(), new LinkedHashMap<>()));
          treffer.uitvoer().put(o.getVariableName(), o.getValue());
        });
    List<RegelTreffer> regels = List.copyOf(perRegel.values());
    return new Beslissing(regels.stream().map(RegelTreffer::uitvoer).toList(), regels,
        evaluatie.getCollectResultValue());
  }

  private static Beslissing nieuw(Beslistabelmotor.Uitkomst uitkomst, Tabel kandidaat) {
    List<RegelTreffer> regels = uitkomst.treffers().stream().map(t -> {
      Beslistabelmotor.Regel regel = kandidaat.regel(t.regelId());
      return new RegelTreffer(t.nummer(), t.regelId(), regel == null ? null : regel.annotatie(), t.uitvoer());
    }).toList();
    return new Beslissing(regels.stream().map(RegelTreffer::uitvoer).toList(), regels, uitkomst.verzameld());
  }

  /** Equal outcomes: the same outputs, in order (as a multiset for a COLLECT, whose order is the table's). */
  static boolean gelijkeUitkomst(List<Map<String, Object>> oud, List<Map<String, Object>> nieuw, boolean verzamel) {
    List<String> a = oud.stream().map(WatAls::genormaliseerd).collect(Collectors.toCollection(ArrayList::new));
    List<String> b = nieuw.stream().map(WatAls::genormaliseerd).collect(Collectors.toCollection(ArrayList::new));
    if (verzamel) {
      a.sort(null);
      b.sort(null);
    }
    return a.equals(b);
  }

  private static String genormaliseerd(Map<String, Object> uitvoer) {
    return new java.util.TreeMap<>(uitvoer).entrySet().stream()
        .map(e -> e.getKey() + "=" + normaal(e.getValue())).collect(Collectors.joining(";"));
  }

  static boolean gelijkeWaarde(Object a, Object b) {
    return normaal(a).equals(normaal(b));
  }

  /** Values compared as the process would read them: 2, 2L and 2.0 are the same number. */
  private static String normaal(Object waarde) {
    if (waarde == null) {
      return "null";
    }
    if (waarde instanceof Number getal) {
      try {
        return new BigDecimal(getal.toString()).stripTrailingZeros().toPlainString();
      } catch (NumberFormatException geenGetal) {
        return getal.toString();
      }
    }
    if (waarde instanceof Date datum) {
      return datum.toInstant().toString();
    }
    return waarde.getClass().getSimpleName() + ":" + waarde;
  }

  /** The answer of a run as it stands. */
  Antwoord antwoord(Run run) {
    Vraag vraag = run.vraag;
    long verwerkt = run.verwerkt.get();
    boolean klaar = run.status == Status.KLAAR;
    int procent = vraag.aantal() == 0 ? (klaar ? 100 : 0)
        : (int) Math.min(100, verwerkt * 100 / Math.max(vraag.aantal(), verwerkt));
    Double perSeconde = run.klaarOp == null || run.rekenNanos == 0 ? null
        : Math.round(verwerkt / (run.rekenNanos / 1e9) * 10) / 10.0;
    synchronized (run) {
      return new Antwoord(run.id, run.status, vraag.sleutel(), vraag.kandidaat(), vraag.van(), vraag.tot(),
          Math.max(vraag.aantal(), verwerkt), verwerkt, klaar ? 100 : procent, run.gewijzigd, run.ongewijzigd,
          run.nietVergelijkbaar, klaar ? List.copyOf(run.wijzigingen) : List.of(),
          run.gewijzigd > run.wijzigingen.size(), List.copyOf(run.kolomtellingen.values()),
          klaar ? List.copyOf(run.nietVergelijkbaarLijst) : List.of(),
          run.nietVergelijkbaar > run.nietVergelijkbaarLijst.size(),
          kalender.lokaal(run.gestartOp).toOffsetDateTime(),
          run.klaarOp == null ? null : kalender.lokaal(run.klaarOp).toOffsetDateTime(), perSeconde, run.fout);
    }
  }

  /** Runs that wait or run on this node (for the refusal of one more). */
  int bezig() {
    return achtergrond.getActiveCount() + achtergrond.getQueue().size();
  }
}
