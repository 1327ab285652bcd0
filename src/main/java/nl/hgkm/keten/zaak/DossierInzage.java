package nl.hgkm.keten.zaak;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.hgkm.keten.identiteit.Gebruiker;
import nl.hgkm.keten.identiteit.Groepen;
import nl.hgkm.keten.kalender.Werkdagenkalender;
import nl.hgkm.keten.regio.RegioToegang;
import org.camunda.bpm.engine.HistoryService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

/**
 * Who sees which case file (domain §8). Veilig Thuis roles see everything, including the protected identity of a
 * reporter promised anonymity towards the family; an auditor sees everything except that identity; the wijkteam sees
 * only cases in which it has or had a task (candidate group wijkteam in one of the case's process instances, which
 * carry the zaaknummer as business key), never the protected identity nor the radar story. Everyone else: 403.
 */
@Service
public class DossierInzage {

  public static final String ANONIEM = "Anoniem (beschermd)";

  private final DossierRepository dossiers;
  private final AuditLog audit;
  private final HistoryService historyService;
  private final Werkdagenkalender kalender;
  private final ObjectMapper objectMapper;
  private final MeldcodeAfwegingBron meldcodeAfwegingen;
  private final RadarOverzicht radar;
  private final RegioToegang regioToegang;

  public DossierInzage(DossierRepository dossiers, AuditLog audit, HistoryService historyService,
      Werkdagenkalender kalender, ObjectMapper objectMapper, MeldcodeAfwegingBron meldcodeAfwegingen,
      RadarOverzicht radar, RegioToegang regioToegang) {
    this.regioToegang = regioToegang;
    this.dossiers = dossiers;
    this.audit = audit;
    this.historyService = historyService;
    this.kalender = kalender;
    this.objectMapper = objectMapper;
    this.meldcodeAfwegingen = meldcodeAfwegingen;
    this.radar = radar;
  }

  @Transactional(readOnly = true)
  public DossierWeergave dossier(String zaaknummer, Gebruiker gebruiker) {
    boolean veiligThuis = gebruiker.isVeiligThuis();
    boolean auditor = gebruiker.groepen().contains(Groepen.AUDITOR);
    boolean wijkteam = gebruiker.groepen().contains(Groepen.WIJKTEAM);
    if (!veiligThuis && !auditor && !wijkteam) {
      throw geenToegang(zaaknummer);
    }
    Set<String> regios = regioToegang.vereisRegio(gebruiker.id());
    Zaak zaak = dossiers.zaak(zaaknummer).orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND,
        probleem(HttpStatus.NOT_FOUND, "Zaak niet gevonden", "Er is geen zaak met zaaknummer " + zaaknummer + "."),
        null));
    if (!regios.contains(zaak.regio())) {
      // 404, not 403: another region's case is not confirmed to exist (issue 9); the read log says GEWEIGERD.
      throw new ZaakVanAndereRegio(probleem(HttpStatus.NOT_FOUND, "Zaak niet gevonden",
          "Er is geen zaak met zaaknummer " + zaaknummer + "."));
    }
    if (!veiligThuis && !auditor && !hadWijkteamTaak(zaaknummer)) {
      throw geenToegang(zaaknummer);
    }
    return weergave(zaak, veiligThuis, veiligThuis || auditor);
  }

  private boolean hadWijkteamTaak(String zaaknummer) {
    return historyService.createHistoricTaskInstanceQuery()
        .processInstanceBusinessKey(zaaknummer)
        .taskHadCandidateGroup(Groepen.WIJKTEAM)
        .count() > 0;
  }

  /**
   * @param radarZichtbaar the radar story names the region's other cases and reporters: Veilig Thuis's own
   *                       business (and the auditor's), not a wijkteam's
   */
  private DossierWeergave weergave(Zaak zaak, boolean beschermdeIdentiteitZichtbaar, boolean radarZichtbaar) {
    String zaaknummer = zaak.zaaknummer();
    Map<Long, BeschermdeMelder> beschermd = beschermdeIdentiteitZichtbaar
        ? dossiers.beschermdeMelders(zaaknummer).stream()
            .collect(Collectors.toMap(BeschermdeMelder::meldingId, Function.identity()))
        : Map.of();
    Map<Long, List<DossierWeergave.BetrokkeneWeergave>> betrokkenen = dossiers.betrokkenen(zaaknummer).stream()
        .collect(Collectors.groupingBy(Betrokkene::meldingId, Collectors.mapping(
            b -> new DossierWeergave.BetrokkeneWeergave(b.rol(), b.naam(), b.geboortedatum(), b.bsn()),
            Collectors.toList())));
    List<DossierWeergave.MeldingWeergave> meldingen = dossiers.meldingen(zaaknummer).stream()
        .map(m -> new DossierWeergave.MeldingWeergave(m.id(), m.externeReferentie(), lokaal(m.ontvangenOp()),
            lokaal(m.geregistreerdOp()), m.geregistreerdDoor(), m.categorie(), m.acuut(), m.structureel(),
            signalen(m.signalen()), m.omschrijving(), melder(m, beschermd.get(m.id())),
            betrokkenen.getOrDefault(m.id(), List.of())))
        .toList();
    List<DossierWeergave.AuditWeergave> trail = audit.van(zaaknummer).stream()
        .map(a -> new DossierWeergave.AuditWeergave(lokaal(a.tijdstip()), a.actor(), a.soort(), a.omschrijving()))
        .toList();
    return new DossierWeergave(new DossierWeergave.ZaakWeergave(zaaknummer, zaak.zaaktype(), zaak.regio(),
        lokaal(zaak.aangemaaktOp()), zaak.processInstanceId()), meldingen,
        meldcodeAfwegingen.vanZaak(zaaknummer, beschermdeIdentiteitZichtbaar), trail,
        radarZichtbaar && zaak.zaaktype() == Zaaktype.MELDING ? radar.verhaal(zaak) : null);
  }

  private static DossierWeergave.MelderWeergave melder(Melding melding, BeschermdeMelder beschermd) {
    if (!melding.anoniemNaarGezin()) {
      return new DossierWeergave.MelderWeergave(melding.melderType(), melding.melderNaam(), melding.melderEmail(),
          false, false);
    }
    return beschermd == null
        ? new DossierWeergave.MelderWeergave(melding.melderType(), ANONIEM, null, true, true)
        : new DossierWeergave.MelderWeergave(melding.melderType(), beschermd.naam(), beschermd.email(), true, true);
  }

  private Map<String, Boolean> signalen(String json) {
    try {
      return objectMapper.readValue(json, new TypeReference<Map<String, Boolean>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Signalen van een melding onleesbaar", e);
    }
  }

  private OffsetDateTime lokaal(Instant moment) {
    return moment == null ? null : kalender.lokaal(moment).toOffsetDateTime();
  }

  /** A case of a region whose tenant the user is no member of: answered as not found. */
  public static final class ZaakVanAndereRegio extends ErrorResponseException {
    ZaakVanAndereRegio(ProblemDetail probleem) {
      super(HttpStatus.NOT_FOUND, probleem, null);
    }
  }

  private static ErrorResponseException geenToegang(String zaaknummer) {
    return new ErrorResponseException(HttpStatus.FORBIDDEN, probleem(HttpStatus.FORBIDDEN, "Geen toegang",
        "Uw groepen geven geen inzage in zaak " + zaaknummer + "."), null);
  }

  private static ProblemDetail probleem(HttpStatus status, String titel, String detail) {
    ProblemDetail probleem = ProblemDetail.forStatusAndDetail(status, detail);
    probleem.setTitle(titel);
    return probleem;
  }
}
