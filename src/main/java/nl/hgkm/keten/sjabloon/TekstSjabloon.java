package nl.hgkm.keten.sjabloon;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;

/**
 * Dutch text templates on the classpath ({@code mail/<naam>.txt}, {@code documenten/<naam>.txt}), kept as text so that
 * a jurist or a communication adviser can change the wording without touching code. The first line is a header
 * ({@code Onderwerp: ...} for a mail, {@code Titel: ...} for a document), the rest the text.
 *
 * <p>{@code {{naam}}} is replaced by a value, and a missing value is an error, so that nothing leaves with a hole in
 * it. Passages that apply only sometimes (an oral order, a mandate) are sections in the Mustache style:
 * {@code {{#naam}}...{{/naam}}} is kept when the value is true, a non-blank text or a non-empty list,
 * {@code {{^naam}}...{{/naam}}} when it is not; a missing value counts as false there. Sections of different names
 * may nest. Blank lines left behind by an omitted section are collapsed to one.
 */
public final class TekstSjabloon {

  private static final Pattern SECTIE =
      Pattern.compile("\\{\\{([#^])\\s*([a-zA-Z0-9]+)\\s*}}(.*?)\\{\\{/\\s*\\2\\s*}}", Pattern.DOTALL);
  private static final Pattern PLAATSHOUDER = Pattern.compile("\\{\\{\\s*([a-zA-Z0-9]+)\\s*}}");
  private static final Pattern LEGE_REGELS = Pattern.compile("\\n([ \\t]*\\n){2,}");

  private TekstSjabloon() {}

  /**
   * @param map  the classpath folder, e.g. {@code mail}
   * @param kop  the header the first line must start with, e.g. {@code Onderwerp:}
   */
  public static Opgemaakt maakOp(String map, String kop, String sjabloon, Map<String, ?> waarden) {
    String naam = map + "/" + sjabloon;
    String tekst = lees(naam).replace("\r\n", "\n");
    int eindeEersteRegel = tekst.indexOf('\n');
    String eersteRegel = eindeEersteRegel < 0 ? tekst : tekst.substring(0, eindeEersteRegel).strip();
    if (!eersteRegel.startsWith(kop)) {
      throw new IllegalStateException("Sjabloon " + naam + " begint niet met '" + kop + "'");
    }
    String hoofd = vul(naam, eersteRegel.substring(kop.length()).strip(), waarden);
    String inhoud = vul(naam, tekst.substring(eindeEersteRegel + 1).stripLeading(), waarden);
    inhoud = LEGE_REGELS.matcher(inhoud).replaceAll("\n\n").strip() + "\n";
    return new Opgemaakt(hoofd, inhoud);
  }

  private static String vul(String sjabloon, String tekst, Map<String, ?> waarden) {
    return vulPlaatshouders(sjabloon, vulSecties(sjabloon, tekst, waarden), waarden);
  }

  private static String vulSecties(String sjabloon, String tekst, Map<String, ?> waarden) {
    Matcher matcher = SECTIE.matcher(tekst);
    StringBuilder resultaat = new StringBuilder();
    while (matcher.find()) {
      boolean tonen = waar(waarden.get(matcher.group(2)));
      if (matcher.group(1).equals("^")) {
        tonen = !tonen;
      }
      String inhoud = tonen ? vulSecties(sjabloon, matcher.group(3), waarden) : "";
      matcher.appendReplacement(resultaat, Matcher.quoteReplacement(inhoud));
    }
    matcher.appendTail(resultaat);
    return resultaat.toString();
  }

  private static String vulPlaatshouders(String sjabloon, String tekst, Map<String, ?> waarden) {
    Matcher matcher = PLAATSHOUDER.matcher(tekst);
    StringBuilder resultaat = new StringBuilder();
    while (matcher.find()) {
      String naam = matcher.group(1);
      Object waarde = waarden.get(naam);
      if (waarde == null) {
        throw new IllegalStateException("Sjabloon " + sjabloon + " mist een waarde voor {{" + naam + "}}");
      }
      matcher.appendReplacement(resultaat, Matcher.quoteReplacement(waarde.toString()));
    }
    matcher.appendTail(resultaat);
    if (tekst.contains("{{#") || tekst.contains("{{^") || tekst.contains("{{/")) {
      throw new IllegalStateException("Sjabloon " + sjabloon + " heeft een sectie zonder afsluiting");
    }
    return resultaat.toString();
  }

  private static boolean waar(Object waarde) {
    if (waarde == null) {
      return false;
    }
    if (waarde instanceof Boolean b) {
      return b;
    }
    if (waarde instanceof CharSequence tekst) {
      return !tekst.toString().isBlank();
    }
    if (waarde instanceof Collection<?> lijst) {
      return !lijst.isEmpty();
    }
    return true;
  }

  private static String lees(String sjabloon) {
    try (InputStream in = new ClassPathResource(sjabloon + ".txt").getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException fout) {
      throw new UncheckedIOException("Sjabloon " + sjabloon + " niet gevonden", fout);
    }
  }

  /** A filled-in template: its header (a mail's subject, a document's title) and its full text. */
  public record Opgemaakt(String kop, String tekst) {}
}
