package nl.hgkm.keten.huisverbod;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.hgkm.keten.api.VeldFout;
import nl.hgkm.keten.kalender.Klok;
import nl.hgkm.keten.regio.RegioToegang;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The events of a running huisverbod that come from outside (contract §3 messages), delivered through the domain API
 * with least privilege: the police report a violation, the municipality a request for interim relief and the ruling,
 * the care agency an accepted offer. Each is validated first (every error at once), correlated into the running
 * order only, and written to the audit trail; a refused event changes nothing.
 */
@Service
class HuisverbodBerichten {

  static final Set<String> UITSPRAKEN = Set.of("TOEGEWEZEN", "AFGEWEZEN");
  private static final Duration KLOKMARGE = Duration.ofMinutes(5);

  private final RuntimeService runtimeService;
  private final HuisverbodRepository dossiers;
  private final Klok klok;
  private final RegioToegang regioToegang;

  HuisverbodBerichten(RuntimeService runtimeService, HuisverbodRepository dossiers, Klok klok,
      RegioToegang regioToegang) {
    this.regioToegang = regioToegang;
    this.runtimeService = runtimeService;
    this.dossiers = dossiers;
    this.klok = klok;
  }

  record Afgeleverd(String zaaknummer, String bericht, String processInstanceId) {}

  @Transactional
  Afgeleverd overtreding(String zaaknummer, String overtredingOp, String omschrijving, String gebruiker) {
    List<VeldFout> fouten = new ArrayList<>();
    Instant moment = verplichtMoment("overtredingOp", overtredingOp, fouten);
    if (omschrijving == null || omschrijving.isBlank()) {
      fouten.add(new VeldFout("omschrijving", "is verplicht"));
    } else if (omschrijving.length() > 2000) {
      fouten.add(new VeldFout("omschrijving", "is langer dan 2000 tekens"));
    }
    weiger("De overtreding", fouten);
    return lever(zaaknummer, "OvertredingHuisverbod",
        Map.of("overtredingOp", overtredingOp.strip(), "omschrijving", omschrijving.strip()), gebruiker,
        "Overtreding van het huisverbod gemeld (art. 11 Wth), op " + moment);
  }

  @Transactional
  Afgeleverd verzoekVoorlopigeVoorziening(String zaaknummer, String ingediendOp, String gebruiker) {
    List<VeldFout> fouten = new ArrayList<>();
    Instant moment = ingediendOp == null ? klok.nu() : verplichtMoment("ingediendOp", ingediendOp, fouten);
    weiger("Het verzoek", fouten);
    return lever(zaaknummer, "VerzoekVoorlopigeVoorziening",
        Map.of("ingediendOp", ingediendOp == null ? OffsetDateTime.ofInstant(moment, ZoneOffset.UTC)
            .toString() : ingediendOp.strip()), gebruiker,
        "Verzoek om een voorlopige voorziening ingediend op " + moment + " (art. 6 Wth)");
  }

  @Transactional
  Afgeleverd uitspraak(String zaaknummer, String uitspraak, String gebruiker) {
    if (uitspraak == null || !UITSPRAKEN.contains(uitspraak)) {
      weiger("De uitspraak", List.of(new VeldFout("uitspraak", "moet TOEGEWEZEN of AFGEWEZEN zijn")));
    }
    return lever(zaaknummer, "UitspraakVoorzieningenrechter", Map.of("uitspraak", uitspraak), gebruiker,
        "Uitspraak van de voorzieningenrechter: " + uitspraak);
  }

  @Transactional
  Afgeleverd hulpaanbodAanvaard(String zaaknummer, String bevestigdDoor, String gebruiker) {
    if (bevestigdDoor == null || bevestigdDoor.isBlank() || bevestigdDoor.length() > 200) {
      weiger("De bevestiging", List.of(new VeldFout("bevestigdDoor",
          "is verplicht: de instelling die de aanvaarding bevestigt (art. 2 lid 9 Wth), hoogstens 200 tekens")));
    }
    return lever(zaaknummer, "HulpaanbodAanvaard", Map.of("bevestigdDoor", bevestigdDoor.strip()), gebruiker,
        "Aanvaard hulpaanbod bevestigd door " + bevestigdDoor.strip() + " (art. 2 lid 9 Wth)");
  }

  private Afgeleverd lever(String zaaknummer, String bericht, Map<String, Object> variabelen, String gebruiker,
      String omschrijving) {
    String regio = dossiers.huisverbod(zaaknummer).map(HuisverbodRepository.Huisverbod::regio)
        .orElseThrow(() -> new OnbekendeZaakException("Er is geen huisverbod met zaaknummer " + zaaknummer + "."));
    if (!regioToegang.vereisRegio(gebruiker).contains(regio)) {
      throw new ZaakVanAndereRegioException(zaaknummer);
    }
    // Only the instance in the case's own tenant: a business key is unique per installation, a tenant makes sure.
    List<Execution> wachtend = runtimeService.createExecutionQuery().processDefinitionKey("huisverbod")
        .tenantIdIn(regio).processInstanceBusinessKey(zaaknummer).messageEventSubscriptionName(bericht).list();
    if (wachtend.isEmpty()) {
      throw new NietVanKrachtException("Het huisverbod " + zaaknummer + " is niet (meer) van kracht; "
          + bericht + " kan alleen tijdens het huisverbod.");
    }
    String instantie = wachtend.get(0).getProcessInstanceId();
    // By instance id, which fixes the tenant: the engine refuses a tenant id next to an instance id.
    runtimeService.createMessageCorrelation(bericht).processInstanceId(instantie).setVariables(variabelen)
        .correlate();
    dossiers.audit(zaaknummer, gebruiker, "BERICHT_" + bericht, omschrijving);
    return new Afgeleverd(zaaknummer, bericht, instantie);
  }

  private Instant verplichtMoment(String veld, String waarde, List<VeldFout> fouten) {
    if (waarde == null || waarde.isBlank()) {
      fouten.add(new VeldFout(veld, "is verplicht (ISO-8601 met tijdzone, bijvoorbeeld 2026-03-25T12:00:00+01:00)"));
      return null;
    }
    try {
      Instant moment = OffsetDateTime.parse(waarde.strip()).toInstant();
      if (moment.isAfter(klok.nu().plus(KLOKMARGE))) {
        fouten.add(new VeldFout(veld, "ligt in de toekomst"));
      }
      return moment;
    } catch (DateTimeParseException fout) {
      fouten.add(new VeldFout(veld, "is geen datum-tijd met tijdzone (bijvoorbeeld 2026-03-25T12:00:00+01:00)"));
      return null;
    }
  }

  private static void weiger(String onderwerp, List<VeldFout> fouten) {
    if (!fouten.isEmpty()) {
      throw new OngeldigVerzoekException(onderwerp, fouten);
    }
  }

  /** The order is not in force (ended, withdrawn, or never imposed): the event cannot apply. 409. */
  static class NietVanKrachtException extends RuntimeException {
    NietVanKrachtException(String bericht) {
      super(bericht);
    }
  }
}
