package nl.hgkm.keten.audit;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import nl.hgkm.keten.api.Problemen;
import nl.hgkm.keten.api.VeldFout;
import nl.hgkm.keten.engine.Beslistabelmotor;
import nl.hgkm.keten.identiteit.Gebruiker;
import nl.hgkm.keten.identiteit.Groepen;
import nl.hgkm.keten.kalender.Werkdagenkalender;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The decision what-if replay as JSON (contract §6, docs/wat-als.md), for auditors and process owners (group
 * camunda-admin: they deploy the models). {@code POST /api/audit/beslissingen/{beslissingKey}/wat-als?van=&tot=}
 * with the candidate DMN as the body, or with {@code versie=N} and no body for a deployed version. A period with at
 * most {@code keten.wat-als.direct-tot} evaluations is answered at once (200); a larger one, or any request with
 * {@code achtergrond=true}, answers 202 with the run, whose progress and answer are at
 * {@code GET /api/audit/beslissingen/wat-als/{id}}. A refused request (400, 404, 503) starts nothing and deploys
 * nothing. Every run and every case it shows are lines in the read-access log.
 */
@RestController
@RequestMapping("/api/audit/beslissingen")
class WatAlsController {

  private static final int MAXIMUM_BESTAND = 5 * 1024 * 1024;

  private final WatAls watAls;
  private final Beslistabelmotor motor;
  private final Inzagelog inzagelog;
  private final Werkdagenkalender kalender;

  WatAlsController(WatAls watAls, Beslistabelmotor motor, Inzagelog inzagelog, Werkdagenkalender kalender) {
    this.watAls = watAls;
    this.motor = motor;
    this.inzagelog = inzagelog;
    this.kalender = kalender;
  }

  /** One decision key with its deployed versions, for the page's choice. */
  record Beslissing(String sleutel, String naam, List<Versie> versies) {}

  record Versie(int versie, String versieTag, String definitieId) {}

  /** Every deployed decision key, with its versions newest first. */
  @GetMapping
  List<Beslissing> beslissingen(Authentication authenticatie) {
    toegestaan(authenticatie);
    return watAls.alleVersies().stream()
        .collect(java.util.stream.Collectors.groupingBy(DecisionDefinition::getKey, java.util.TreeMap::new,
            java.util.stream.Collectors.toList()))
        .entrySet().stream()
        .map(e -> new Beslissing(e.getKey(), e.getValue().get(0).getName(), e.getValue().stream()
            .map(d -> new Versie(d.getVersion(), d.getVersionTag(), d.getId())).toList()))
        .toList();
  }

  @PostMapping("/{beslissingKey}/wat-als")
  ResponseEntity<?> watAls(@PathVariable String beslissingKey, @RequestParam(required = false) String van,
      @RequestParam(required = false) String tot, @RequestParam(required = false) String versie,
      @RequestParam(required = false, defaultValue = "false") String achtergrond,
      @RequestBody(required = false) byte[] kandidaat, Authentication authenticatie) {
    toegestaan(authenticatie);
    List<DecisionDefinition> versies = watAls.versies(beslissingKey);
    if (versies.isEmpty()) {
      return Problemen.probleem(HttpStatus.NOT_FOUND, "Beslissing niet gevonden", "Er is geen beslissing met "
          + "sleutel '" + beslissingKey + "' gedeployd.");
    }
    List<VeldFout> fouten = new ArrayList<>();
    LocalDate vanDag = datum("van", van, fouten);
    LocalDate totDag = datum("tot", tot, fouten);
    if (vanDag != null && totDag != null && totDag.isBefore(vanDag)) {
      fouten.add(new VeldFout("tot", "ligt voor 'van'"));
    }
    if (!"true".equals(achtergrond) && !"false".equals(achtergrond)) {
      fouten.add(new VeldFout("achtergrond", "is true of false"));
    }
    boolean metBestand = kandidaat != null && kandidaat.length > 0;
    boolean metVersie = versie != null && !versie.isBlank();
    Beslistabelmotor.Tabel tabel = null;
    WatAls.Kandidaat beschrijving = null;
    if (metBestand && metVersie) {
      fouten.add(new VeldFout("versie", "kies een kandidaat: een DMN-bestand als inhoud, of een gedeployde versie, "
          + "niet beide"));
    } else if (!metBestand && !metVersie) {
      fouten.add(new VeldFout("kandidaat", "ontbreekt: stuur de kandidaat-DMN als inhoud (application/xml) of "
          + "kies een gedeployde versie met versie=N"));
    } else if (metVersie) {
      DecisionDefinition gekozen = versies.stream().filter(d -> versie.strip().equals(String.valueOf(d.getVersion())))
          .findFirst().orElse(null);
      if (gekozen == null) {
        fouten.add(new VeldFout("versie", "'" + versie + "' is geen versie van " + beslissingKey + " (er zijn "
            + "versies " + versies.get(versies.size() - 1).getVersion() + " tot en met " + versies.get(0).getVersion()
            + ")"));
      } else {
        try {
          tabel = motor.versie(gekozen.getId(), beslissingKey);
          beschrijving = new WatAls.Kandidaat("VERSIE", "versie " + gekozen.getVersion()
              + (gekozen.getVersionTag() == null ? "" : " (" + gekozen.getVersionTag() + ")"), gekozen.getVersion(),
              tabel.hitPolicy(), kolommen(tabel));
        } catch (Beslistabelmotor.OngeldigeTabel fout) {
          fouten.add(new VeldFout("versie", fout.getMessage()));
        }
      }
    } else if (kandidaat.length > MAXIMUM_BESTAND) {
      fouten.add(new VeldFout("kandidaat", "is groter dan 5 MB"));
    } else {
      try {
        tabel = motor.tabel(kandidaat, beslissingKey);
        beschrijving = new WatAls.Kandidaat("BESTAND", tabel.naam(), null, tabel.hitPolicy(), kolommen(tabel));
      } catch (Beslistabelmotor.OngeldigeTabel fout) {
        fouten.add(new VeldFout("kandidaat", fout.getMessage()));
      }
    }
    if (!fouten.isEmpty()) {
      return Problemen.geweigerd("Ongeldige wat-als-vraag", "De wat-als-vraag heeft "
          + Problemen.aantalFouten(fouten) + "; er is niets berekend of gedeployd.", fouten);
    }
    Instant vanaf = vanDag.atStartOfDay(kalender.tijdzone()).toInstant();
    Instant totVoor = totDag.plusDays(1).atStartOfDay(kalender.tijdzone()).toInstant();
    long aantal = watAls.aantal(beslissingKey, vanaf, totVoor);
    long maximum = watAls.instellingen().maximumEvaluaties();
    if (aantal > maximum) {
      return Problemen.geweigerd("Periode te groot", "De periode bevat " + aantal + " evaluaties van "
          + beslissingKey + "; wat-als rekent er hoogstens " + maximum + " in één keer. Kies een kortere periode.",
          List.of(new VeldFout("tot", "de periode bevat " + aantal + " evaluaties, meer dan " + maximum)));
    }
    WatAls.Vraag vraag = new WatAls.Vraag(beslissingKey, tabel, beschrijving, vanDag, totDag, vanaf, totVoor, aantal);
    String gebruiker = authenticatie.getName();
    inzagelog.vastleggen("(wat-als)", "Wat-als " + beslissingKey + " " + vanDag + " t/m " + totDag + ", kandidaat "
        + beschrijving.naam() + " (" + beschrijving.bron().toLowerCase() + "): " + aantal + " evaluaties",
        Inzagelog.Uitkomst.GETOOND);
    if (!"true".equals(achtergrond) && aantal <= watAls.instellingen().directTot()) {
      WatAls.Run run = watAls.direct(gebruiker, vraag);
      return ResponseEntity.ok(getoond(run));
    }
    WatAls.Run run = watAls.starten(gebruiker, vraag);
    if (run == null) {
      return Problemen.probleem(HttpStatus.SERVICE_UNAVAILABLE, "Wat-als bezet", "Er lopen al "
          + watAls.bezig() + " wat-als-berekeningen op deze server; probeer het over enkele minuten opnieuw.");
    }
    return ResponseEntity.accepted().location(URI.create("/api/audit/beslissingen/wat-als/" + run.id))
        .body(watAls.antwoord(run));
  }

  /** The progress of a background run, and its answer once done. Only for the user who started it. */
  @GetMapping("/wat-als/{id}")
  ResponseEntity<?> run(@PathVariable String id, Authentication authenticatie) {
    toegestaan(authenticatie);
    WatAls.Run run = watAls.run(id, authenticatie.getName());
    if (run == null) {
      return Problemen.probleem(HttpStatus.NOT_FOUND, "Wat-als-berekening niet gevonden", "Er is geen "
          + "wat-als-berekening " + id + " van u op deze server (een afgeronde berekening blijft "
          + watAls.instellingen().bewaren().toMinutes() + " minuten bewaard).");
    }
    return ResponseEntity.ok(run.status == WatAls.Status.KLAAR ? getoond(run) : watAls.antwoord(run));
  }

  /** The answer, and, the first time it is shown, a read-log line for every case in it. */
  private WatAls.Antwoord getoond(WatAls.Run run) {
    WatAls.Antwoord antwoord = watAls.antwoord(run);
    if (!run.getoond) {
      run.getoond = true;
      Set<String> zaken = new LinkedHashSet<>();
      Stream.concat(antwoord.wijzigingen().stream().map(WatAls.Wijziging::zaaknummer),
              antwoord.nietVergelijkbareEvaluaties().stream().map(WatAls.NietVergelijkbaar::zaaknummer))
          .filter(z -> z != null).forEach(zaken::add);
      for (String zaak : zaken) {
        inzagelog.vastleggen(zaak, "Wat-als " + antwoord.beslissing() + ": vastgelegde invoer en uitkomst "
            + "herberekend met kandidaat " + antwoord.kandidaat().naam() + " (berekening " + antwoord.id() + ")",
            Inzagelog.Uitkomst.GETOOND);
      }
    }
    return antwoord;
  }

  private static List<String> kolommen(Beslistabelmotor.Tabel tabel) {
    return tabel.kolommen().stream().map(Beslistabelmotor.Kolom::expressie).toList();
  }

  /** Auditors and process owners; the security chain refused everyone else already. */
  private static void toegestaan(Authentication authenticatie) {
    Gebruiker gebruiker = Gebruiker.van(authenticatie);
    if (!gebruiker.groepen().contains(Groepen.AUDITOR) && !gebruiker.groepen().contains(Groepen.CAMUNDA_ADMIN)) {
      throw AuditToegang.fout(HttpStatus.FORBIDDEN, "Geen toegang", "Wat-als voor beslissingen is voor auditors "
          + "en proceseigenaren (groep camunda-admin).");
    }
  }

  private static LocalDate datum(String veld, String waarde, List<VeldFout> fouten) {
    if (waarde == null || waarde.isBlank()) {
      fouten.add(new VeldFout(veld, "ontbreekt (jjjj-mm-dd, bijvoorbeeld 2027-04-23)"));
      return null;
    }
    try {
      return LocalDate.parse(waarde.strip());
    } catch (DateTimeParseException fout) {
      fouten.add(new VeldFout(veld, "is geen datum (jjjj-mm-dd, bijvoorbeeld 2027-04-23)"));
      return null;
    }
  }
}
