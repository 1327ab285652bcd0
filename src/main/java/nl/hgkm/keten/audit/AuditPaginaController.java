package nl.hgkm.keten.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import nl.hgkm.keten.zaak.Zaak;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/**
 * The auditor's pages (Dutch, served by the application): the search at {@code /audit/}, the replay of one case at
 * {@code /audit/zaken/{zaaknummer}} (static HTML and script under {@code static/audit/} that read
 * {@code /api/audit/...} with the browser's login session), its export, and the login form. A malformed or unknown
 * zaaknummer gets a Dutch page with the right status, not an empty replay.
 */
@Controller
class AuditPaginaController {

  private final AuditToegang toegang;
  private final ZaakReconstructie reconstructie;
  private final AuditExport export;
  private final Inzagelog inzagelog;

  AuditPaginaController(AuditToegang toegang, ZaakReconstructie reconstructie, AuditExport export,
      Inzagelog inzagelog) {
    this.toegang = toegang;
    this.reconstructie = reconstructie;
    this.export = export;
    this.inzagelog = inzagelog;
  }

  @GetMapping({"/audit", "/audit/", "/audit/zaken", "/audit/zaken/"})
  String zoeken() {
    return "forward:/audit/zoeken.html";
  }

  @GetMapping("/audit/zaken/{zaaknummer}")
  Object zaak(@PathVariable String zaaknummer, Authentication authenticatie) {
    try {
      // Refusals are logged here; the replay itself is logged when the page reads its data.
      toegang.zaak(zaaknummer, authenticatie, "Reconstructie (pagina)");
    } catch (ErrorResponseException fout) {
      return foutpagina(fout);
    }
    return "forward:/audit/zaak.html";
  }

  @GetMapping("/audit/zaken/{zaaknummer}/export")
  ResponseEntity<String> export(@PathVariable String zaaknummer, Authentication authenticatie) {
    String wat = "Export van de reconstructie (HTML)";
    Zaak zaak;
    try {
      zaak = toegang.zaak(zaaknummer, authenticatie, wat);
    } catch (ErrorResponseException fout) {
      return foutpagina(fout);
    }
    inzagelog.vastleggen(zaaknummer, wat, Inzagelog.Uitkomst.GETOOND);
    return ResponseEntity.ok().contentType(AuditController.HTML)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename("reconstructie-" + zaaknummer + ".html", StandardCharsets.UTF_8).build().toString())
        .body(export.html(reconstructie.bouw(zaak, authenticatie.getName())));
  }

  @GetMapping("/audit/inloggen")
  @ResponseBody
  ResponseEntity<String> inloggen(HttpServletRequest request, @RequestParam(required = false) String fout,
      @RequestParam(required = false) String uitgelogd) {
    CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
    String melding = fout != null ? "<p class=\"fout\" role=\"alert\">Gebruikersnaam of wachtwoord onjuist.</p>"
        : uitgelogd != null ? "<p role=\"status\">U bent uitgelogd.</p>" : "";
    String html = AuditPaginas.pagina("Inloggen — Reconstructie van zaken", """
        <main id="inhoud" class="smal">
          <h1>Inloggen</h1>
          <p>De reconstructie van zaken is voor auditors en voor teamleiders van Veilig Thuis (zaken van de eigen
          regio). Log in met uw gebruiker van de procesengine, dezelfde als voor Cockpit.</p>
          %s
          <form method="post" action="/audit/inloggen">
            <input type="hidden" name="%s" value="%s">
            <p><label for="gebruikersnaam">Gebruikersnaam</label><br>
            <input id="gebruikersnaam" name="username" autocomplete="username" required autofocus></p>
            <p><label for="wachtwoord">Wachtwoord</label><br>
            <input id="wachtwoord" name="password" type="password" autocomplete="current-password" required></p>
            <p><button type="submit">Inloggen</button></p>
          </form>
        </main>""".formatted(melding, token == null ? "_csrf" : HtmlUtils.htmlEscape(token.getParameterName()),
        token == null ? "" : HtmlUtils.htmlEscape(token.getToken())));
    return ResponseEntity.ok().contentType(AuditController.HTML).body(html);
  }

  private static ResponseEntity<String> foutpagina(ErrorResponseException fout) {
    String titel = fout.getBody().getTitle() == null ? "Fout" : fout.getBody().getTitle();
    return ResponseEntity.status(fout.getStatusCode()).contentType(AuditController.HTML)
        .body(AuditPaginas.fout(HttpStatus.valueOf(fout.getStatusCode().value()), titel,
            fout.getBody().getDetail()));
  }
}
