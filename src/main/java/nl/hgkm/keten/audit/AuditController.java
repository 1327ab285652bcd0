package nl.hgkm.keten.audit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import nl.hgkm.keten.api.Problemen;
import nl.hgkm.keten.api.VeldFout;
import nl.hgkm.keten.engine.AuditHistorie;
import nl.hgkm.keten.kalender.Klok;
import nl.hgkm.keten.kalender.Werkdagenkalender;
import nl.hgkm.keten.zaak.Zaak;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The auditor's replay as JSON (contract §6) and what the pages under {@code /audit/} read: the replay of one case,
 * the search, the export, and the BPMN and DMN of the exact versions a case used. Who may call it: BeveiligingConfiguratie
 * and {@link AuditToegang}. Every replay, export and search is a line in the read-access log.
 */
@RestController
@RequestMapping("/api/audit")
class AuditController {

  static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);
  private static final MediaType XML = new MediaType(MediaType.APPLICATION_XML, StandardCharsets.UTF_8);
  private static final int MAXIMUM = 200;

  private final AuditToegang toegang;
  private final ZaakReconstructie reconstructie;
  private final AuditExport export;
  private final Inzagelog inzagelog;
  private final AuditHistorie historie;
  private final RepositoryService repositoryService;
  private final Werkdagenkalender kalender;
  private final Klok klok;

  AuditController(AuditToegang toegang, ZaakReconstructie reconstructie, AuditExport export, Inzagelog inzagelog,
      AuditHistorie historie, RepositoryService repositoryService, Werkdagenkalender kalender, Klok klok) {
    this.toegang = toegang;
    this.reconstructie = reconstructie;
    this.export = export;
    this.inzagelog = inzagelog;
    this.historie = historie;
    this.repositoryService = repositoryService;
    this.kalender = kalender;
    this.klok = klok;
  }

  @GetMapping("/zaken/{zaaknummer}")
  Reconstructie zaak(@PathVariable String zaaknummer, @RequestParam(required = false) String weergave,
      Authentication authenticatie) {
    String wat = "pagina".equals(weergave) ? "Reconstructie (pagina)" : "Reconstructie (JSON)";
    Zaak zaak = toegang.zaak(zaaknummer, authenticatie, wat);
    // Logged before it is built, so that the read log in the answer shows this very read.
    inzagelog.vastleggen(zaaknummer, wat, Inzagelog.Uitkomst.GETOOND);
    return reconstructie.bouw(zaak, authenticatie.getName());
  }

  @GetMapping("/zaken/{zaaknummer}/export")
  ResponseEntity<String> export(@PathVariable String zaaknummer, Authentication authenticatie) {
    String wat = "Export van de reconstructie (HTML)";
    Zaak zaak = toegang.zaak(zaaknummer, authenticatie, wat);
    inzagelog.vastleggen(zaaknummer, wat, Inzagelog.Uitkomst.GETOOND);
    String html = export.html(reconstructie.bouw(zaak, authenticatie.getName()));
    return ResponseEntity.ok().contentType(HTML)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename("reconstructie-" + zaaknummer + ".html").build().toString())
        .body(html);
  }

  /** The search: by (the start of a) zaaknummer, region, period of creation, process, and missed terms. */
  @GetMapping("/zaken")
  ResponseEntity<?> zoek(@RequestParam(required = false) String zaaknummer,
      @RequestParam(required = false) String regio, @RequestParam(required = false) String van,
      @RequestParam(required = false) String tot, @RequestParam(required = false) String proces,
      @RequestParam(required = false, defaultValue = "false") String termijnGemist, Authentication authenticatie) {
    List<VeldFout> fouten = new ArrayList<>();
    Instant vanaf = datum("van", van, fouten);
    Instant totEnMet = datum("tot", tot, fouten);
    if (vanaf != null && totEnMet != null && totEnMet.isBefore(vanaf)) {
      fouten.add(new VeldFout("tot", "ligt voor 'van'"));
    }
    if (zaaknummer != null && !zaaknummer.isBlank() && !zaaknummer.strip().matches("[A-Za-z0-9-]{1,20}")) {
      fouten.add(new VeldFout("zaaknummer", "bevat tekens die in geen zaaknummer voorkomen"));
    }
    if (!"true".equals(termijnGemist) && !"false".equals(termijnGemist)) {
      fouten.add(new VeldFout("termijnGemist", "is true of false"));
    }
    if (!fouten.isEmpty()) {
      return Problemen.geweigerd("Ongeldige zoekvraag", "De zoekvraag heeft " + Problemen.aantalFouten(fouten)
          + ".", fouten);
    }
    List<String> regios = toegang.zichtbareRegios(authenticatie);
    AuditHistorie.Zoekvraag vraag = new AuditHistorie.Zoekvraag(leeg(zaaknummer) ? null : zaaknummer.strip()
        .toUpperCase(), leeg(regio) ? null : regio.strip(), vanaf,
        totEnMet == null ? null : totEnMet.plusSeconds(24 * 3600), leeg(proces) ? null : proces.strip(),
        "true".equals(termijnGemist), regios, MAXIMUM);
    List<Zoekresultaat> gevonden = historie.zoekZaken(vraag, klok.nu()).stream()
        .map(g -> new Zoekresultaat(g.zaaknummer(), g.zaaktype(), g.regio(),
            kalender.lokaal(g.aangemaaktOp()).toOffsetDateTime()))
        .toList();
    inzagelog.vastleggen("(zoeken)", "Zoeken naar zaken: " + vraag + " (" + gevonden.size() + " gevonden)",
        Inzagelog.Uitkomst.GETOOND);
    return ResponseEntity.ok(new Zoekantwoord(gevonden, gevonden.size() >= MAXIMUM));
  }

  record Zoekresultaat(String zaaknummer, String zaaktype, String regio, java.time.OffsetDateTime aangemaaktOp) {}

  record Zoekantwoord(List<Zoekresultaat> zaken, boolean meerDanGetoond) {}

  /** The BPMN XML of exactly the process definition version a case ran on. */
  @GetMapping("/modellen/proces/{definitieId}")
  ResponseEntity<String> procesModel(@PathVariable String definitieId) {
    try (InputStream xml = repositoryService.getProcessModel(definitieId)) {
      return ResponseEntity.ok().contentType(XML).body(new String(xml.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException | org.camunda.bpm.engine.ProcessEngineException onbekend) {
      throw AuditToegang.fout(HttpStatus.NOT_FOUND, "Model niet gevonden", "Er is geen procesdefinitie "
          + definitieId + ".");
    }
  }

  /** The DMN XML of exactly the decision definition version an evaluation used. */
  @GetMapping("/modellen/beslissing/{definitieId}")
  ResponseEntity<String> beslissingModel(@PathVariable String definitieId) {
    try (InputStream xml = repositoryService.getDecisionModel(definitieId)) {
      return ResponseEntity.ok().contentType(XML).body(new String(xml.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException | org.camunda.bpm.engine.ProcessEngineException onbekend) {
      throw AuditToegang.fout(HttpStatus.NOT_FOUND, "Model niet gevonden", "Er is geen beslissingsdefinitie "
          + definitieId + ".");
    }
  }

  private Instant datum(String veld, String waarde, List<VeldFout> fouten) {
    if (leeg(waarde)) {
      return null;
    }
    try {
      return LocalDate.parse(waarde.strip()).atStartOfDay(kalender.tijdzone()).toInstant();
    } catch (DateTimeParseException fout) {
      fouten.add(new VeldFout(veld, "is geen datum (jjjj-mm-dd, bijvoorbeeld 2027-04-23)"));
      return null;
    }
  }

  private static boolean leeg(String waarde) {
    return waarde == null || waarde.isBlank();
  }
}
