package nl.hgkm.keten.melding;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import nl.hgkm.keten.zaak.DossierRepository;
import nl.hgkm.keten.zaak.Zaak;
import nl.hgkm.keten.zaak.Zaaktype;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

/**
 * The radar function (domain §4): repeat reports about the same persons land on the same radar. Looks the persons of
 * a new melding up among this installation's Veilig Thuis cases (same BSN, or same normalised name and birth date)
 * and classifies the melding with decision {@code radar-classificatie}.
 *
 * <p>Regions do not see each other's files: only a running case of the melding's own regio can take the melding in;
 * a case elsewhere only tells that the persons were known to Veilig Thuis before, as the national Veilig
 * Thuis-register would.
 */
@Service
public class RadarService {

  static final String RADAR_CLASSIFICATIE = "radar-classificatie";
  static final String PROCES_MELDING = "melding";
  static final String PROCES_MONITORING = "monitoring";
  static final String TAAK_VEILIGHEIDSBEOORDELING = "veiligheidsbeoordeling";

  private final DossierRepository dossiers;
  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final DecisionService decisionService;

  public RadarService(DossierRepository dossiers, RuntimeService runtimeService, HistoryService historyService,
      DecisionService decisionService) {
    this.dossiers = dossiers;
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    this.decisionService = decisionService;
  }

  public RadarUitkomst bevraag(String regio, List<MeldingVerzoek.Persoon> personen) {
    Map<String, Zaak> treffers = new LinkedHashMap<>();
    for (MeldingVerzoek.Persoon persoon : personen) {
      dossiers.zakenMetPersoon(Zaaktype.MELDING, persoon.bsn() == null ? null : persoon.bsn().waarde(),
              persoon.naam(), persoon.geboortedatum())
          .forEach(zaak -> treffers.putIfAbsent(zaak.zaaknummer(), zaak));
    }
    List<Zaak> inRegio = treffers.values().stream()
        .filter(zaak -> zaak.regio().equals(regio))
        .sorted(Comparator.comparing(Zaak::aangemaaktOp).thenComparing(Zaak::zaaknummer).reversed())
        .toList();
    TreeSet<String> andereRegios = new TreeSet<>();
    treffers.values().stream().map(Zaak::regio).filter(r -> !r.equals(regio)).forEach(andereRegios::add);

    // The newest running case of the regio takes the melding in.
    RadarUitkomst.LopendeZaak lopend = null;
    for (Zaak zaak : inRegio) {
      Optional<RadarUitkomst.LopendeZaak> betrokkenheid = lopendeBetrokkenheid(zaak.zaaknummer());
      if (betrokkenheid.isPresent()) {
        lopend = betrokkenheid.get();
        break;
      }
    }
    LopendeBetrokkenheidFase fase = lopend == null ? LopendeBetrokkenheidFase.GEEN : lopend.fase();
    boolean eerderBekend = !treffers.isEmpty();

    DmnDecisionResultEntries classificatie = decisionService.evaluateDecisionByKey(RADAR_CLASSIFICATIE)
        .variables(Map.of("lopendeBetrokkenheidFase", fase.name(), "eerderBekendBijVT", eerderBekend))
        .evaluate()
        .getSingleResult();
    String categorie = (String) classificatie.getEntry("categorie");
    boolean bundel = Boolean.TRUE.equals(classificatie.getEntry("bundelMetLopendDossier"));
    boolean radarSignaal = Boolean.TRUE.equals(classificatie.getEntry("radarSignaal"));
    if (bundel && lopend == null) {
      throw new IllegalStateException(RADAR_CLASSIFICATIE + " bundelt zonder lopende zaak (fase " + fase + ")");
    }
    return new RadarUitkomst(fase, eerderBekend, categorie, bundel, radarSignaal, bundel ? lopend : null,
        inRegio.stream().map(Zaak::zaaknummer).toList(), andereRegios);
  }

  /**
   * Whether Veilig Thuis is still involved in a case and in which phase: monitoring when a {@code monitoring}
   * instance runs for it; otherwise, while its {@code melding} instance runs, during the veiligheidsbeoordeling (the
   * user task open, also when a monitored case is assessed again) or after it (completed, not cancelled).
   */
  Optional<RadarUitkomst.LopendeZaak> lopendeBetrokkenheid(String zaaknummer) {
    Optional<ProcessInstance> monitoring = lopend(PROCES_MONITORING, zaaknummer);
    if (monitoring.isPresent()) {
      return Optional.of(new RadarUitkomst.LopendeZaak(zaaknummer, monitoring.get().getId(),
          LopendeBetrokkenheidFase.MONITORING));
    }
    return lopend(PROCES_MELDING, zaaknummer).map(melding -> {
      // A household that is unsafe again after monitoring is assessed anew in the same case: an open assessment
      // counts, whatever was assessed before.
      boolean inBeoordeling = historyService.createHistoricActivityInstanceQuery()
          .processInstanceId(melding.getId())
          .activityId(TAAK_VEILIGHEIDSBEOORDELING)
          .unfinished()
          .count() > 0;
      boolean beoordeeld = historyService.createHistoricActivityInstanceQuery()
          .processInstanceId(melding.getId())
          .activityId(TAAK_VEILIGHEIDSBEOORDELING)
          .finished()
          .list().stream()
          .anyMatch(activiteit -> !activiteit.isCanceled());
      return new RadarUitkomst.LopendeZaak(zaaknummer, melding.getId(), beoordeeld && !inBeoordeling
          ? LopendeBetrokkenheidFase.NA_VEILIGHEIDSBEOORDELING
          : LopendeBetrokkenheidFase.VEILIGHEIDSBEOORDELING);
    });
  }

  private Optional<ProcessInstance> lopend(String procesKey, String zaaknummer) {
    return runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(procesKey)
        .processInstanceBusinessKey(zaaknummer)
        .list().stream().findFirst();
  }
}
