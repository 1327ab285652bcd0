package nl.hgkm.keten.migratie;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import nl.hgkm.keten.kalender.Klok;
import nl.hgkm.keten.migratie.Migratierapport.Blijver;
import nl.hgkm.keten.migratie.Migratierapport.Overgang;
import nl.hgkm.keten.migratie.Migratierapport.Procesrapport;
import nl.hgkm.keten.migratie.Migratierapport.Versie;
import nl.hgkm.keten.migratie.Migratierapport.Zaakinstantie;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.batch.history.HistoricBatch;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanExecutionBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves running cases to the newest version of their model, as a release's reviewed plans say
 * (docs/modellen-wijzigen.md). Three steps, each explicit:
 * <ol>
 *   <li>{@link #rapport}: a dry run. For every process with a plan, every older version that still has running
 *   cases: the engine's plan, what the file does not cover, and for every case whether the engine would migrate it,
 *   found by migrating it in a transaction that is rolled back. Nothing changes.</li>
 *   <li>{@link #voerUit}: for every version whose plan is complete, one engine batch ({@code executeAsync()}) with the
 *   cases the dry run found movable; the job executor does the work, Cockpit shows it under Batches. Repeating it is
 *   harmless: a migration that still runs is not started twice, and migrated cases are no longer on the old version.
 *   </li>
 *   <li>{@link #voortgang}: per batch, how many cases are done, how many failed (a failed batch job is an incident
 *   in Cockpit with the engine's reason), and how many cases are still on the old version.</li>
 * </ol>
 * The target is the newest version of the process for the case's tenant, or the newest shared one (without tenant):
 * the engine migrates a case only to a definition of its own tenant or a shared one.
 */
@Service
public class Migratiedienst {

  private static final Logger LOG = LoggerFactory.getLogger(Migratiedienst.class);

  private final Migratieplannen plannen;
  private final MigratieplanBouwer bouwer;
  private final RepositoryService repositoryService;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final HistoryService historyService;
  private final IdentityService identityService;
  private final MigratieBatches batches;
  private final TransactionTemplate proefTransactie;
  private final Klok klok;

  public Migratiedienst(Migratieplannen plannen, MigratieplanBouwer bouwer, RepositoryService repositoryService,
      RuntimeService runtimeService, ManagementService managementService, HistoryService historyService,
      IdentityService identityService, MigratieBatches batches, PlatformTransactionManager transacties, Klok klok) {
    this.plannen = plannen;
    this.bouwer = bouwer;
    this.repositoryService = repositoryService;
    this.runtimeService = runtimeService;
    this.managementService = managementService;
    this.historyService = historyService;
    this.identityService = identityService;
    this.batches = batches;
    this.proefTransactie = new TransactionTemplate(transacties);
    this.proefTransactie.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.klok = klok;
  }

  /** The releases that have plan files. */
  public List<String> releases() {
    return plannen.releases();
  }

  /** The dry run of a release's migration; {@link Migratieplannen.OngeldigePlanException} for an unreadable file. */
  public Migratierapport rapport(String release) {
    return bereken(release).rapport();
  }

  /** What {@link #voerUit} did for one version of one process. */
  public record Gestart(String proces, String bron, String doel, String tenant, String status, String batchId,
      int aantal, String toelichting) {}

  public record Uitvoering(String release, List<Gestart> migraties, Migratierapport rapport) {}

  /**
   * Starts the release's migration: one batch per older version with a complete plan and movable cases. As {@code
   * gebruiker} (with {@code groepen}) in the engine, so the batch and the user operation log name who started it.
   */
  public Uitvoering voerUit(String release, String gebruiker, List<String> groepen) {
    Berekening berekening = bereken(release);
    Set<String> lopend = lopendeBatches(release);
    List<Gestart> gestart = new ArrayList<>();
    for (Procesberekening proces : berekening.processen()) {
      for (Overgangberekening overgang : proces.overgangen()) {
        Overgang o = overgang.overgang();
        String doel = o.doel() == null ? null : o.doel().id();
        String sleutel = o.bron().id() + ">" + doel;
        if (!o.uitvoerbaar() || doel == null) {
          gestart.add(new Gestart(proces.plan().proces(), o.bron().id(), doel, o.tenant(), "GEBLOKKEERD",
              null, 0, "Het plan is niet compleet of de engine weigert het; zie fouten en gaten in het rapport. "
              + "Geen enkele zaak van deze versie is verplaatst."));
        } else if (lopend.contains(sleutel)) {
          gestart.add(new Gestart(proces.plan().proces(), o.bron().id(), o.doel().id(), o.tenant(), "LOOPT_AL",
              lopendeBatch(release, o), 0, "Deze migratie loopt nog; zie de voortgang (of Cockpit, Batches)."));
        } else if (o.teMigreren().isEmpty()) {
          gestart.add(new Gestart(proces.plan().proces(), o.bron().id(), o.doel().id(), o.tenant(), "NIETS_TE_DOEN",
              null, 0, o.blijven().isEmpty() ? "Geen lopende zaken meer op deze versie."
                  : o.blijven().size() + " zaak/zaken blijven op deze versie (zie blijven in het rapport)."));
        } else {
          List<String> ids = o.teMigreren().stream().map(Zaakinstantie::instantie).toList();
          Batch batch = alsGebruiker(gebruiker, groepen, () -> uitvoering(overgang.plan(), proces.plan(), ids)
              .executeAsync());
          batches.vastleggen(new MigratieBatches.Rij(batch.getId(), release, proces.plan().proces(), o.bron().id(),
              o.doel().id(), ids.size(), gebruiker, klok.nu()));
          LOG.info("Migratie {} gestart door {}: {} zaken van {} naar {} (batch {})", release, gebruiker, ids.size(),
              o.bron().id(), o.doel().id(), batch.getId());
          gestart.add(new Gestart(proces.plan().proces(), o.bron().id(), o.doel().id(), o.tenant(), "GESTART",
              batch.getId(), ids.size(), "Batch gestart; de job executor verplaatst de zaken."));
        }
      }
    }
    return new Uitvoering(release, gestart, berekening.rapport());
  }

  /** One started batch and where it stands. */
  public record Batchstand(String batchId, String proces, String bron, String doel, int aantal, String gestartDoor,
      java.time.Instant gestartOp, String status, long resterendeJobs, long mislukteJobs, long nogOpBronversie) {}

  public record Voortgang(String release, List<Batchstand> batches) {}

  public Voortgang voortgang(String release) {
    if (!Migratieplannen.geldigeRelease(release)) {
      throw new Migratieplannen.OngeldigePlanException("'" + release + "' is geen geldige releasenaam");
    }
    List<Batchstand> standen = new ArrayList<>();
    for (MigratieBatches.Rij rij : batches.vanRelease(release)) {
      BatchStatistics stand = managementService.createBatchStatisticsQuery().batchId(rij.batchId()).singleResult();
      long nogOpBron = runtimeService.createProcessInstanceQuery().processDefinitionId(rij.bronDefinitie()).count();
      String status;
      long resterend = 0;
      long mislukt = 0;
      if (stand != null) {
        resterend = stand.getRemainingJobs();
        mislukt = stand.getFailedJobs();
        status = mislukt > 0 ? "LOOPT_MET_FOUTEN" : "LOOPT";
      } else {
        HistoricBatch historie = historyService.createHistoricBatchQuery().batchId(rij.batchId()).singleResult();
        status = historie == null || historie.getEndTime() != null ? "AFGEROND" : "ONBEKEND";
      }
      standen.add(new Batchstand(rij.batchId(), rij.proces(), rij.bronDefinitie(), rij.doelDefinitie(), rij.aantal(),
          rij.gestartDoor(), rij.gestartOp(), status, resterend, mislukt, nogOpBron));
    }
    return new Voortgang(release, standen);
  }

  // ------------------------------------------------------------------ the dry run

  private record Overgangberekening(Overgang overgang, MigrationPlan plan) {}

  private record Procesberekening(Migratieplan plan, List<Overgangberekening> overgangen) {}

  private record Berekening(Migratierapport rapport, List<Procesberekening> processen) {}

  private Berekening bereken(String release) {
    List<Migratieplan> releaseplannen = plannen.van(release);
    if (releaseplannen.isEmpty()) {
      throw new OnbekendeReleaseException(release, plannen.releases());
    }
    List<Procesberekening> processen = new ArrayList<>();
    List<Procesrapport> rapporten = new ArrayList<>();
    Set<String> metPlan = new LinkedHashSet<>();
    for (Migratieplan plan : releaseplannen) {
      metPlan.add(plan.proces());
      String bestand = Migratieplannen.MAP + release + "/" + plan.proces() + ".json";
      List<Overgangberekening> overgangen = new ArrayList<>();
      for (ProcessDefinition bron : oudereVersiesMetZaken(plan.proces())) {
        Map<String, List<ProcessInstance>> perTenant = runtimeService.createProcessInstanceQuery()
            .processDefinitionId(bron.getId()).list().stream()
            .collect(Collectors.groupingBy(p -> Objects.toString(p.getTenantId(), ""), LinkedHashMap::new,
                Collectors.toList()));
        for (Map.Entry<String, List<ProcessInstance>> groep : perTenant.entrySet()) {
          String tenant = groep.getKey().isEmpty() ? null : groep.getKey();
          overgangen.add(overgang(bron, tenant, groep.getValue(), plan, bestand));
        }
      }
      processen.add(new Procesberekening(plan, overgangen));
      ProcessDefinition nieuwste = nieuwste(plan.proces(), null).orElse(null);
      rapporten.add(new Procesrapport(plan.proces(), bestand, plan.toelichting(),
          nieuwste == null ? null : nieuwste.getKey() + " versie " + nieuwste.getVersion(),
          overgangen.stream().map(Overgangberekening::overgang).toList()));
    }
    List<String> zonderPlan = new ArrayList<>();
    for (ProcessDefinition definitie : repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
      if (!metPlan.contains(definitie.getKey()) && !oudereVersiesMetZaken(definitie.getKey()).isEmpty()) {
        zonderPlan.add(definitie.getKey());
      }
    }
    boolean uitvoerbaar = rapporten.stream().flatMap(r -> r.overgangen().stream()).allMatch(Overgang::uitvoerbaar);
    return new Berekening(new Migratierapport(release, klok.nu(), rapporten, zonderPlan.stream().distinct().toList(),
        uitvoerbaar), processen);
  }

  private Overgangberekening overgang(ProcessDefinition bron, String tenant, List<ProcessInstance> zaken,
      Migratieplan plan, String bestand) {
    Optional<ProcessDefinition> doel = nieuwste(bron.getKey(), tenant);
    if (doel.isEmpty()) {
      String waarom = "Er is geen nieuwere versie van " + bron.getKey() + " zonder tenant of voor tenant '" + tenant
          + "': de engine verplaatst een zaak alleen naar een definitie van de eigen tenant of een gedeelde.";
      return new Overgangberekening(new Overgang(versie(bron), null, tenant, List.of(), plan.variabelen(),
          List.of(waarom), List.of(), List.of(), zaken.stream().map(z -> blijver(z, waarom)).toList()), null);
    }
    MigratieplanBouwer.Bouwresultaat gebouwd = bouwer.bouw(bron, doel.get(), plan, bestand);
    Map<String, String> blijftWaarom = plan.blijftOpVersie().stream()
        .collect(Collectors.toMap(Migratieplan.Besluit::activiteit, Migratieplan.Besluit::waarom, (a, b) -> a));
    List<Zaakinstantie> teMigreren = new ArrayList<>();
    List<Blijver> blijven = new ArrayList<>();
    for (ProcessInstance zaak : zaken) {
      List<String> wachtIn = wachtIn(zaak.getId());
      Optional<String> blijft = wachtIn.stream().filter(blijftWaarom::containsKey).findFirst();
      if (blijft.isPresent()) {
        blijven.add(new Blijver(zaak.getId(), zaak.getBusinessKey(), wachtIn,
            "Wacht in '" + blijft.get() + "': " + blijftWaarom.get(blijft.get())));
      } else if (!gebouwd.bruikbaar()) {
        blijven.add(new Blijver(zaak.getId(), zaak.getBusinessKey(), wachtIn,
            "Het plan voor deze versie is niet bruikbaar (zie fouten en gaten)."));
      } else {
        Optional<String> weigering = probeer(gebouwd.plan(), plan, zaak.getId());
        if (weigering.isEmpty()) {
          teMigreren.add(new Zaakinstantie(zaak.getId(), zaak.getBusinessKey(), wachtIn));
        } else {
          blijven.add(new Blijver(zaak.getId(), zaak.getBusinessKey(), wachtIn, weigering.get()));
        }
      }
    }
    Overgang overgang = new Overgang(versie(bron), versie(doel.get()), tenant, gebouwd.instructies(),
        plan.variabelen(), gebouwd.fouten(), gebouwd.gaten(), teMigreren, blijven);
    return new Overgangberekening(overgang, gebouwd.plan());
  }

  /** Migrates one case in a transaction that is always rolled back: what the engine would say, changing nothing. */
  private Optional<String> probeer(MigrationPlan plan, Migratieplan bestand, String instantie) {
    return proefTransactie.execute(status -> {
      status.setRollbackOnly();
      try {
        uitvoering(plan, bestand, List.of(instantie)).execute();
        return Optional.<String>empty();
      } catch (MigratingProcessInstanceValidationException e) {
        return Optional.of(beschrijf(e.getValidationReport()));
      } catch (ProcessEngineException e) {
        return Optional.of("De engine weigert deze zaak: " + e.getMessage());
      }
    });
  }

  private MigrationPlanExecutionBuilder uitvoering(MigrationPlan plan, Migratieplan bestand, List<String> ids) {
    MigrationPlanExecutionBuilder uitvoering = runtimeService.newMigration(plan).processInstanceIds(ids);
    return bestand.listenersOverslaan() ? uitvoering.skipCustomListeners() : uitvoering;
  }

  private static String beschrijf(MigratingProcessInstanceValidationReport rapport) {
    List<String> delen = new ArrayList<>(rapport.getFailures());
    for (MigratingActivityInstanceValidationReport activiteit : rapport.getActivityInstanceReports()) {
      delen.add("'" + activiteit.getSourceScopeId() + "': " + String.join("; ", activiteit.getFailures()));
    }
    for (MigratingTransitionInstanceValidationReport overgang : rapport.getTransitionInstanceReports()) {
      delen.add("'" + overgang.getSourceScopeId() + "' (asynchroon): " + String.join("; ", overgang.getFailures()));
    }
    return "De engine kan deze zaak niet verplaatsen: " + String.join(" | ", delen);
  }

  private List<String> wachtIn(String instantie) {
    ActivityInstance boom = runtimeService.getActivityInstance(instantie);
    Set<String> ids = new LinkedHashSet<>();
    if (boom != null) {
      verzamel(boom, ids);
    }
    return List.copyOf(ids);
  }

  private static void verzamel(ActivityInstance activiteit, Set<String> ids) {
    for (ActivityInstance kind : activiteit.getChildActivityInstances()) {
      ids.add(kind.getActivityId());
      verzamel(kind, ids);
    }
    for (TransitionInstance overgang : activiteit.getChildTransitionInstances()) {
      ids.add(overgang.getActivityId());
    }
  }

  private Blijver blijver(ProcessInstance zaak, String waarom) {
    return new Blijver(zaak.getId(), zaak.getBusinessKey(), wachtIn(zaak.getId()), waarom);
  }

  /** Every version of the process that has running cases, except the newest (shared or per tenant). */
  private List<ProcessDefinition> oudereVersiesMetZaken(String proces) {
    Set<String> nieuwste = repositoryService.createProcessDefinitionQuery().processDefinitionKey(proces)
        .latestVersion().list().stream().map(ProcessDefinition::getId).collect(Collectors.toSet());
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(proces).list().stream()
        .filter(d -> !nieuwste.contains(d.getId()))
        .filter(d -> runtimeService.createProcessInstanceQuery().processDefinitionId(d.getId()).count() > 0)
        .sorted(Comparator.comparingInt(ProcessDefinition::getVersion))
        .toList();
  }

  /** The newest definition a case of this tenant may move to: the tenant's own, else the newest shared one. */
  private Optional<ProcessDefinition> nieuwste(String proces, String tenant) {
    if (tenant != null) {
      ProcessDefinition eigen = repositoryService.createProcessDefinitionQuery().processDefinitionKey(proces)
          .tenantIdIn(tenant).latestVersion().singleResult();
      if (eigen != null) {
        return Optional.of(eigen);
      }
    }
    return Optional.ofNullable(repositoryService.createProcessDefinitionQuery().processDefinitionKey(proces)
        .withoutTenantId().latestVersion().singleResult());
  }

  private static Versie versie(ProcessDefinition definitie) {
    return new Versie(definitie.getId(), definitie.getVersion(), definitie.getVersionTag(),
        definitie.getDeploymentId());
  }

  private Set<String> lopendeBatches(String release) {
    Set<String> lopend = new LinkedHashSet<>();
    for (MigratieBatches.Rij rij : batches.vanRelease(release)) {
      if (managementService.createBatchQuery().batchId(rij.batchId()).count() > 0) {
        lopend.add(rij.bronDefinitie() + ">" + rij.doelDefinitie());
      }
    }
    return lopend;
  }

  private String lopendeBatch(String release, Overgang overgang) {
    return batches.vanRelease(release).stream()
        .filter(r -> r.bronDefinitie().equals(overgang.bron().id()) && r.doelDefinitie().equals(overgang.doel().id()))
        .filter(r -> managementService.createBatchQuery().batchId(r.batchId()).count() > 0)
        .map(MigratieBatches.Rij::batchId).findFirst().orElse(null);
  }

  private <T> T alsGebruiker(String gebruiker, List<String> groepen, java.util.function.Supplier<T> actie) {
    identityService.setAuthentication(gebruiker, groepen);
    try {
      return actie.get();
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** A release without plan files. */
  public static class OnbekendeReleaseException extends RuntimeException {
    public OnbekendeReleaseException(String release, List<String> bekend) {
      super("Release '" + release + "' heeft geen migratieplannen (" + Migratieplannen.MAP + release
          + "/*.json). Releases met plannen: " + (bekend.isEmpty() ? "geen" : String.join(", ", bekend)) + ".");
    }
  }
}
