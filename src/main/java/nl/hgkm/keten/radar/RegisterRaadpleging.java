package nl.hgkm.keten.radar;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import nl.hgkm.keten.engine.BeslissingsRegio;
import nl.hgkm.keten.integratie.register.VeiligThuisRegister;
import nl.hgkm.keten.kalender.Klok;
import nl.hgkm.keten.zaak.AuditLog;
import nl.hgkm.keten.zaak.DossierRepository;
import nl.hgkm.keten.zaak.Zaak;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;

/**
 * The national Veilig Thuis-register on the radar. Every intake starts process {@code registerraadpleging} (business
 * key: the zaaknummer) in its own transaction; the process's first steps are asynchronous, so the intake never waits
 * for the register and nothing leaves the application before the intake commits.
 *
 * <p>A match in another region is earlier involvement (domain §4: "own files, and the national Veilig
 * Thuis-register"): it is recorded on the case, shown in its radar section, and a melding that opened its case as
 * {@code NIEUWE_MELDING} is classified again by {@code radar-classificatie} (no running involvement, known before:
 * {@code HERMELDING}, radar signal), in the case file and on the running {@code melding} instance.
 */
@Service
public class RegisterRaadpleging {

  static final String PROCES_REGISTERRAADPLEGING = "registerraadpleging";
  static final String RADAR_CLASSIFICATIE = "radar-classificatie";
  static final String NIEUWE_MELDING = "NIEUWE_MELDING";

  private final RadarRepository radar;
  private final RadarSignalen signalen;
  private final DossierRepository dossiers;
  private final AuditLog audit;
  private final RuntimeService runtimeService;
  private final DecisionService decisionService;
  private final Klok klok;

  public RegisterRaadpleging(RadarRepository radar, RadarSignalen signalen, DossierRepository dossiers,
      AuditLog audit, RuntimeService runtimeService, DecisionService decisionService, Klok klok) {
    this.radar = radar;
    this.signalen = signalen;
    this.dossiers = dossiers;
    this.audit = audit;
    this.runtimeService = runtimeService;
    this.decisionService = decisionService;
    this.klok = klok;
  }

  /** Starts the lookup and registration for the persons of one melding; call it in the intake's transaction. */
  public String start(String zaaknummer, String regio, long meldingId) {
    return runtimeService.createProcessInstanceByKey(PROCES_REGISTERRAADPLEGING)
        .businessKey(zaaknummer)
        .setVariables(Map.of("zaaknummer", zaaknummer, "regio", regio, "meldingId", meldingId))
        .execute()
        .getId();
  }

  /** A match: a person of a melding is or was known to another region. */
  public record Treffer(long betrokkeneId, VeiligThuisRegister.Betrokkenheid betrokkenheid) {}

  /**
   * What the register answered for the persons of melding {@code meldingId}: records the matches, classifies the
   * melding again when it is one, writes the audit line and looks at the radar again.
   *
   * @param geraadpleegd how many persons could be looked up (with a BSN, or a name and a birth date)
   */
  public void verwerk(String zaaknummer, long meldingId, int geraadpleegd, List<Treffer> treffers) {
    for (Treffer treffer : treffers) {
      VeiligThuisRegister.Betrokkenheid b = treffer.betrokkenheid();
      radar.treffer(zaaknummer, meldingId, treffer.betrokkeneId(), b.regio(), b.naam(), b.actueel(), klok.nu());
    }
    if (treffers.isEmpty()) {
      audit.schrijf(zaaknummer, RadarSignalen.SYSTEEM, "REGISTER_GERAADPLEEGD", "Veilig Thuis-register geraadpleegd "
          + "voor melding " + meldingId + " (" + geraadpleegd + " persoon/personen): geen andere regio betrokken");
    } else {
      audit.schrijf(zaaknummer, RadarSignalen.SYSTEEM, "REGISTER_GERAADPLEEGD", "Veilig Thuis-register geraadpleegd "
          + "voor melding " + meldingId + " (" + geraadpleegd + " persoon/personen): " + regios(treffers));
      herclassificeer(zaaknummer, meldingId, treffers);
    }
    signalen.beoordeel(meldingId);
  }

  private void herclassificeer(String zaaknummer, long meldingId, List<Treffer> treffers) {
    RadarRepository.MeldingKern melding = radar.melding(meldingId).orElseThrow();
    if (!NIEUWE_MELDING.equals(melding.categorie())) {
      return;
    }
    // The case was new to this installation, so Veilig Thuis had no running involvement here (fase GEEN).
    DmnDecisionResultEntries uitkomst = BeslissingsRegio.binnen(melding.regio(), () -> decisionService
        .evaluateDecisionByKey(RADAR_CLASSIFICATIE)
        .variables(Map.of("lopendeBetrokkenheidFase", "GEEN", "eerderBekendBijVT", true))
        .evaluate()
        .getSingleResult());
    String categorie = (String) uitkomst.getEntry("categorie");
    boolean radarSignaal = Boolean.TRUE.equals(uitkomst.getEntry("radarSignaal"));
    radar.categorie(meldingId, categorie);
    String pid = dossiers.zaak(zaaknummer).map(Zaak::processInstanceId).orElse(null);
    boolean lopend = pid != null && runtimeService.createProcessInstanceQuery().processInstanceId(pid).count() > 0;
    if (lopend) {
      runtimeService.setVariables(pid, Map.of("categorie", categorie, "radarSignaal", radarSignaal));
    }
    audit.schrijf(zaaknummer, RadarSignalen.SYSTEEM, "RADAR", "Radar na raadpleging Veilig Thuis-register: melding "
        + meldingId + " van " + NIEUWE_MELDING + " naar " + categorie + " (eerder bekend bij Veilig Thuis in "
        + regios(treffers) + "; radarsignaal: " + (radarSignaal ? "ja" : "nee") + ")"
        + (lopend ? "; bijgewerkt in proces " + pid : ""));
  }

  /** "Veilig Thuis Rotterdam Rijnmond (nu betrokken), Veilig Thuis Haaglanden (eerder betrokken)": no persons. */
  private static String regios(List<Treffer> treffers) {
    Map<String, Boolean> perRegio = new TreeMap<>();
    treffers.forEach(t -> perRegio.merge(naam(t.betrokkenheid()), t.betrokkenheid().actueel(), Boolean::logicalOr));
    return perRegio.entrySet().stream()
        .map(e -> e.getKey() + (e.getValue() ? " (nu betrokken)" : " (eerder betrokken)"))
        .collect(Collectors.joining(", "));
  }

  private static String naam(VeiligThuisRegister.Betrokkenheid b) {
    return b.naam() == null || b.naam().isBlank() ? b.regio() : b.naam();
  }
}
