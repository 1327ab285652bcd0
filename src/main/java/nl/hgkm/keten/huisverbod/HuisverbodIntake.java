package nl.hgkm.keten.huisverbod;

import nl.hgkm.keten.zaak.IntakeAntwoorden;
import nl.hgkm.keten.zaak.ZaaknummerGenerator;
import nl.hgkm.keten.zaak.Zaaktype;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import nl.hgkm.keten.kalender.Klok;
import nl.hgkm.keten.kalender.Werkdagenkalender;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The intake of a police proposal for a tijdelijk huisverbod: registers the case file, starts process
 * {@code huisverbod} with the zaaknummer as business key, and answers with the RiHG advice the process decided.
 *
 * <p>Everything of one intake (zaaknummer, case file rows, audit trail, process start, the stored answer) happens
 * in one transaction of the transaction manager the engine shares, so a failure leaves nothing behind. A proposal the
 * law does not allow (a minor, no shared home) is registered all the same: the process records that advice and ends.
 */
@Service
class HuisverbodIntake {

  static final String PROCES = "huisverbod";
  static final String SYSTEEM = "systeem";

  /** @param nieuw false when the answer is the stored one of an earlier request with the same externeReferentie */
  record Resultaat(boolean nieuw, HuisverbodAntwoord antwoord) {}

  private final HuisverbodRepository dossiers;
  private final IntakeAntwoorden antwoorden;
  private final ZaaknummerGenerator zaaknummers;
  private final RuntimeService runtimeService;
  private final Klok klok;
  private final ZoneId tijdzone;
  private final ObjectMapper objectMapper;
  private final TransactionTemplate transactie;

  HuisverbodIntake(HuisverbodRepository dossiers, IntakeAntwoorden antwoorden,
      ZaaknummerGenerator zaaknummers, RuntimeService runtimeService, Klok klok, Werkdagenkalender kalender,
      ObjectMapper objectMapper, PlatformTransactionManager transactionManager) {
    this.dossiers = dossiers;
    this.antwoorden = antwoorden;
    this.zaaknummers = zaaknummers;
    this.runtimeService = runtimeService;
    this.klok = klok;
    this.tijdzone = kalender.tijdzone();
    this.objectMapper = objectMapper;
    this.transactie = new TransactionTemplate(transactionManager);
  }

  Resultaat verwerk(HuisverbodVoorstel voorstel, String gebruiker) {
    String referentie = voorstel.externeReferentie();
    Optional<Resultaat> eerder = eerderAntwoord(referentie);
    if (eerder.isPresent()) {
      return eerder.get();
    }
    try {
      return new Resultaat(true, transactie.execute(status -> registreer(voorstel, gebruiker)));
    } catch (DuplicateKeyException | PessimisticLockingFailureException gelijktijdigeHerhaling) {
      // A request with the same externeReferentie held the key and committed first: answer what it stored.
      return eerderAntwoord(referentie).orElseThrow(() -> gelijktijdigeHerhaling);
    }
  }

  private Optional<Resultaat> eerderAntwoord(String referentie) {
    return referentie == null
        ? Optional.empty()
        : antwoorden.vind(referentie, IntakeAntwoorden.Soort.HUISVERBOD)
            .map(antwoord -> new Resultaat(false, lees(antwoord.body())));
  }

  private HuisverbodAntwoord registreer(HuisverbodVoorstel voorstel, String gebruiker) {
    String referentie = voorstel.externeReferentie();
    if (referentie != null) {
      antwoorden.claim(referentie, IntakeAntwoorden.Soort.HUISVERBOD);
    }
    Instant nu = klok.nu();
    String zaaknummer = zaaknummers.volgende(Zaaktype.HUISVERBOD);
    boolean plegerMeerderjarig =
        Leeftijd.isMeerderjarig(voorstel.pleger().geboortedatum(), voorstel.incidentOp(), tijdzone);

    dossiers.nieuweZaak(zaaknummer, voorstel.regio(), nu);
    dossiers.nieuwHuisverbod(zaaknummer, voorstel, plegerMeerderjarig, gebruiker, nu);
    HuisverbodVoorstel.Pleger pleger = voorstel.pleger();
    dossiers.nieuwePersoon(zaaknummer, HuisverbodRepository.ROL_PLEGER, pleger.naam(), pleger.geboortedatum(),
        pleger.bsn(), false);
    for (HuisverbodVoorstel.Achterblijver achterblijver : voorstel.achterblijvers()) {
      dossiers.nieuwePersoon(zaaknummer, achterblijver.rol().name(), achterblijver.naam(),
          achterblijver.geboortedatum(), achterblijver.bsn(), achterblijver.contactverbod());
    }
    dossiers.audit(zaaknummer, gebruiker, "VOORSTEL_ONTVANGEN", ontvangen(voorstel, plegerMeerderjarig));

    ProcessInstanceWithVariables instantie = runtimeService.createProcessInstanceByKey(PROCES)
        .businessKey(zaaknummer)
        .setVariables(procesVariabelen(zaaknummer, voorstel, plegerMeerderjarig, gebruiker))
        .executeWithVariablesInReturn();
    if (!(instantie.getVariables().get("advies") instanceof String advies)) {
      throw new IllegalStateException("Proces " + PROCES + " gaf geen advies terug voor " + zaaknummer
          + ": het model hoort rihg-huisverbod-advies als eerste stap te beslissen");
    }
    dossiers.advies(zaaknummer, advies);
    dossiers.koppelProces(zaaknummer, instantie.getId());
    dossiers.audit(zaaknummer, SYSTEEM, "PROCES_GESTART", "Proces " + PROCES + " gestart (" + instantie.getId()
        + "); advies RiHG: " + advies + (instantie.isEnded() ? "; proces direct beëindigd" : ""));

    HuisverbodAntwoord antwoord = new HuisverbodAntwoord(zaaknummer, instantie.getId(), advies);
    if (referentie != null) {
      antwoorden.vastleggen(referentie, IntakeAntwoorden.Soort.HUISVERBOD, HttpStatus.CREATED.value(),
          schrijf(antwoord));
    }
    return antwoord;
  }

  /**
   * Exactly the variables process {@code huisverbod} is written against: small and primitive, the DMN inputs among
   * them; names and texts stay in the case file.
   */
  Map<String, Object> procesVariabelen(String zaaknummer, HuisverbodVoorstel voorstel, boolean plegerMeerderjarig,
      String gebruiker) {
    HuisverbodVoorstel.Rihg rihg = voorstel.rihg();
    Map<String, Object> variabelen = new HashMap<>();
    variabelen.put("zaaknummer", zaaknummer);
    variabelen.put("regio", voorstel.regio());
    variabelen.put("gemeente", voorstel.gemeente());
    variabelen.put("incidentOp", Date.from(voorstel.incidentOp()));
    variabelen.put("kindermishandeling", voorstel.kindermishandeling());
    variabelen.put("plegerMeerderjarig", plegerMeerderjarig);
    variabelen.put("woontOfVerblijftNietIncidenteel", rihg.woontOfVerblijftNietIncidenteel());
    variabelen.put("ernstigOnmiddellijkGevaarOordeel", rihg.ernstigOnmiddellijkGevaarOordeel());
    // Art. 2(3): the consultation of Veilig Thuis happens in the process, never before the intake.
    variabelen.put("overlegVeiligThuisGevoerd", false);
    variabelen.put("roodPleger", rihg.roodPleger());
    variabelen.put("roodIncident", rihg.roodIncident());
    variabelen.put("roodGezin", rihg.roodGezin());
    variabelen.put("aantalAchterblijvers", voorstel.achterblijvers().size());
    // Who the order is about, for the engine: pseudonymous keys only, never a BSN or a name (docs/privacy.md).
    variabelen.put("persoonssleutels", dossiers.persoonssleutels(zaaknummer));
    variabelen.put("kinderenBetrokken", kinderenBetrokken(voorstel));
    variabelen.put("woningBekend", voorstel.woning() != null);
    variabelen.put("ingediendDoor", gebruiker);
    return variabelen;
  }

  /** A child among those who stay behind: role KIND, or younger than 18 on the incident's local date. */
  private boolean kinderenBetrokken(HuisverbodVoorstel voorstel) {
    return voorstel.achterblijvers().stream().anyMatch(persoon -> persoon.rol() == HuisverbodVoorstel.Rol.KIND
        || (persoon.geboortedatum() != null
            && Leeftijd.isMinderjarig(persoon.geboortedatum(), voorstel.incidentOp(), tijdzone)));
  }

  /** The audit line of a received proposal: facts, never names. */
  private static String ontvangen(HuisverbodVoorstel voorstel, boolean plegerMeerderjarig) {
    HuisverbodVoorstel.Rihg rihg = voorstel.rihg();
    long contactverbod = voorstel.achterblijvers().stream()
        .filter(HuisverbodVoorstel.Achterblijver::contactverbod).count();
    StringBuilder tekst = new StringBuilder("Voorstel tijdelijk huisverbod ontvangen; incident op ")
        .append(voorstel.incidentOp())
        .append("; gemeente ").append(voorstel.gemeente())
        .append("; pleger ").append(plegerMeerderjarig ? "meerderjarig" : "minderjarig")
        .append("; ").append(voorstel.achterblijvers().size()).append(" achterblijver(s), waarvan ")
        .append(contactverbod).append(" met contactverbod")
        .append("; RiHG rood ").append(rihg.roodPleger()).append('/').append(rihg.roodIncident()).append('/')
        .append(rihg.roodGezin())
        .append("; kindermishandeling: ").append(voorstel.kindermishandeling() ? "ja" : "nee")
        .append("; woning ").append(voorstel.woning() == null ? "niet opgegeven" : "opgegeven");
    if (voorstel.externeReferentie() != null) {
      tekst.append("; externe referentie ").append(voorstel.externeReferentie());
    }
    return tekst.toString();
  }

  private String schrijf(HuisverbodAntwoord antwoord) {
    try {
      return objectMapper.writeValueAsString(antwoord);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private HuisverbodAntwoord lees(String json) {
    try {
      return objectMapper.readValue(json, HuisverbodAntwoord.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Opgeslagen antwoord onleesbaar", e);
    }
  }
}
