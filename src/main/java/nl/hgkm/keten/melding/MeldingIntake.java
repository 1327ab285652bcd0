package nl.hgkm.keten.melding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import nl.hgkm.keten.engine.BeslissingsRegio;
import nl.hgkm.keten.kalender.Klok;
import nl.hgkm.keten.kalender.Termijn;
import nl.hgkm.keten.kalender.Werkdagenkalender;
import nl.hgkm.keten.radar.RadarSignalen;
import nl.hgkm.keten.radar.RegisterRaadpleging;
import nl.hgkm.keten.termijn.TermijnProperties;
import nl.hgkm.keten.zaak.AuditLog;
import nl.hgkm.keten.zaak.BeschermdeMelder;
import nl.hgkm.keten.zaak.Betrokkene;
import nl.hgkm.keten.zaak.DossierRepository;
import nl.hgkm.keten.zaak.IntakeAntwoorden;
import nl.hgkm.keten.zaak.Melding;
import nl.hgkm.keten.zaak.Zaak;
import nl.hgkm.keten.zaak.Zaaktype;
import nl.hgkm.keten.zaak.ZaaknummerGenerator;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The intake of a Veilig Thuis melding: registers it in the case file, asks the radar, and starts process
 * {@code melding} for a new case or hands the report to the running case (message {@code VervolgMelding}).
 *
 * <p>Everything of one intake (dossier rows, audit trail, process start or correlation, the radar over time, the
 * start of the register lookup, the stored answer) happens in one transaction of the transaction manager the engine
 * shares, so a failure leaves nothing behind. The case file lives in the project's tables keyed by zaaknummer; the
 * process gets small, primitive variables only.
 *
 * <p>After the report is in the file, the radar looks at the meldingen about these persons over time
 * ({@link RadarSignalen}, which may flag the case to vt-teamleider) and process {@code registerraadpleging} is
 * started for the national Veilig Thuis-register. Its steps are asynchronous jobs: the intake never waits for the
 * register, and nothing leaves the application before this transaction commits.
 */
@Service
public class MeldingIntake {

  static final String PROCES_MELDING = RadarService.PROCES_MELDING;
  static final String BERICHT_VERVOLGMELDING = "VervolgMelding";
  static final String SYSTEEM = "systeem";
  private static final int POGINGEN_BIJ_GELIJKTIJDIGE_HERHALING = 3;

  /** @param nieuw false when the answer is the stored one of an earlier request with the same externeReferentie */
  public record Resultaat(boolean nieuw, MeldingAntwoord antwoord) {}

  /** A registered report: the answer and the id of its row in the case file. */
  private record Geregistreerd(MeldingAntwoord antwoord, long meldingId) {}

  private final DossierRepository dossiers;
  private final AuditLog audit;
  private final IntakeAntwoorden antwoorden;
  private final ZaaknummerGenerator zaaknummers;
  private final RadarService radar;
  private final Onveiligheid onveiligheid;
  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final Werkdagenkalender kalender;
  private final TermijnProperties termijnen;
  private final Klok klok;
  private final ObjectMapper objectMapper;
  private final TransactionTemplate transactie;
  private final RadarSignalen radarSignalen;
  private final RegisterRaadpleging registerRaadpleging;

  public MeldingIntake(DossierRepository dossiers, AuditLog audit, IntakeAntwoorden antwoorden,
      ZaaknummerGenerator zaaknummers, RadarService radar, Onveiligheid onveiligheid, RuntimeService runtimeService,
      HistoryService historyService, Werkdagenkalender kalender, TermijnProperties termijnen, Klok klok,
      ObjectMapper objectMapper, PlatformTransactionManager transactionManager, RadarSignalen radarSignalen,
      RegisterRaadpleging registerRaadpleging) {
    this.dossiers = dossiers;
    this.audit = audit;
    this.antwoorden = antwoorden;
    this.zaaknummers = zaaknummers;
    this.radar = radar;
    this.onveiligheid = onveiligheid;
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    this.kalender = kalender;
    this.termijnen = termijnen;
    this.klok = klok;
    this.objectMapper = objectMapper;
    this.transactie = new TransactionTemplate(transactionManager);
    this.radarSignalen = radarSignalen;
    this.registerRaadpleging = registerRaadpleging;
  }

  public Resultaat verwerk(MeldingVerzoek verzoek, String gebruiker) {
    String referentie = verzoek.externeReferentie();
    for (int poging = 1; ; poging++) {
      Optional<Resultaat> eerder = eerderAntwoord(referentie);
      if (eerder.isPresent()) {
        return eerder.get();
      }
      try {
        return new Resultaat(true, transactie.execute(status -> registreer(verzoek, gebruiker)));
      } catch (DuplicateKeyException gelijktijdigeHerhaling) {
        // Another request with the same externeReferentie held the key and committed first: answer what it stored.
        return eerderAntwoord(referentie).orElseThrow(() -> gelijktijdigeHerhaling);
      } catch (PessimisticLockingFailureException wachtteTeLang) {
        // The other request still holds the key after the database's lock timeout: wait for it once more.
        if (referentie == null || poging == POGINGEN_BIJ_GELIJKTIJDIGE_HERHALING) {
          throw wachtteTeLang;
        }
      }
    }
  }

  private Optional<Resultaat> eerderAntwoord(String referentie) {
    if (referentie == null) {
      return Optional.empty();
    }
    return antwoorden.vind(referentie, IntakeAntwoorden.Soort.MELDING)
        .map(antwoord -> new Resultaat(false, leesAntwoord(antwoord.body())));
  }

  private MeldingAntwoord registreer(MeldingVerzoek verzoek, String gebruiker) {
    // The decisions evaluated here, outside a process (radar, onveiligheid), belong to the melding's region.
    return BeslissingsRegio.binnen(verzoek.regio(), () -> registreerInRegio(verzoek, gebruiker));
  }

  private MeldingAntwoord registreerInRegio(MeldingVerzoek verzoek, String gebruiker) {
    String referentie = verzoek.externeReferentie();
    if (referentie != null) {
      antwoorden.claim(referentie, IntakeAntwoorden.Soort.MELDING);
    }
    RadarUitkomst uitkomst = radar.bevraag(verzoek.regio(), verzoek.betrokkenen());
    Geregistreerd geregistreerd = uitkomst.bundelMetLopendDossier()
        ? vervolgmelding(verzoek, uitkomst, gebruiker)
        : nieuweZaak(verzoek, uitkomst, gebruiker);
    MeldingAntwoord antwoord = geregistreerd.antwoord();
    radarSignalen.beoordeel(geregistreerd.meldingId());
    registerRaadpleging.start(antwoord.zaaknummer(), verzoek.regio(), geregistreerd.meldingId());
    if (referentie != null) {
      antwoorden.vastleggen(referentie, IntakeAntwoorden.Soort.MELDING, HttpStatus.CREATED.value(),
          schrijfAntwoord(antwoord));
    }
    return antwoord;
  }

  private Geregistreerd nieuweZaak(MeldingVerzoek verzoek, RadarUitkomst uitkomst, String gebruiker) {
    Instant nu = klok.nu();
    String zaaknummer = zaaknummers.volgende(Zaaktype.MELDING);
    Termijn termijn = kalender.werkdagtermijn(verzoek.ontvangenOp(), termijnen.veiligheidsbeoordelingWerkdagen());
    dossiers.nieuweZaak(new Zaak(zaaknummer, Zaaktype.MELDING, verzoek.regio(), nu, null));
    // The report is in the file before the process starts, so that its first steps can read it. Acute and
    // structural unsafety are the process's to decide; they are filled in from its answer below.
    long meldingId = bewaarMelding(zaaknummer, verzoek, uitkomst.categorie(), false, false, gebruiker, nu);
    audit.schrijf(zaaknummer, gebruiker, "MELDING_ONTVANGEN", ontvangen(verzoek, meldingId, "Melding"));
    audit.schrijf(zaaknummer, SYSTEEM, "RADAR", uitkomst.samenvatting());

    ProcessInstanceWithVariables instantie = runtimeService.createProcessInstanceByKey(PROCES_MELDING)
        .businessKey(zaaknummer)
        .setVariables(procesVariabelen(zaaknummer, verzoek, uitkomst, termijn, gebruiker))
        .executeWithVariablesInReturn();

    Object acuutVariabele = instantie.getVariables().get("acuut");
    Object structureelVariabele = instantie.getVariables().get("structureel");
    boolean acuut;
    boolean structureel;
    if (acuutVariabele instanceof Boolean a && structureelVariabele instanceof Boolean s) {
      acuut = a;
      structureel = s;
    } else {
      // Only when the model decides after a wait state: the same decisions give the same answer here.
      Onveiligheid.Beoordeling beoordeling = onveiligheid.beoordeel(verzoek.signalen());
      acuut = beoordeling.acuut();
      structureel = beoordeling.structureel();
    }
    dossiers.beoordeling(meldingId, acuut, structureel);
    dossiers.koppelProces(zaaknummer, instantie.getId());
    audit.schrijf(zaaknummer, SYSTEEM, "PROCES_GESTART", "Proces " + PROCES_MELDING + " gestart (" + instantie.getId()
        + "); acuut: " + jaNee(acuut) + ", structureel: " + jaNee(structureel)
        + "; veiligheidsbeoordeling uiterlijk " + termijn.uiterlijk());
    return new Geregistreerd(new MeldingAntwoord(zaaknummer, instantie.getId(), uitkomst.categorie(), acuut,
        structureel, termijn.uiterlijk()), meldingId);
  }

  /** The variables process {@code melding} is written against; exactly these (see the model's documentation). */
  private Map<String, Object> procesVariabelen(String zaaknummer, MeldingVerzoek verzoek, RadarUitkomst uitkomst,
      Termijn termijn, String gebruiker) {
    Map<String, Object> variabelen = new HashMap<>();
    variabelen.put("zaaknummer", zaaknummer);
    variabelen.put("regio", verzoek.regio());
    variabelen.put("ontvangenOp", Date.from(verzoek.ontvangenOp()));
    variabelen.put("melderType", verzoek.melder().type().name());
    variabelen.put("melderEmailBekend", verzoek.melder().email() != null);
    variabelen.put("anonimiteitToegezegd", verzoek.melder().anoniemNaarGezin());
    variabelen.putAll(Signalen.volledig(verzoek.signalen()));
    variabelen.put("categorie", uitkomst.categorie());
    variabelen.put("radarSignaal", uitkomst.radarSignaal());
    variabelen.put("aantalBetrokkenen", verzoek.betrokkenen().size());
    // Who the case is about, for the engine: pseudonymous keys only, never a BSN or a name (docs/privacy.md).
    variabelen.put("persoonssleutels", dossiers.persoonssleutels(zaaknummer));
    variabelen.put("kindBetrokken", kindBetrokken(verzoek));
    variabelen.put("ingediendDoor", gebruiker);
    variabelen.put("veiligheidsbeoordelingUiterlijk", Date.from(termijn.einde()));
    variabelen.put("veiligheidsbeoordelingVerstreken", Date.from(termijn.verstreken()));
    variabelen.put("deadline", termijn.uiterlijk().toString());
    return variabelen;
  }

  private boolean kindBetrokken(MeldingVerzoek verzoek) {
    LocalDate ontvangen = kalender.lokaleDatum(verzoek.ontvangenOp());
    return verzoek.betrokkenen().stream().anyMatch(persoon -> persoon.rol() == BetrokkeneRol.KIND
        || (persoon.geboortedatum() != null && Period.between(persoon.geboortedatum(), ontvangen).getYears() < 18));
  }

  private Geregistreerd vervolgmelding(MeldingVerzoek verzoek, RadarUitkomst uitkomst, String gebruiker) {
    Instant nu = klok.nu();
    RadarUitkomst.LopendeZaak lopend = uitkomst.lopendeZaak();
    Onveiligheid.Beoordeling beoordeling = onveiligheid.beoordeel(verzoek.signalen());
    long meldingId = bewaarMelding(lopend.zaaknummer(), verzoek, uitkomst.categorie(), beoordeling.acuut(),
        beoordeling.structureel(), gebruiker, nu);
    audit.schrijf(lopend.zaaknummer(), gebruiker, "MELDING_ONTVANGEN", ontvangen(verzoek, meldingId, "Vervolgmelding"));
    audit.schrijf(lopend.zaaknummer(), SYSTEEM, "RADAR", uitkomst.samenvatting());
    LocalDate uiterlijk = veiligheidsbeoordelingUiterlijk(lopend);

    Map<String, Object> lokaal = new HashMap<>();
    lokaal.put("vervolgMeldingId", meldingId);
    lokaal.put("vervolgCategorie", uitkomst.categorie());
    lokaal.put("vervolgAcuut", beoordeling.acuut());
    lokaal.put("vervolgStructureel", beoordeling.structureel());
    lokaal.put("vervolgOntvangenOp", Date.from(verzoek.ontvangenOp()));
    lokaal.put("vervolgMelderType", verzoek.melder().type().name());
    // By instance id: the running case of this region (radar.bevraag looks in the melding's region only), whose
    // tenant the id fixes; the engine refuses a tenant id next to an instance id.
    runtimeService.createMessageCorrelation(BERICHT_VERVOLGMELDING)
        .processInstanceId(lopend.processInstanceId())
        .setVariablesLocal(lokaal)
        .correlateWithResult();
    audit.schrijf(lopend.zaaknummer(), SYSTEEM, "VERVOLGMELDING_GEKOPPELD", "Bericht " + BERICHT_VERVOLGMELDING
        + " afgeleverd bij " + lopend.processInstanceId() + " (fase " + lopend.fase() + "); acuut: "
        + jaNee(beoordeling.acuut()) + ", structureel: " + jaNee(beoordeling.structureel()));
    return new Geregistreerd(new MeldingAntwoord(lopend.zaaknummer(), lopend.processInstanceId(),
        uitkomst.categorie(), beoordeling.acuut(), beoordeling.structureel(), uiterlijk), meldingId);
  }

  /**
   * The running case's due date; during monitoring the monitoring instance may not carry it, then the case's
   * melding instance (in history) does.
   */
  private LocalDate veiligheidsbeoordelingUiterlijk(RadarUitkomst.LopendeZaak lopend) {
    Object waarde = runtimeService.getVariable(lopend.processInstanceId(), "veiligheidsbeoordelingUiterlijk");
    if (waarde == null) {
      waarde = dossiers.zaak(lopend.zaaknummer())
          .map(Zaak::processInstanceId)
          .flatMap(pid -> historyService.createHistoricVariableInstanceQuery()
              .processInstanceId(pid)
              .variableName("veiligheidsbeoordelingUiterlijk")
              .list().stream()
              .map(HistoricVariableInstance::getValue)
              .filter(Date.class::isInstance)
              .findFirst())
          .orElse(null);
    }
    return waarde instanceof Date datum ? kalender.lokaleDatum(datum.toInstant()) : null;
  }

  private long bewaarMelding(String zaaknummer, MeldingVerzoek verzoek, String categorie, boolean acuut,
      boolean structureel, String gebruiker, Instant nu) {
    MeldingVerzoek.Melder melder = verzoek.melder();
    boolean beschermd = melder.anoniemNaarGezin();
    long meldingId = dossiers.nieuweMelding(new Melding(null, zaaknummer, verzoek.externeReferentie(),
        verzoek.ontvangenOp(), nu, gebruiker, categorie, melder.type().name(),
        beschermd ? null : melder.naam(), beschermd ? null : melder.email(), beschermd,
        acuut, structureel, schrijf(verzoek.signalen()), verzoek.omschrijving()));
    if (beschermd) {
      dossiers.beschermdeMelder(new BeschermdeMelder(meldingId, melder.naam(), melder.email()));
    }
    for (MeldingVerzoek.Persoon persoon : verzoek.betrokkenen()) {
      dossiers.nieuweBetrokkene(new Betrokkene(null, meldingId, zaaknummer, persoon.rol().name(), persoon.naam(),
          persoon.geboortedatum(), persoon.bsn() == null ? null : persoon.bsn().waarde()));
    }
    return meldingId;
  }

  /** The audit line of a received report: facts, never the reporter's or the persons' names. */
  private static String ontvangen(MeldingVerzoek verzoek, long meldingId, String soort) {
    StringBuilder tekst = new StringBuilder(soort).append(' ').append(meldingId)
        .append(" ontvangen op ").append(verzoek.ontvangenOp())
        .append(" van melder type ").append(verzoek.melder().type())
        .append("; ").append(verzoek.betrokkenen().size()).append(" betrokkene(n)");
    if (verzoek.externeReferentie() != null) {
      tekst.append("; externe referentie ").append(verzoek.externeReferentie());
    }
    if (verzoek.melder().anoniemNaarGezin()) {
      tekst.append("; anonimiteit naar het gezin toegezegd (identiteit beschermd vastgelegd)");
    }
    return tekst.toString();
  }

  private static String jaNee(boolean waarde) {
    return waarde ? "ja" : "nee";
  }

  private String schrijf(Map<String, Boolean> signalen) {
    try {
      return objectMapper.writeValueAsString(new TreeMap<>(signalen));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private String schrijfAntwoord(MeldingAntwoord antwoord) {
    try {
      return objectMapper.writeValueAsString(antwoord);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private MeldingAntwoord leesAntwoord(String body) {
    try {
      return objectMapper.readValue(body, MeldingAntwoord.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Opgeslagen antwoord onleesbaar", e);
    }
  }
}
