package nl.hgkm.keten.meldcode;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.hgkm.keten.api.VeldFout;

/**
 * The field errors of the API, worded for the Tasklist start form: the field's label instead of its path in the
 * JSON body, all in one message (Tasklist shows one message under the form).
 */
final class Formulierfouten {

  private static final Pattern BETROKKENE = Pattern.compile("betrokkenen\\[(\\d+)]\\.(\\w+)");

  private Formulierfouten() {}

  static String tekst(List<VeldFout> fouten) {
    return "Controleer het formulier. " + fouten.stream()
        .map(fout -> label(fout.field()) + ": " + fout.message())
        .collect(Collectors.joining("; ")) + ".";
  }

  static String label(String veld) {
    if (veld.startsWith("antwoorden.")) {
      return Afwegingsvraag.vanNaam(veld.substring("antwoorden.".length()))
          .map(vraag -> "Afweging " + vraag.nummer() + " (" + vraag.kort() + ")").orElse(veld);
    }
    if (veld.startsWith("toelichting.")) {
      return Afwegingsvraag.vanNaam(veld.substring("toelichting.".length()))
          .map(vraag -> "Toelichting bij afweging " + vraag.nummer()).orElse(veld);
    }
    Matcher betrokkene = BETROKKENE.matcher(veld);
    if (betrokkene.matches()) {
      String onderdeel = switch (betrokkene.group(2)) {
        case "bsn" -> "BSN";
        case "geboortedatum" -> "geboortedatum";
        case "rol" -> "rol";
        default -> betrokkene.group(2);
      };
      return "Betrokkene " + (Integer.parseInt(betrokkene.group(1)) + 1) + ", " + onderdeel;
    }
    return switch (veld) {
      case "regio" -> "Veilig Thuis-regio";
      case "melder.naam" -> "Uw naam";
      case "melder.email" -> "Uw e-mailadres";
      case "melder.type" -> "Soort melder";
      case "betrokkenen" -> "Betrokkenen";
      case "omschrijving" -> "Wat u zag of hoorde";
      case "" -> "Formulier";
      default -> veld;
    };
  }
}
