package nl.hgkm.keten.audit;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The replay as one self-contained HTML document an inspector can archive: no script, no outside file, styles
 * inline; it states when it was made and by whom. The diagrams are given as the list of elements passed (with counts
 * and times) and the flows inferred from them, since a drawing would need the page's script.
 */
@Component
class AuditExport {

  private static final DateTimeFormatter TIJD = DateTimeFormatter.ofPattern("d-M-yyyy HH:mm:ss", new Locale("nl"));

  String html(Reconstructie r) {
    StringBuilder h = new StringBuilder(32_000);
    h.append("<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\"><title>Reconstructie ")
        .append(e(r.zaaknummer())).append("</title><style>")
        .append("body{font-family:system-ui,sans-serif;margin:2rem;color:#1b1b1b;line-height:1.4}")
        .append("table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}th,td{border:1px solid #999;")
        .append("padding:.25rem .4rem;text-align:left;vertical-align:top;font-size:.9rem}th{background:#e8e8e8}")
        .append("h1{font-size:1.6rem}h2{font-size:1.3rem;margin-top:2rem}h3{font-size:1.1rem}")
        .append(".meta{background:#f3f3f3;padding:.6rem;border-left:4px solid #154273}")
        .append("</style></head><body>\n");
    h.append("<h1>Reconstructie van zaak ").append(e(r.zaaknummer())).append("</h1>\n");
    h.append("<p class=\"meta\">Opgesteld op ").append(tijd(r.opgesteldOp())).append(" door <strong>")
        .append(e(r.opgesteldDoor())).append("</strong>, uit de historie van de procesengine en het audittrail van ")
        .append("de zaak. Zaaktype ").append(e(r.zaaktype())).append(", regio ").append(e(r.regio()))
        .append(". Dit document bevat geen identiteit van een melder aan wie anonimiteit is toegezegd.</p>\n");
    if (!r.gekoppeldeZaken().isEmpty()) {
      h.append("<h2>Gekoppelde zaken</h2><ul>");
      r.gekoppeldeZaken().forEach(g -> h.append("<li>").append(e(g.zaaknummer())).append(": ")
          .append(e(g.relatie())).append("</li>"));
      h.append("</ul>\n");
    }
    h.append("<h2>Processen</h2>\n<table><thead><tr><th scope=\"col\">Proces</th><th scope=\"col\">Zaak</th>")
        .append("<th scope=\"col\">Versie</th><th scope=\"col\">Start</th><th scope=\"col\">Einde</th>")
        .append("<th scope=\"col\">Status</th></tr></thead><tbody>");
    for (Reconstructie.Proces p : r.processen()) {
      h.append("<tr><td>").append(e(p.naam())).append(" (").append(e(p.proces())).append(")</td><td>")
          .append(e(p.zaaknummer())).append("</td><td>").append(p.versie())
          .append(p.versieLabel() == null ? "" : " (" + e(p.versieLabel()) + ")").append("</td><td>")
          .append(tijd(p.start())).append("</td><td>").append(tijd(p.einde())).append("</td><td>")
          .append(e(p.status())).append("</td></tr>");
    }
    h.append("</tbody></table>\n");
    for (Reconstructie.Proces p : r.processen()) {
      h.append("<h3>Doorlopen pad: ").append(e(p.naam())).append(" (").append(e(p.zaaknummer())).append(")</h3>")
          .append("<table><thead><tr><th scope=\"col\">Element</th><th scope=\"col\">Keer</th>")
          .append("<th scope=\"col\">Eerst</th><th scope=\"col\">Laatst beëindigd</th></tr></thead><tbody>");
      for (Reconstructie.Activiteit a : p.activiteiten()) {
        h.append("<tr><td>").append(e(a.naam())).append(a.open() ? " <strong>(huidige positie)</strong>" : "")
            .append("</td><td>").append(a.aantal()).append("</td><td>").append(tijd(a.eerste())).append("</td><td>")
            .append(tijd(a.laatste())).append("</td></tr>");
      }
      h.append("</tbody></table><p>Genomen stroompijlen (afgeleid uit de volgorde van de activiteiten; Camunda 7 ")
          .append("slaat stroompijlen niet op): ").append(e(p.paden().stream().map(Reconstructie.Pad::flowId)
              .collect(Collectors.joining(", ")))).append("</p>\n");
    }
    h.append("<h2>Tijdlijn</h2>\n<table><thead><tr><th scope=\"col\">Tijdstip</th><th scope=\"col\">Soort</th>")
        .append("<th scope=\"col\">Proces</th><th scope=\"col\">Wat</th><th scope=\"col\">Gebruiker</th>")
        .append("<th scope=\"col\">Bron</th></tr></thead><tbody>");
    for (Reconstructie.Gebeurtenis g : r.tijdlijn()) {
      h.append("<tr><td>").append(tijd(g.tijdstip())).append("</td><td>").append(e(g.soort())).append("</td><td>")
          .append(e(g.proces())).append("</td><td>").append(e(g.omschrijving())).append(details(g.details()))
          .append("</td><td>").append(e(g.gebruiker())).append("</td><td>").append(e(g.bron()))
          .append("</td></tr>");
    }
    h.append("</tbody></table>\n<h2>Beslissingen</h2>\n");
    for (Reconstructie.Beslissing b : r.beslissingen()) {
      h.append("<h3>").append(e(b.naam())).append(" — versie ").append(b.versie()).append(" (")
          .append(e(b.definitieId())).append("), ").append(tijd(b.tijdstip())).append("</h3>")
          .append("<p>Hit policy ").append(e(b.hitPolicy())).append(b.activiteit() == null ? ""
              : "; in " + e(b.activiteit())).append("</p><table><thead><tr><th scope=\"col\">Invoer</th>")
          .append("<th scope=\"col\">Waarde</th></tr></thead><tbody>");
      b.invoer().forEach(i -> h.append("<tr><td>").append(e(i.label())).append("</td><td>")
          .append(e(String.valueOf(i.waarde()))).append("</td></tr>"));
      h.append("</tbody></table><table><thead><tr><th scope=\"col\">Uitvoer</th><th scope=\"col\">Waarde</th>")
          .append("<th scope=\"col\">Regel</th></tr></thead><tbody>");
      b.uitvoer().forEach(u -> h.append("<tr><td>").append(e(u.naam() == null ? u.label() : u.naam()))
          .append("</td><td>").append(e(String.valueOf(u.waarde()))).append("</td><td>").append(e(u.regelId()))
          .append("</td></tr>"));
      h.append("</tbody></table><table><thead><tr><th scope=\"col\">Regel</th><th scope=\"col\">Nr.</th>")
          .append("<th scope=\"col\">Bron (annotatie)</th></tr></thead><tbody>");
      b.regels().forEach(g -> h.append("<tr><td>").append(e(g.id())).append("</td><td>").append(g.volgorde())
          .append("</td><td>").append(e(g.annotatie())).append("</td></tr>"));
      h.append("</tbody></table>\n");
    }
    h.append("<h2>Inzage (wie heeft deze zaak ingezien)</h2>\n<table><thead><tr><th scope=\"col\">Tijdstip</th>")
        .append("<th scope=\"col\">Gebruiker</th><th scope=\"col\">Rollen</th><th scope=\"col\">Wat</th>")
        .append("<th scope=\"col\">Uitkomst</th><th scope=\"col\">Adres</th></tr></thead><tbody>");
    for (Reconstructie.Inzage i : r.inzage()) {
      h.append("<tr><td>").append(tijd(i.tijdstip())).append("</td><td>").append(e(i.gebruiker()))
          .append("</td><td>").append(e(i.rollen())).append("</td><td>").append(e(i.wat())).append("</td><td>")
          .append(e(i.uitkomst())).append("</td><td>").append(e(i.adres())).append("</td></tr>");
    }
    h.append("</tbody></table>\n<p><small>Keten HG/KM — reconstructie opgesteld ").append(tijd(r.opgesteldOp()))
        .append(" door ").append(e(r.opgesteldDoor())).append(".</small></p>\n</body></html>\n");
    return h.toString();
  }

  private static String details(Map<String, Object> details) {
    if (details == null || details.isEmpty()) {
      return "";
    }
    return "<br><small>" + e(details.entrySet().stream().filter(d -> !(d.getValue() instanceof java.util.List<?> l)
            || !l.isEmpty())
        .map(d -> d.getKey() + ": " + d.getValue()).collect(Collectors.joining("; "))) + "</small>";
  }

  private static String tijd(OffsetDateTime moment) {
    return moment == null ? "" : moment.format(TIJD);
  }

  private static String e(String tekst) {
    return tekst == null ? "" : HtmlUtils.htmlEscape(tekst, "UTF-8");
  }
}
