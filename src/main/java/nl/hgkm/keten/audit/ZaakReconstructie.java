package nl.hgkm.keten.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.hgkm.keten.engine.AuditHistorie;
import nl.hgkm.keten.kalender.Klok;
import nl.hgkm.keten.kalender.Werkdagenkalender;
import nl.hgkm.keten.zaak.AuditGebeurtenis;
import nl.hgkm.keten.zaak.AuditLog;
import nl.hgkm.keten.zaak.Zaak;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Builds the replay of one case from the engine's history (public query API) and the case's own audit trail: every
 * process instance that carries the case's zaaknummer (and those of the cases it is linked with), one timeline across
 * them, the paths taken through each diagram, every decision with its matched rules, and the read-access log.
 *
 * <p>Queries: a fixed number per process instance (activities, tasks, jobs, incidents, operations, decisions), each
 * on an indexed process instance id, never one per activity or task; the candidate groups of all tasks in one query
 * ({@link AuditHistorie}). Models come from the engine's deployment cache.
 */
@Service
public class ZaakReconstructie {

  static final String SYSTEEM = "systeem";
  private static final Pattern HUISVERBOD_REFERENTIE = Pattern.compile("^HV:(HV-\\d{4}-\\d{6})");
  private static final Set<String> BUITENSYSTEMEN = Set.of("politie", "zorg", "register", "mail");
  private static final Map<String, String> SYSTEEMNAMEN = Map.of("politie", "Politiesysteem", "zorg", "Zorgsysteem",
      "register", "Veilig Thuis-register", "mail", "Mailserver");
  private static final Set<String> TIMERS = Set.of("intermediateTimer", "boundaryTimer", "startTimerEvent");
  private static final Set<String> BERICHTEN = Set.of("messageStartEvent", "intermediateMessageCatch",
      "boundaryMessage", "receiveTask");
  /** Folded into the task line (who claimed and completed) or the message line, not repeated as an operation. */
  private static final Set<String> OPGENOMEN_BEWERKINGEN = Set.of(UserOperationLogEntry.OPERATION_TYPE_COMPLETE,
      UserOperationLogEntry.OPERATION_TYPE_CLAIM, "CorrelateMessage");

  private final HistoryService historyService;
  private final RepositoryService repositoryService;
  private final AuditLog auditLog;
  private final Inzagelog inzagelog;
  private final AuditHistorie auditHistorie;
  private final JdbcClient jdbc;
  private final Werkdagenkalender kalender;
  private final Klok klok;

  public ZaakReconstructie(HistoryService historyService, RepositoryService repositoryService, AuditLog auditLog,
      Inzagelog inzagelog, AuditHistorie auditHistorie, JdbcClient jdbc, Werkdagenkalender kalender, Klok klok) {
    this.historyService = historyService;
    this.repositoryService = repositoryService;
    this.auditLog = auditLog;
    this.inzagelog = inzagelog;
    this.auditHistorie = auditHistorie;
    this.jdbc = jdbc;
    this.kalender = kalender;
    this.klok = klok;
  }

  /** The replay of {@code zaak}, made now by {@code door}. */
  public Reconstructie bouw(Zaak zaak, String door) {
    Opbouw opbouw = new Opbouw();
    List<Reconstructie.GekoppeldeZaak> gekoppeld = gekoppeldeZaken(zaak);
    Set<String> zaken = new LinkedHashSet<>();
    zaken.add(zaak.zaaknummer());
    gekoppeld.forEach(g -> zaken.add(g.zaaknummer()));

    List<HistoricProcessInstance> instanties = historyService.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKeyIn(zaken.toArray(String[]::new))
        .orderByProcessInstanceStartTime().asc().list();
    List<String> wortels = instanties.stream().map(HistoricProcessInstance::getRootProcessInstanceId).distinct()
        .toList();
    Map<String, List<AuditHistorie.Koppeling>> koppelingen = auditHistorie.taakKoppelingen(wortels).stream()
        .collect(Collectors.groupingBy(AuditHistorie.Koppeling::taakId));
    List<AuditGebeurtenis> trail = zaken.stream().flatMap(z -> auditLog.van(z).stream()).toList();

    List<Reconstructie.Proces> processen = new ArrayList<>();
    Map<String, String> procesSleutel = new HashMap<>();
    for (HistoricProcessInstance instantie : instanties) {
      procesSleutel.put(instantie.getId(), instantie.getProcessDefinitionKey());
    }
    for (HistoricProcessInstance instantie : instanties) {
      processen.add(proces(instantie, opbouw, koppelingen, trail));
    }
    List<Reconstructie.Beslissing> beslissingen = beslissingen(instanties, procesSleutel, opbouw);
    audittrail(trail, opbouw);

    List<Reconstructie.Gebeurtenis> tijdlijn = opbouw.regels.stream()
        .sorted(Comparator.comparing((Regel r) -> r.tijdstip).thenComparing(r -> r.volgorde))
        .map(r -> r.gebeurtenis).toList();
    List<Reconstructie.Inzage> inzage = inzagelog.van(List.copyOf(zaken)).stream()
        .map(r -> new Reconstructie.Inzage(lokaal(r.tijdstip()), r.gebruiker(), r.rollen(), r.wat(),
            r.uitkomst().name(), r.adres()))
        .toList();
    return new Reconstructie(zaak.zaaknummer(), zaak.zaaktype().name(), zaak.regio(), gekoppeld, processen, tijdlijn,
        beslissingen, inzage, lokaal(klok.nu()), door);
  }

  // ------------------------------------------------------------------ linked cases

  /**
   * A huisverbod informs Veilig Thuis through the melding intake with externeReferentie {@code HV:<zaaknummer>}
   * (and {@code HV:<zaaknummer>:monitoring:<n>} when monitoring reports anew): those meldingen link the two cases.
   */
  private List<Reconstructie.GekoppeldeZaak> gekoppeldeZaken(Zaak zaak) {
    Map<String, String> gekoppeld = new LinkedHashMap<>();
    if (zaak.zaaknummer().startsWith("HV-")) {
      jdbc.sql("select distinct zaaknummer from melding where externe_referentie like :prefix")
          .param("prefix", "HV:" + zaak.zaaknummer() + "%")
          .query(String.class).list()
          .forEach(vt -> gekoppeld.putIfAbsent(vt, "Veilig Thuis-zaak waarin dit huisverbod is gemeld"));
    } else {
      jdbc.sql("select externe_referentie from melding where zaaknummer = :zaak and externe_referentie like 'HV:%'")
          .param("zaak", zaak.zaaknummer())
          .query(String.class).list().forEach(referentie -> {
            Matcher m = HUISVERBOD_REFERENTIE.matcher(referentie);
            if (m.find()) {
              gekoppeld.putIfAbsent(m.group(1), "Huisverbod dat deze zaak bij Veilig Thuis meldde");
            }
          });
    }
    gekoppeld.remove(zaak.zaaknummer());
    return gekoppeld.entrySet().stream().map(e -> new Reconstructie.GekoppeldeZaak(e.getKey(), e.getValue()))
        .toList();
  }

  // ------------------------------------------------------------------ one process instance

  private Reconstructie.Proces proces(HistoricProcessInstance instantie, Opbouw opbouw,
      Map<String, List<AuditHistorie.Koppeling>> koppelingen, List<AuditGebeurtenis> trail) {
    String pi = instantie.getId();
    String sleutel = instantie.getProcessDefinitionKey();
    Model model = opbouw.model(instantie.getProcessDefinitionId());
    List<HistoricActivityInstance> activiteiten = historyService.createHistoricActivityInstanceQuery()
        .processInstanceId(pi).orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc()
        .list();
    List<HistoricTaskInstance> taken = historyService.createHistoricTaskInstanceQuery().processInstanceId(pi)
        .orderByHistoricActivityInstanceStartTime().asc().list();
    List<HistoricJobLog> jobs = historyService.createHistoricJobLogQuery().processInstanceId(pi)
        .orderByTimestamp().asc().orderPartiallyByOccurrence().asc().list();
    List<HistoricIncident> incidenten = historyService.createHistoricIncidentQuery().processInstanceId(pi)
        .orderByCreateTime().asc().list();
    List<UserOperationLogEntry> bewerkingen = historyService.createUserOperationLogQuery().processInstanceId(pi)
        .orderByTimestamp().asc().list();

    Map<String, HistoricTaskInstance> taakPerActiviteit = taken.stream()
        .filter(t -> t.getActivityInstanceId() != null)
        .collect(Collectors.toMap(HistoricTaskInstance::getActivityInstanceId, t -> t, (a, b) -> a));
    Map<String, List<UserOperationLogEntry>> bewerkingenPerTaak = bewerkingen.stream()
        .filter(b -> b.getTaskId() != null).collect(Collectors.groupingBy(UserOperationLogEntry::getTaskId));

    for (HistoricActivityInstance activiteit : activiteiten) {
      String type = activiteit.getActivityType();
      if (activiteit.getCalledProcessInstanceId() != null) {
        opbouw.aanroepen.put(activiteit.getCalledProcessInstanceId(), activiteit.getActivityId());
      }
      // the place of this step in the engine's order, for the decision evaluated in it
      opbouw.plekken.put(activiteit.getId(), opbouw.volgorde);
      if ("userTask".equals(type)) {
        HistoricTaskInstance taak = taakPerActiviteit.get(activiteit.getId());
        if (taak != null) {
          taak(taak, sleutel, koppelingen.getOrDefault(taak.getId(), List.of()),
              bewerkingenPerTaak.getOrDefault(taak.getId(), List.of()), opbouw);
          continue;
        }
      }
      if ("businessRuleTask".equals(type) || model.buitensysteem(activiteit.getActivityId()) != null
          || "multiInstanceBody".equals(type)) {
        // the decision and the outside call have lines of their own, with what they did
        continue;
      }
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("type", type);
      if (activiteit.getEndTime() != null) {
        details.put("einde", lokaal(activiteit.getEndTime()));
      }
      if (activiteit.isCanceled()) {
        details.put("afgebroken", true);
      }
      String soort = "ACTIVITEIT";
      String gebruiker = SYSTEEM;
      String omschrijving = naam(activiteit);
      if (TIMERS.contains(type)) {
        soort = "TIMER";
        omschrijving = "Timer afgegaan: " + naam(activiteit);
        gepland(jobs, activiteit).ifPresent(d -> details.put("gepland", lokaal(d)));
      } else if (BERICHTEN.contains(type)) {
        soort = "BERICHT";
        String bericht = model.bericht(activiteit.getActivityId());
        omschrijving = "Bericht ontvangen: " + (bericht == null ? naam(activiteit) : bericht);
        if (bericht != null) {
          details.put("bericht", bericht);
        }
        gebruiker = afzender(bericht, activiteit.getEndTime() == null ? activiteit.getStartTime()
            : activiteit.getEndTime(), trail, bewerkingen).orElse(SYSTEEM);
      } else if ("callActivity".equals(type) && activiteit.getCalledProcessInstanceId() != null) {
        details.put("aangeroepenProces", activiteit.getCalledProcessInstanceId());
        omschrijving = naam(activiteit) + " (roept een proces aan)";
      }
      // A catch event's instance starts when the case begins to wait; it happened when the timer fired or the
      // message came, at its end.
      Date moment = activiteit.getStartTime();
      if (("TIMER".equals(soort) || "BERICHT".equals(soort))) {
        if (activiteit.getEndTime() != null) {
          moment = activiteit.getEndTime();
          details.put("wachtteSinds", lokaal(activiteit.getStartTime()));
        } else {
          omschrijving = ("TIMER".equals(soort) ? "Wacht op timer: " : "Wacht op bericht: ") + naam(activiteit);
        }
      }
      opbouw.regel(moment, new Reconstructie.Gebeurtenis(lokaal(moment), soort, sleutel, pi, naam(activiteit),
          activiteit.getActivityId(), gebruiker, omschrijving, details, "ACT_HI_ACTINST"));
    }
    buitensystemen(jobs, incidenten, bewerkingen, sleutel, pi, model, opbouw);
    incidenten(incidenten, bewerkingen, sleutel, pi, model, opbouw);
    bewerkingen(bewerkingen, sleutel, pi, model, opbouw);

    return new Reconstructie.Proces(pi, sleutel, model.naam, instantie.getProcessDefinitionId(),
        instantie.getProcessDefinitionVersion() == null ? 0 : instantie.getProcessDefinitionVersion(),
        model.versieLabel, instantie.getBusinessKey(), instantie.getSuperProcessInstanceId(),
        aanroepende(instantie, opbouw), lokaal(instantie.getStartTime()), lokaal(instantie.getEndTime()),
        status(instantie.getState()), statistiek(activiteiten, model), paden(activiteiten, model),
        activiteiten.stream().filter(a -> a.getEndTime() == null).map(HistoricActivityInstance::getActivityId)
            .distinct().toList(),
        activiteiten.stream().filter(a -> a.getCalledProcessInstanceId() != null)
            .collect(Collectors.groupingBy(HistoricActivityInstance::getActivityId, LinkedHashMap::new,
                Collectors.mapping(HistoricActivityInstance::getCalledProcessInstanceId, Collectors.toList())))
            .entrySet().stream().map(e -> new Reconstructie.Aanroep(e.getKey(), e.getValue())).toList());
  }

  private String aanroepende(HistoricProcessInstance instantie, Opbouw opbouw) {
    return instantie.getSuperProcessInstanceId() == null ? null
        : opbouw.aanroepen.get(instantie.getId());
  }

  private void taak(HistoricTaskInstance taak, String sleutel, List<AuditHistorie.Koppeling> koppelingen,
      List<UserOperationLogEntry> bewerkingen, Opbouw opbouw) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("taak", taak.getTaskDefinitionKey());
    List<String> groepen = koppelingen.stream()
        .filter(k -> "candidate".equals(k.soort()) && k.groep() != null && "add".equals(k.handeling()))
        .map(AuditHistorie.Koppeling::groep).distinct().toList();
    details.put("kandidaatGroepen", groepen);
    Optional<UserOperationLogEntry> claim = bewerkingen.stream()
        .filter(b -> UserOperationLogEntry.OPERATION_TYPE_CLAIM.equals(b.getOperationType())).findFirst();
    claim.ifPresent(c -> {
      details.put("geclaimdDoor", c.getUserId());
      details.put("geclaimdOp", lokaal(c.getTimestamp()));
    });
    Optional<UserOperationLogEntry> afgerond = bewerkingen.stream()
        .filter(b -> UserOperationLogEntry.OPERATION_TYPE_COMPLETE.equals(b.getOperationType())).findFirst();
    String afgerondDoor = afgerond.map(UserOperationLogEntry::getUserId).orElse(taak.getAssignee());
    if (taak.getAssignee() != null) {
      details.put("toegewezenAan", taak.getAssignee());
    }
    if (taak.getEndTime() != null) {
      details.put("afgerondOp", lokaal(taak.getEndTime()));
      details.put("afgerondDoor", afgerondDoor);
    }
    if (taak.getDeleteReason() != null && !"completed".equals(taak.getDeleteReason())) {
      details.put("beeindigd", taak.getDeleteReason());
    }
    Instant einde = taak.getEndTime() == null ? klok.nu() : taak.getEndTime().toInstant();
    long gewachtMinuten = java.time.Duration.between(taak.getStartTime().toInstant(), einde).toMinutes();
    details.put("gewachtMinuten", gewachtMinuten);
    if (taak.getDueDate() != null) {
      details.put("uiterlijk", lokaal(taak.getDueDate()));
      boolean teLaat = einde.isAfter(taak.getDueDate().toInstant());
      details.put("termijn", taak.getEndTime() == null ? (teLaat ? "OPEN_VERSTREKEN" : "OPEN")
          : (teLaat ? "TE_LAAT" : "OP_TIJD"));
    }
    String omschrijving = "Taak " + taak.getName() + (groepen.isEmpty() ? "" : " voor " + String.join(", ", groepen))
        + (taak.getEndTime() == null ? " (open)" : afgerondDoor == null ? " afgerond" : " afgerond door " + afgerondDoor);
    opbouw.regel(taak.getStartTime(), new Reconstructie.Gebeurtenis(lokaal(taak.getStartTime()), "TAAK", sleutel,
        taak.getProcessInstanceId(), taak.getName(), taak.getTaskDefinitionKey(),
        afgerondDoor == null ? null : afgerondDoor, omschrijving, details, "ACT_HI_TASKINST"));
  }

  /**
   * One line per job of an activity that calls an outside system (its retry profile names the system: {@code
   * ${retry.politie}}): when it was tried, how often, what failed, and how it ended.
   */
  private void buitensystemen(List<HistoricJobLog> jobs, List<HistoricIncident> incidenten,
      List<UserOperationLogEntry> bewerkingen, String sleutel, String pi, Model model, Opbouw opbouw) {
    Map<String, List<HistoricJobLog>> perJob = jobs.stream()
        .filter(j -> j.getActivityId() != null && model.buitensysteem(j.getActivityId()) != null)
        .collect(Collectors.groupingBy(HistoricJobLog::getJobId, LinkedHashMap::new, Collectors.toList()));
    for (List<HistoricJobLog> logboek : perJob.values()) {
      HistoricJobLog eerste = logboek.get(0);
      String systeem = model.buitensysteem(eerste.getActivityId());
      List<Map<String, Object>> pogingen = new ArrayList<>();
      String uitkomst = "WACHT";
      Date eerstePoging = null;
      for (HistoricJobLog regel : logboek) {
        if (regel.isFailureLog() || regel.isSuccessLog()) {
          eerstePoging = eerstePoging == null ? regel.getTimestamp() : eerstePoging;
          Map<String, Object> poging = new LinkedHashMap<>();
          poging.put("tijdstip", lokaal(regel.getTimestamp()));
          poging.put("geslaagd", regel.isSuccessLog());
          if (regel.isFailureLog()) {
            poging.put("melding", regel.getJobExceptionMessage());
            poging.put("pogingenOver", regel.getJobRetries());
          }
          pogingen.add(poging);
        }
        if (regel.isSuccessLog()) {
          uitkomst = "GESLAAGD";
        } else if (regel.isDeletionLog() && !"GESLAAGD".equals(uitkomst)) {
          uitkomst = "VERWIJDERD";
        } else if (regel.isFailureLog()) {
          uitkomst = regel.getJobRetries() <= 0 ? "INCIDENT" : "OPNIEUW_PROBEREN";
        }
      }
      long mislukt = pogingen.stream().filter(p -> !Boolean.TRUE.equals(p.get("geslaagd"))).count();
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("systeem", SYSTEEMNAMEN.get(systeem));
      details.put("uitkomst", uitkomst);
      details.put("pogingen", pogingen.size());
      details.put("mislukt", mislukt);
      details.put("verloop", pogingen);
      details.put("jobId", eerste.getJobId());
      incidenten.stream().filter(i -> eerste.getJobId().equals(i.getConfiguration())).findFirst()
          .ifPresent(i -> details.put("incident", i.getId()));
      Date tijdstip = eerstePoging == null ? eerste.getTimestamp() : eerstePoging;
      String naam = model.naam(eerste.getActivityId());
      String omschrijving = SYSTEEMNAMEN.get(systeem) + ": " + naam + " — " + switch (uitkomst) {
        case "GESLAAGD" -> mislukt == 0 ? "geslaagd" : "geslaagd na " + mislukt + " mislukte poging(en)";
        case "INCIDENT" -> mislukt + " keer mislukt, incident";
        case "OPNIEUW_PROBEREN" -> mislukt + " keer mislukt, wordt opnieuw geprobeerd";
        case "VERWIJDERD" -> "niet uitgevoerd (job verwijderd)";
        default -> "wacht op uitvoering";
      };
      opbouw.regel(tijdstip, new Reconstructie.Gebeurtenis(lokaal(tijdstip), "BUITENSYSTEEM", sleutel, pi, naam,
          eerste.getActivityId(), SYSTEEM, omschrijving, details, "ACT_HI_JOB_LOG"));
    }
  }

  private void incidenten(List<HistoricIncident> incidenten, List<UserOperationLogEntry> bewerkingen,
      String sleutel, String pi, Model model, Opbouw opbouw) {
    for (HistoricIncident incident : incidenten) {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("type", incident.getIncidentType());
      details.put("melding", incident.getIncidentMessage());
      details.put("status", incident.isOpen() ? "OPEN" : incident.isResolved() ? "OPGELOST" : "VERWIJDERD");
      if (incident.getEndTime() != null) {
        details.put("beeindigdOp", lokaal(incident.getEndTime()));
      }
      // How it was resolved: someone gave the job new retries (Cockpit, REST, ManagementService), then it ran.
      bewerkingen.stream()
          .filter(b -> incident.getConfiguration() != null && incident.getConfiguration().equals(b.getJobId()))
          .filter(b -> b.getOperationType().startsWith("SetJobRetries"))
          .findFirst().ifPresent(b -> {
            details.put("hersteldDoor", b.getUserId());
            details.put("hersteldOp", lokaal(b.getTimestamp()));
            details.put("herstel", "nieuwe pogingen gegeven (" + b.getOperationType() + ")");
          });
      String naam = model.naam(incident.getActivityId());
      String omschrijving = "Incident bij " + naam + ": " + incident.getIncidentMessage()
          + (incident.isOpen() ? " (open)" : incident.isResolved()
              ? " — opgelost" + (details.containsKey("hersteldDoor") ? " na herstel door " + details.get("hersteldDoor")
                  : "") : " — verwijderd");
      opbouw.regel(incident.getCreateTime(), new Reconstructie.Gebeurtenis(lokaal(incident.getCreateTime()),
          "INCIDENT", sleutel, pi, naam, incident.getActivityId(), SYSTEEM, omschrijving, details,
          "ACT_HI_INCIDENT"));
    }
  }

  /** The user operation log, one line per operation (an operation may change several properties). */
  private void bewerkingen(List<UserOperationLogEntry> bewerkingen, String sleutel, String pi, Model model,
      Opbouw opbouw) {
    Map<String, List<UserOperationLogEntry>> perOperatie = bewerkingen.stream()
        .filter(b -> !OPGENOMEN_BEWERKINGEN.contains(b.getOperationType()))
        .collect(Collectors.groupingBy(b -> b.getOperationId() == null ? b.getId() : b.getOperationId(),
            LinkedHashMap::new, Collectors.toList()));
    for (List<UserOperationLogEntry> operatie : perOperatie.values()) {
      UserOperationLogEntry eerste = operatie.get(0);
      boolean variabele = "Variable".equals(eerste.getEntityType()) || eerste.getOperationType().contains("Variable");
      List<Map<String, Object>> wijzigingen = new ArrayList<>();
      for (UserOperationLogEntry regel : operatie) {
        if (regel.getProperty() == null) {
          continue;
        }
        Map<String, Object> wijziging = new LinkedHashMap<>();
        wijziging.put("eigenschap", regel.getProperty());
        // Values of variables stay out: they may hold personal data the auditor has no need of here.
        if (!variabele) {
          wijziging.put("was", regel.getOrgValue());
          wijziging.put("wordt", regel.getNewValue());
        }
        wijzigingen.add(wijziging);
      }
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("operatie", eerste.getOperationType());
      details.put("object", eerste.getEntityType());
      if (eerste.getTaskId() != null) {
        details.put("taakId", eerste.getTaskId());
      }
      if (eerste.getJobId() != null) {
        details.put("jobId", eerste.getJobId());
      }
      details.put("wijzigingen", wijzigingen);
      String omschrijving = bewerkingNaam(eerste.getOperationType()) + " (" + eerste.getEntityType() + ")"
          + (wijzigingen.isEmpty() ? "" : ": " + wijzigingen.stream().map(w -> w.get("eigenschap")
              + (w.containsKey("wordt") ? " = " + w.get("wordt") : "")).collect(Collectors.joining(", ")));
      opbouw.regel(eerste.getTimestamp(), new Reconstructie.Gebeurtenis(lokaal(eerste.getTimestamp()), "BEWERKING",
          sleutel, pi, null, null, eerste.getUserId(), omschrijving, details, "ACT_HI_OP_LOG"));
    }
  }

  private static String bewerkingNaam(String type) {
    return switch (type) {
      case "Assign" -> "Taak toegewezen";
      case "SetOwner" -> "Eigenaar gezet";
      case "Delegate" -> "Taak gedelegeerd";
      case "Update" -> "Taak gewijzigd";
      case "AddIdentityLink", "DeleteIdentityLink" -> "Kandidaten gewijzigd";
      case "SetVariable", "SetVariables", "ModifyVariable" -> "Variabele gewijzigd";
      case "RemoveVariable", "DeleteVariable" -> "Variabele verwijderd";
      case "Delete" -> "Verwijderd (geannuleerd)";
      case "Suspend", "SuspendJob" -> "Opgeschort";
      case "Activate", "ActivateJob" -> "Hervat";
      case "SetJobRetries", "SetJobRetriesAsync" -> "Nieuwe pogingen gegeven";
      case "ModifyProcessInstance" -> "Procesinstantie gewijzigd";
      case "Create" -> "Aangemaakt";
      default -> type;
    };
  }

  /** Who delivered a message: the audit trail line the domain API wrote, else the engine's correlation log. */
  private Optional<String> afzender(String bericht, Date ontvangen, List<AuditGebeurtenis> trail,
      List<UserOperationLogEntry> bewerkingen) {
    if (bericht != null) {
      Optional<String> viaApi = trail.stream()
          .filter(a -> ("BERICHT_" + bericht).equals(a.soort()))
          .filter(a -> Math.abs(a.tijdstip().toEpochMilli() - ontvangen.getTime()) <= 60_000)
          .min(Comparator.comparingLong(a -> Math.abs(a.tijdstip().toEpochMilli() - ontvangen.getTime())))
          .map(AuditGebeurtenis::actor);
      if (viaApi.isPresent()) {
        return viaApi;
      }
    }
    return bewerkingen.stream().filter(b -> "CorrelateMessage".equals(b.getOperationType()))
        .filter(b -> Math.abs(b.getTimestamp().getTime() - ontvangen.getTime()) <= 60_000)
        .map(UserOperationLogEntry::getUserId).filter(Objects::nonNull).findFirst();
  }

  /** The due date of the timer job that fired for this activity instance (the job log keeps it). */
  private static Optional<Date> gepland(List<HistoricJobLog> jobs, HistoricActivityInstance activiteit) {
    return jobs.stream().filter(HistoricJobLog::isSuccessLog)
        .filter(j -> activiteit.getActivityId().equals(j.getActivityId()) && j.getJobDueDate() != null)
        .min(Comparator.comparingLong(j -> Math.abs(j.getTimestamp().getTime()
            - (activiteit.getEndTime() == null ? activiteit.getStartTime() : activiteit.getEndTime()).getTime())))
        .map(HistoricJobLog::getJobDueDate);
  }

  private List<Reconstructie.Activiteit> statistiek(List<HistoricActivityInstance> activiteiten, Model model) {
    Map<String, List<HistoricActivityInstance>> perElement = activiteiten.stream()
        .collect(Collectors.groupingBy(HistoricActivityInstance::getActivityId, LinkedHashMap::new,
            Collectors.toList()));
    return perElement.entrySet().stream().map(e -> {
      List<HistoricActivityInstance> keren = e.getValue();
      Date eerste = keren.stream().map(HistoricActivityInstance::getStartTime).min(Date::compareTo).orElse(null);
      Date laatste = keren.stream().map(HistoricActivityInstance::getEndTime).filter(Objects::nonNull)
          .max(Date::compareTo).orElse(null);
      return new Reconstructie.Activiteit(e.getKey(), model.naam(e.getKey()), keren.get(0).getActivityType(),
          keren.size(), lokaal(eerste), lokaal(laatste), keren.stream().anyMatch(a -> a.getEndTime() == null));
    }).toList();
  }

  /**
   * The sequence flows taken, inferred: Camunda 7 records activities, not flows. A flow counts as taken when its
   * target was entered at or after its source was left, in the same process instance.
   */
  private static List<Reconstructie.Pad> paden(List<HistoricActivityInstance> activiteiten, Model model) {
    Map<String, List<HistoricActivityInstance>> perElement = activiteiten.stream()
        .collect(Collectors.groupingBy(HistoricActivityInstance::getActivityId));
    List<Reconstructie.Pad> paden = new ArrayList<>();
    for (SequenceFlow flow : model.flows) {
      List<HistoricActivityInstance> bronnen = perElement.getOrDefault(flow.getSource().getId(), List.of());
      List<HistoricActivityInstance> doelen = perElement.getOrDefault(flow.getTarget().getId(), List.of());
      boolean genomen = bronnen.stream().filter(b -> b.getEndTime() != null).anyMatch(b -> doelen.stream()
          .anyMatch(d -> !d.getStartTime().before(b.getEndTime())));
      if (genomen) {
        paden.add(new Reconstructie.Pad(flow.getId(), true));
      }
    }
    return paden;
  }

  // ------------------------------------------------------------------ decisions

  /**
   * Every evaluation in the case's process instances: a business rule task, and also a decision that a delegate or
   * task listener evaluates through the DecisionService (the engine links it to the execution it runs in).
   */
  private List<Reconstructie.Beslissing> beslissingen(List<HistoricProcessInstance> instanties,
      Map<String, String> procesSleutel, Opbouw opbouw) {
    List<HistoricDecisionInstance> gevonden = new ArrayList<>();
    for (HistoricProcessInstance instantie : instanties) {
      gevonden.addAll(historyService.createHistoricDecisionInstanceQuery().processInstanceId(instantie.getId())
          .includeInputs().includeOutputs().list());
    }
    gevonden.sort(Comparator.comparing(HistoricDecisionInstance::getEvaluationTime));
    List<Reconstructie.Beslissing> beslissingen = new ArrayList<>();
    for (HistoricDecisionInstance instantie : gevonden) {
      String pi = instantie.getProcessInstanceId();
      String sleutel = pi == null ? null : procesSleutel.get(pi);
      Tabel tabel = opbouw.tabel(instantie.getDecisionDefinitionId(), instantie.getDecisionDefinitionKey());
      List<Reconstructie.Waarde> invoer = instantie.getInputs().stream()
          .map((HistoricDecisionInputInstance i) -> new Reconstructie.Waarde(i.getClauseId(), null,
              i.getClauseName(), waarde(i.getValue()), null))
          .toList();
      List<Reconstructie.Waarde> uitvoer = instantie.getOutputs().stream()
          .sorted(Comparator.comparing(HistoricDecisionOutputInstance::getRuleOrder,
              Comparator.nullsLast(Comparator.naturalOrder())))
          .map(o -> new Reconstructie.Waarde(o.getClauseId(), o.getVariableName(), o.getClauseName(),
              waarde(o.getValue()), o.getRuleId()))
          .toList();
      List<Reconstructie.Regel> regels = instantie.getOutputs().stream()
          .map(HistoricDecisionOutputInstance::getRuleId).filter(Objects::nonNull).distinct()
          .map(id -> new Reconstructie.Regel(id, tabel.volgorde.getOrDefault(id, 0), tabel.annotaties.get(id)))
          .sorted(Comparator.comparingInt(Reconstructie.Regel::volgorde)).toList();
      String activiteit = instantie.getActivityId() == null ? null
          : Optional.ofNullable(pi).map(p -> instanties.stream().filter(h -> h.getId().equals(p)).findFirst()
              .map(h -> opbouw.model(h.getProcessDefinitionId()).naam(instantie.getActivityId())).orElse(null))
              .orElse(instantie.getActivityId());
      Reconstructie.Beslissing beslissing = new Reconstructie.Beslissing(instantie.getId(),
          instantie.getDecisionDefinitionKey(), tabel.naam, tabel.versie, tabel.versieLabel,
          instantie.getDecisionDefinitionId(), lokaal(instantie.getEvaluationTime()), sleutel, pi, activiteit,
          instantie.getUserId(), tabel.hitPolicy, invoer, uitvoer, regels);
      beslissingen.add(beslissing);
      String uitkomst = uitvoer.isEmpty() ? "geen regel van toepassing"
          : uitvoer.stream().map(u -> (u.naam() == null ? u.label() : u.naam()) + " = " + u.waarde())
              .distinct().collect(Collectors.joining(", "));
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("beslissingId", instantie.getId());
      details.put("versie", tabel.versie);
      details.put("regels", regels.stream().map(Reconstructie.Regel::id).toList());
      opbouw.regel(instantie.getEvaluationTime(), opbouw.plekken.get(instantie.getActivityInstanceId()),
          new Reconstructie.Gebeurtenis(
          lokaal(instantie.getEvaluationTime()), "BESLISSING", sleutel, pi, tabel.naam,
          instantie.getActivityId(), instantie.getUserId() == null ? SYSTEEM : instantie.getUserId(),
          "Beslissing " + tabel.naam + " (versie " + tabel.versie + "): " + uitkomst, details, "ACT_HI_DECINST"));
    }
    return beslissingen;
  }

  private static Object waarde(Object waarde) {
    return waarde instanceof Date d ? d.toInstant().toString() : waarde;
  }

  // ------------------------------------------------------------------ the case's own audit trail

  private void audittrail(List<AuditGebeurtenis> trail, Opbouw opbouw) {
    for (AuditGebeurtenis regel : trail) {
      if (regel.soort().endsWith("_INGEZIEN")) {
        continue; // reads are in the read-access log
      }
      String soort = regel.soort().startsWith("BERICHT_") || "MELDING_ONTVANGEN".equals(regel.soort()) ? "BERICHT"
          : regel.soort().startsWith("REGISTER_") ? "BUITENSYSTEEM" : "ACTIVITEIT";
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("zaaknummer", regel.zaaknummer());
      details.put("soort", regel.soort());
      opbouw.regel(Date.from(regel.tijdstip()), new Reconstructie.Gebeurtenis(lokaal(regel.tijdstip()), soort, null,
          null, regel.soort(), null, regel.actor(), regel.omschrijving(), details, "audit_gebeurtenis"));
    }
  }

  private static String status(String state) {
    if (state == null) {
      return null;
    }
    return switch (state) {
      case HistoricProcessInstance.STATE_ACTIVE -> "LOPEND";
      case HistoricProcessInstance.STATE_SUSPENDED -> "OPGESCHORT";
      case HistoricProcessInstance.STATE_COMPLETED -> "AFGEROND";
      case HistoricProcessInstance.STATE_EXTERNALLY_TERMINATED -> "AFGEBROKEN_DOOR_GEBRUIKER";
      case HistoricProcessInstance.STATE_INTERNALLY_TERMINATED -> "AFGEBROKEN_IN_PROCES";
      default -> state;
    };
  }

  private static String naam(HistoricActivityInstance activiteit) {
    return activiteit.getActivityName() == null ? activiteit.getActivityId() : activiteit.getActivityName();
  }

  private OffsetDateTime lokaal(Date moment) {
    return moment == null ? null : kalender.lokaal(moment.toInstant()).toOffsetDateTime();
  }

  private OffsetDateTime lokaal(Instant moment) {
    return moment == null ? null : kalender.lokaal(moment).toOffsetDateTime();
  }

  // ------------------------------------------------------------------ building state

  private record Regel(Date tijdstip, long volgorde, Reconstructie.Gebeurtenis gebeurtenis) {}

  /** What one replay collects, and the models it read (each once). */
  private final class Opbouw {
    final List<Regel> regels = new ArrayList<>();
    final Map<String, Model> modellen = new HashMap<>();
    final Map<String, Tabel> tabellen = new HashMap<>();
    final Map<String, String> aanroepen = new HashMap<>();
    /** Activity instance id to its place in the order of execution. */
    final Map<String, Long> plekken = new HashMap<>();
    long volgorde;

    void regel(Date tijdstip, Reconstructie.Gebeurtenis gebeurtenis) {
      regels.add(new Regel(tijdstip, volgorde++, gebeurtenis));
    }

    /** A line at a given place in the order of execution (or at the end when unknown). */
    void regel(Date tijdstip, Long plek, Reconstructie.Gebeurtenis gebeurtenis) {
      if (plek == null) {
        regel(tijdstip, gebeurtenis);
      } else {
        regels.add(new Regel(tijdstip, plek, gebeurtenis));
      }
    }

    Model model(String definitieId) {
      return modellen.computeIfAbsent(definitieId, id -> new Model(repositoryService.getProcessDefinition(id),
          repositoryService.getBpmnModelInstance(id)));
    }

    Tabel tabel(String definitieId, String sleutel) {
      return tabellen.computeIfAbsent(definitieId, id -> new Tabel(repositoryService.getDecisionDefinition(id),
          repositoryService.getDmnModelInstance(id), sleutel));
    }
  }

  /** What the replay needs of one BPMN model. */
  private static final class Model {
    final String naam;
    final String versieLabel;
    final Map<String, String> namen = new HashMap<>();
    final Map<String, String> systemen = new HashMap<>();
    final Map<String, String> berichten = new HashMap<>();
    final Collection<SequenceFlow> flows;

    Model(ProcessDefinition definitie, BpmnModelInstance model) {
      this.naam = definitie.getName() == null ? definitie.getKey() : definitie.getName();
      this.versieLabel = definitie.getVersionTag();
      for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
        if (element.getName() != null) {
          namen.put(element.getId(), element.getName().replace('\n', ' '));
        }
        systeem(element).ifPresent(s -> systemen.put(element.getId(), s));
      }
      for (MessageEventDefinition bericht : model.getModelElementsByType(MessageEventDefinition.class)) {
        if (bericht.getMessage() != null && bericht.getParentElement() instanceof BaseElement event) {
          berichten.put(event.getId(), bericht.getMessage().getName());
        }
      }
      this.flows = model.getModelElementsByType(SequenceFlow.class);
    }

    /** {@code ${retry.politie}} in the element's retry profile names the outside system it calls. */
    private static Optional<String> systeem(FlowElement element) {
      if (element.getExtensionElements() == null) {
        return Optional.empty();
      }
      return element.getExtensionElements().getElementsQuery().filterByType(CamundaFailedJobRetryTimeCycle.class)
          .list().stream().map(c -> c.getTextContent() == null ? "" : c.getTextContent().trim())
          .map(t -> t.replaceAll("^\\$\\{retry\\.([a-z]+)}$", "$1"))
          .filter(BUITENSYSTEMEN::contains).findFirst();
    }

    String naam(String activiteitId) {
      return activiteitId == null ? null : namen.getOrDefault(activiteitId, activiteitId);
    }

    String buitensysteem(String activiteitId) {
      return systemen.get(activiteitId);
    }

    String bericht(String activiteitId) {
      return berichten.get(activiteitId);
    }
  }

  /** What the decision trail needs of one DMN table version. */
  private static final class Tabel {
    final String naam;
    final int versie;
    final String versieLabel;
    final String hitPolicy;
    final Map<String, Integer> volgorde = new HashMap<>();
    final Map<String, String> annotaties = new HashMap<>();

    Tabel(DecisionDefinition definitie, DmnModelInstance model, String sleutel) {
      this.naam = definitie.getName() == null ? sleutel : definitie.getName();
      this.versie = definitie.getVersion();
      this.versieLabel = definitie.getVersionTag();
      Decision beslissing = model.getModelElementById(sleutel);
      String hit = null;
      if (beslissing != null && beslissing.getExpression() instanceof DecisionTable tabel) {
        hit = tabel.getHitPolicy() == null ? "UNIQUE" : tabel.getHitPolicy().name();
        int i = 0;
        for (Rule regel : tabel.getRules()) {
          volgorde.put(regel.getId(), ++i);
          if (regel.getDescription() != null) {
            annotaties.put(regel.getId(), regel.getDescription().getTextContent().trim());
          }
        }
      }
      this.hitPolicy = hit;
    }
  }
}
