package nl.hgkm.keten.audit;

import org.springframework.http.HttpStatus;
import org.springframework.web.util.HtmlUtils;

/** The frame of the auditor's server-made pages (login, errors): Dutch, one stylesheet, a skip link. */
public final class AuditPaginas {

  private AuditPaginas() {}

  public static String pagina(String titel, String inhoud) {
    return """
        <!DOCTYPE html>
        <html lang="nl">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>%s</title><link rel="stylesheet" href="/audit/audit.css"></head>
        <body>
        <a class="overslaan" href="#inhoud">Naar de inhoud</a>
        <header class="kop"><p class="merk">Keten HG/KM · Reconstructie van zaken</p></header>
        %s
        </body></html>
        """.formatted(HtmlUtils.htmlEscape(titel), inhoud);
  }

  /** A Dutch error page: what went wrong and where to go from here. */
  public static String fout(HttpStatus status, String titel, String uitleg) {
    return pagina(titel + " — Reconstructie van zaken", """
        <main id="inhoud" class="smal">
          <h1>%s</h1>
          <p>%s</p>
          <p>(HTTP %d)</p>
          <p><a href="/audit/">Naar het zoeken van zaken</a></p>
        </main>""".formatted(HtmlUtils.htmlEscape(titel), HtmlUtils.htmlEscape(uitleg == null ? "" : uitleg),
        status.value()));
  }
}
