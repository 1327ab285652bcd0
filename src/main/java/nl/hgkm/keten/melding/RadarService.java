package nl.hgkm.keten.melding;

import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import nl.hgkm.keten.zaak.DossierRepository;
import nl.hgkm.keten.zaak.Zaak;
import nl.hgkm.keten.zaak.Zaaktype;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
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

  /**
   * The activities of model {@code melding} up to and including the veiligheidsbeoordeling: the acute check, the
   * immediate-safety task, the assessment subprocess with its task and escalation, and the step that reopens the
   * assessment when monitoring finds the household unsafe again.
   */
  static final Set<String> TOT_EN_MET_VEILIGHEIDSBEOORDELING = Set.of(
      "Start_MeldingOntvangen", "Beslissing_AcuteOnveiligheid", "Beslissing_StructureleOnveiligheid", "Gateway_Acuut",
      "directe-veiligheid", "Taak_VeiligheidsbeoordelingHeropenen", "Gateway_NaAcuteCheck",
      "Subproces_Veiligheidsbeoordeling", TAAK_VEILIGHEIDSBEOORDELING);

  private final DossierRepository dossiers;
  private final RuntimeService runtimeService;
  private final DecisionService decisionService;

  public RadarService(DossierRepository dossiers, RuntimeService runtimeService, DecisionService decisionService) {
    this.dossiers = dossiers;
    this.runtimeService = runtimeService;
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
   * Whether Veilig Thuis is still involved in a case and in which phase, read from where its process instances stand
   * now (not from history: monitoring can loop back into a new veiligheidsbeoordeling):
   * <ul>
   *   <li>{@code VEILIGHEIDSBEOORDELING} while the {@code melding} instance is at or before the assessment, i.e. has an
   *       activity instance among {@link #TOT_EN_MET_VEILIGHEIDSBEOORDELING} (also when monitoring found the household
   *       unsafe again and the case went back to a new assessment);</li>
   *   <li>otherwise {@code MONITORING} while a {@code monitoring} instance with the zaaknummer as business key runs;</li>
   *   <li>otherwise {@code NA_VEILIGHEIDSBEOORDELING} while the {@code melding} instance runs.</li>
   * </ul>
   * The instance a vervolgmelding joins: during monitoring the {@code monitoring} instance, which weighs it and may
   * send the case back to a new assessment; otherwise the {@code melding} instance.
   */
  Optional<RadarUitkomst.LopendeZaak> lopendeBetrokkenheid(String zaaknummer) {
    Optional<ProcessInstance> melding = lopend(PROCES_MELDING, zaaknummer);
    Optional<ProcessInstance> monitoring = lopend(PROCES_MONITORING, zaaknummer);
    if (melding.isPresent() && totEnMetVeiligheidsbeoordeling(melding.get().getId())) {
      return Optional.of(new RadarUitkomst.LopendeZaak(zaaknummer, melding.get().getId(),
          LopendeBetrokkenheidFase.VEILIGHEIDSBEOORDELING));
    }
    if (monitoring.isPresent()) {
      return Optional.of(new RadarUitkomst.LopendeZaak(zaaknummer, monitoring.get().getId(),
          LopendeBetrokkenheidFase.MONITORING));
    }
    return melding.map(instantie -> new RadarUitkomst.LopendeZaak(zaaknummer, instantie.getId(),
        LopendeBetrokkenheidFase.NA_VEILIGHEIDSBEOORDELING));
  }

  /** Whether an activity of the assessment or before it is active (a wait state, or a job about to enter one). */
  private boolean totEnMetVeiligheidsbeoordeling(String processInstanceId) {
    ActivityInstance boom = runtimeService.getActivityInstance(processInstanceId);
    return boom != null && actief(boom).stream().anyMatch(TOT_EN_MET_VEILIGHEIDSBEOORDELING::contains);
  }

  /** Every activity id in the tree below {@code instantie}: scopes (subprocesses), tasks and pending transitions. */
  static Set<String> actief(ActivityInstance instantie) {
    Set<String> ids = new HashSet<>();
    for (ActivityInstance kind : instantie.getChildActivityInstances()) {
      ids.add(kind.getActivityId());
      ids.addAll(actief(kind));
    }
    for (TransitionInstance overgang : instantie.getChildTransitionInstances()) {
      ids.add(overgang.getActivityId());
    }
    return ids;
  }

  private Optional<ProcessInstance> lopend(String procesKey, String zaaknummer) {
    return runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(procesKey)
        .processInstanceBusinessKey(zaaknummer)
        .list().stream().findFirst();
  }
}
