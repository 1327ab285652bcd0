package nl.hgkm.keten.privacy;

import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import org.springframework.web.util.HtmlUtils;

/** The inzage document as one printable Dutch HTML page: what the privacy officer hands to the person. */
final class InzageHtml {

  private static final DateTimeFormatter DATUM = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("nl"));
  private static final DateTimeFormatter TIJD =
      DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm", Locale.forLanguageTag("nl"));

  private InzageHtml() {}

  static String van(InzageDocument document) {
    StringBuilder h = new StringBuilder("""
        <!DOCTYPE html>
        <html lang="nl"><head><meta charset="utf-8"><title>Inzage in uw gegevens</title>
        <style>body{font-family:sans-serif;max-width:60em;margin:2em auto}table{border-collapse:collapse}
        td,th{border:1px solid #999;padding:.2em .5em;text-align:left;vertical-align:top}</style></head><body>
        <h1>Inzage in uw gegevens (AVG artikel 15)</h1>
        """);
    h.append("<p>Opgesteld op ").append(tijd(document.opgesteldOp())).append(" door ")
        .append(e(document.opgesteldDoor())).append(".</p>\n");
    if (document.zaken().isEmpty()) {
      h.append("<p>Wij hebben geen gegevens over u gevonden.</p>\n");
    }
    for (InzageDocument.Zaak zaak : document.zaken()) {
      h.append("<h2>Zaak ").append(e(zaak.zaaknummer())).append(" (")
          .append("HUISVERBOD".equals(zaak.zaaktype()) ? "tijdelijk huisverbod" : "Veilig Thuis").append(", ")
          .append(e(zaak.regio())).append(")</h2>\n<p>Geopend op ").append(tijd(zaak.aangemaaktOp())).append("; ")
          .append(zaak.lopend() ? "de zaak loopt nog." : "afgesloten op " + tijd(zaak.afgeslotenOp())
              + "; bewaard tot " + datum(zaak.bewarenTot()) + ".")
          .append("</p>\n<h3>Uw gegevens</h3>\n<table><tr><th>Rol</th><th>Naam</th><th>Geboortedatum</th>"
              + "<th>BSN</th></tr>\n");
      for (InzageDocument.Persoonsgegevens p : zaak.persoonsgegevens()) {
        h.append("<tr><td>").append(e(p.rol())).append("</td><td>").append(e(p.naam())).append("</td><td>")
            .append(datum(p.geboortedatum())).append("</td><td>").append(e(p.bsn())).append("</td></tr>\n");
      }
      h.append("</table>\n");
      if (!zaak.meldingen().isEmpty()) {
        h.append("<h3>Meldingen</h3>\n<table><tr><th>Ontvangen</th><th>Melder</th><th>Signalen</th>"
            + "<th>Omschrijving</th></tr>\n");
        for (InzageDocument.Melding m : zaak.meldingen()) {
          h.append("<tr><td>").append(tijd(m.ontvangenOp())).append("</td><td>").append(e(m.melderType()))
              .append(": ").append(e(m.melder())).append("</td><td>").append(e(m.signalen())).append("</td><td>")
              .append(e(m.omschrijving())).append("</td></tr>\n");
        }
        h.append("</table>\n");
      }
      if (zaak.huisverbod() != null) {
        InzageDocument.Huisverbod hv = zaak.huisverbod();
        h.append("<h3>Tijdelijk huisverbod</h3>\n<p>Gemeente ").append(e(hv.gemeente())).append("; incident op ")
            .append(tijd(hv.incidentOp())).append("; woning ").append(e(hv.woning())).append("; advies ")
            .append(e(hv.advies())).append(".</p>\n<p>").append(e(hv.feiten())).append("</p>\n");
      }
      lijst(h, "Documenten", zaak.documenten().stream()
          .map(d -> tijd(d.aangemaaktOp()) + ": " + e(d.titel())).toList());
      lijst(h, "Contact voor hulp", zaak.contacten().stream()
          .map(c -> tijd(c.vastgelegdOp()) + ": contact " + (c.contactGelegd() ? "gelegd" : "niet gelegd")
              + ", hulp " + (c.hulpAanvaard() ? "aanvaard" : "niet aanvaard") + ". " + e(c.toelichting())).toList());
      lijst(h, "Wat er met uw dossier is gedaan", zaak.verwerkingen().stream()
          .map(v -> tijd(v.tijdstip()) + ": " + e(v.omschrijving())).toList());
      lijst(h, "Ontvangers van gegevens", zaak.ontvangers().stream().map(InzageHtml::e).toList());
    }
    h.append("<h2>De procesengine</h2>\n<p>").append(e(document.procesengine())).append("</p>\n")
        .append("<h2>Uw rechten</h2>\n<p>").append(e(document.rechten())).append("</p>\n</body></html>\n");
    return h.toString();
  }

  private static void lijst(StringBuilder h, String kop, List<String> regels) {
    if (regels.isEmpty()) {
      return;
    }
    h.append("<h3>").append(kop).append("</h3>\n<ul>\n");
    regels.forEach(r -> h.append("<li>").append(r).append("</li>\n"));
    h.append("</ul>\n");
  }

  private static String e(String tekst) {
    return tekst == null ? "" : HtmlUtils.htmlEscape(tekst);
  }

  private static String datum(TemporalAccessor datum) {
    return datum == null ? "" : DATUM.format(datum);
  }

  private static String tijd(TemporalAccessor tijd) {
    return tijd == null ? "" : TIJD.format(tijd);
  }
}
