package nl.hgkm.keten.radar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import nl.hgkm.keten.kalender.Klok;
import nl.hgkm.keten.kalender.Werkdagenkalender;
import nl.hgkm.keten.zaak.AuditLog;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

/**
 * The radar over time (domain §4, research notes §3.6): Veilig Thuis combines signals from different reporters over
 * a longer period. After every intake, and after every answer of the Veilig Thuis-register, it looks at the meldingen
 * about the same persons in the case's region within {@code keten.radar.periode}, and flags the case to
 * {@code vt-teamleider} as a candidate for MDA++ when
 * <ul>
 *   <li>{@link RadarReden#AANTAL_MELDINGEN}: there are {@code keten.radar.aantal-meldingen} or more, or</li>
 *   <li>{@link RadarReden#HERMELDING}: the melding is a hermelding and the earlier involvement with these persons
 *       ended within the period (or still runs in another region: the register or another region of this
 *       installation), when {@code keten.radar.hermelding-signaal} is on.</li>
 * </ul>
 * A flag starts process {@code radarsignaal} (business key: the zaaknummer) with task {@code mda-kandidaat-beoordelen};
 * while that task is open, a new reason joins it and every new melding updates the story it shows. A case is flagged
 * at most once per reason within the period (table radar_signaal).
 *
 * <p>Runs in the caller's transaction: the intake's, or the register job's.
 */
@Service
public class RadarSignalen {

  static final String PROCES_RADARSIGNAAL = "radarsignaal";
  static final String PROCES_MELDING = "melding";
  static final String PROCES_MONITORING = "monitoring";
  static final String HERMELDING = "HERMELDING";
  static final String SYSTEEM = "systeem";

  private final RadarRepository radar;
  private final AuditLog audit;
  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final Werkdagenkalender kalender;
  private final Klok klok;
  private final RadarProperties properties;

  public RadarSignalen(RadarRepository radar, AuditLog audit, RuntimeService runtimeService,
      HistoryService historyService, Werkdagenkalender kalender, Klok klok, RadarProperties properties) {
    this.radar = radar;
    this.audit = audit;
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    this.kalender = kalender;
    this.klok = klok;
    this.properties = properties;
  }

  /**
   * Looks at the radar after melding {@code meldingId} was registered (or the register answered for it) and flags
   * its case when a threshold is met.
   *
   * @return the reasons flagged now (empty when none, also when they were flagged before within the period)
   */
  public Set<RadarReden> beoordeel(long meldingId) {
    RadarRepository.MeldingKern melding = radar.melding(meldingId)
        .orElseThrow(() -> new IllegalArgumentException("Onbekende melding " + meldingId));
    if (!"MELDING".equals(melding.zaaktype())) {
      return Set.of();
    }
    String zaaknummer = melding.zaaknummer();
    radar.vergrendel(zaaknummer);
    Instant vanaf = terug(melding.ontvangenOp());
    List<RadarRepository.RadarMelding> meldingen = radar.meldingenOverPersonen(zaaknummer, melding.regio(), vanaf);

    Set<RadarReden> redenen = EnumSet.noneOf(RadarReden.class);
    if (meldingen.size() >= properties.aantalMeldingen()) {
      redenen.add(RadarReden.AANTAL_MELDINGEN);
    }
    if (properties.hermeldingSignaal() && HERMELDING.equals(melding.categorie())
        && eerderBetrokkenSinds(zaaknummer, meldingId, vanaf)) {
      redenen.add(RadarReden.HERMELDING);
    }
    Instant nu = klok.nu();
    Instant nietSinds = terug(nu);
    redenen.removeIf(reden -> radar.gesignaleerdSinds(zaaknummer, reden, nietSinds));

    Optional<ProcessInstance> open = openBeoordeling(zaaknummer);
    if (redenen.isEmpty()) {
      // Nothing new to flag; an open assessment still shows the newest story.
      open.ifPresent(instantie -> runtimeService.setVariables(instantie.getId(),
          variabelen(zaaknummer, melding.regio(), meldingen, redenenVan(instantie.getId()))));
      return Set.of();
    }

    String processInstanceId;
    Set<RadarReden> alle = EnumSet.copyOf(redenen);
    if (open.isPresent()) {
      processInstanceId = open.get().getId();
      alle.addAll(redenenVan(processInstanceId));
      runtimeService.setVariables(processInstanceId, variabelen(zaaknummer, melding.regio(), meldingen, alle));
    } else {
      processInstanceId = runtimeService.createProcessInstanceByKey(PROCES_RADARSIGNAAL)
          .businessKey(zaaknummer)
          .setVariables(variabelen(zaaknummer, melding.regio(), meldingen, alle))
          .execute()
          .getId();
    }
    for (RadarReden reden : redenen) {
      radar.nieuwSignaal(zaaknummer, reden, meldingId, nu, meldingen.size(), processInstanceId);
    }
    audit.schrijf(zaaknummer, SYSTEEM, "RADARSIGNAAL", "Radarsignaal bij melding " + meldingId + ": "
        + redenen.stream().map(RadarReden::omschrijving).collect(Collectors.joining(" en "))
        + " (" + meldingen.size() + " melding(en) over deze personen in " + properties.periodeTekst() + ", van "
        + melders(meldingen) + "); " + (open.isPresent()
            ? "toegevoegd aan de openstaande beoordeling door de teamleider (" + processInstanceId + ")"
            : "aan vt-teamleider voorgelegd als kandidaat voor MDA++ (" + processInstanceId + ")"));
    return redenen;
  }

  /**
   * Whether Veilig Thuis was involved with these persons within the period before this melding: a current
   * involvement of another region known to the register, or another case of this installation whose involvement
   * runs or ended at or after {@code vanaf}.
   */
  boolean eerderBetrokkenSinds(String zaaknummer, long meldingId, Instant vanaf) {
    if (radar.actueleTreffer(meldingId)) {
      return true;
    }
    for (RadarRepository.EerdereZaak zaak : radar.andereZakenMetPersonen(zaaknummer)) {
      Optional<Instant> einde = eindeBetrokkenheid(zaak);
      if (einde.isEmpty() || !einde.get().isBefore(vanaf)) {
        return true;
      }
    }
    return false;
  }

  /**
   * When Veilig Thuis's involvement in a case ended: empty while its melding or monitoring still runs; else the end
   * of the last of them; for a case without process history (imported, or its history removed) the newest melding
   * received, the latest moment the involvement is known to have lasted.
   */
  Optional<Instant> eindeBetrokkenheid(RadarRepository.EerdereZaak zaak) {
    long lopend = runtimeService.createProcessInstanceQuery()
        .processDefinitionKeyIn(PROCES_MELDING, PROCES_MONITORING)
        .processInstanceBusinessKey(zaak.zaaknummer())
        .count();
    if (lopend > 0) {
      return Optional.empty();
    }
    return Optional.of(historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKeyIn(PROCES_MELDING, PROCES_MONITORING)
        .processInstanceBusinessKey(zaak.zaaknummer())
        .finished()
        .list().stream()
        .map(HistoricProcessInstance::getEndTime)
        .filter(Objects::nonNull)
        .map(Date::toInstant)
        .max(Comparator.naturalOrder())
        .orElse(zaak.laatsteMelding() == null ? Instant.EPOCH : zaak.laatsteMelding()));
  }

  /** {@code moment} minus the period, counted in calendar months and days of Europe/Amsterdam. */
  Instant terug(Instant moment) {
    return kalender.lokaal(moment).minus(properties.periode()).toInstant();
  }

  private Optional<ProcessInstance> openBeoordeling(String zaaknummer) {
    return runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(PROCES_RADARSIGNAAL)
        .processInstanceBusinessKey(zaaknummer)
        .list().stream().findFirst();
  }

  private Set<RadarReden> redenenVan(String processInstanceId) {
    Set<RadarReden> redenen = EnumSet.noneOf(RadarReden.class);
    radar.signalenVanProces(processInstanceId).forEach(signaal -> redenen.add(signaal.reden()));
    return redenen;
  }

  /** The small, primitive variables of process radarsignaal; the story as text, never a list. */
  private Map<String, Object> variabelen(String zaaknummer, String regio, List<RadarRepository.RadarMelding> meldingen,
      Set<RadarReden> redenen) {
    Map<String, Object> variabelen = new HashMap<>();
    variabelen.put("zaaknummer", zaaknummer);
    variabelen.put("regio", regio);
    LocalDate uiterlijk = kalender.lokaal(klok.nu()).plus(properties.beoordelingstermijn()).toLocalDate();
    variabelen.put("deadline", uiterlijk.toString());
    variabelen.put("signaalHermelding", redenen.contains(RadarReden.HERMELDING));
    variabelen.put("signaalAantalMeldingen", redenen.contains(RadarReden.AANTAL_MELDINGEN));
    variabelen.put("signaalRedenen", redenen.stream().map(RadarReden::omschrijving).collect(Collectors.joining(" en ")));
    variabelen.put("aantalMeldingen", meldingen.size());
    variabelen.put("drempelAantalMeldingen", properties.aantalMeldingen());
    variabelen.put("periode", properties.periode().toString());
    variabelen.put("periodeTekst", properties.periodeTekst());
    variabelen.put("melderTypen", melders(meldingen));
    variabelen.put("radarVerhaal", verhaal(meldingen));
    variabelen.put("registerVerhaal", registerTekst(zaaknummer));
    return variabelen;
  }

  private String verhaal(List<RadarRepository.RadarMelding> meldingen) {
    return meldingen.stream()
        .map(m -> "- " + RadarTeksten.DATUM.format(kalender.lokaal(m.ontvangenOp())) + ": melding van "
            + RadarTeksten.melder(m.melderType()) + " (" + m.zaaknummer() + ", " + RadarTeksten.categorie(m.categorie())
            + ")")
        .collect(Collectors.joining("\n"));
  }

  private static String melders(List<RadarRepository.RadarMelding> meldingen) {
    Set<String> melders = new LinkedHashSet<>();
    meldingen.forEach(m -> melders.add(RadarTeksten.melder(m.melderType())));
    return String.join(", ", melders);
  }

  private String registerTekst(String zaaknummer) {
    List<RadarRepository.Treffer> treffers = radar.treffers(zaaknummer);
    if (treffers.isEmpty()) {
      return "Geen andere regio bekend (nog niet geraadpleegd, of geen treffer).";
    }
    Map<String, Boolean> actueelPerRegio = new TreeMap<>();
    treffers.forEach(t -> actueelPerRegio.merge(t.regioNaam() == null ? t.regio() : t.regioNaam(), t.actueel(),
        Boolean::logicalOr));
    return actueelPerRegio.entrySet().stream()
        .map(e -> "- " + e.getKey() + (e.getValue() ? ": nu betrokken" : ": eerder betrokken"))
        .collect(Collectors.joining("\n"));
  }
}
