package nl.hgkm.keten.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Dutch document templates in {@code src/main/resources/documenten/<naam>.txt} (beschikkingen, letters), kept as
 * text so that a jurist can change the wording without touching code. The first line is {@code Titel: ...}, the
 * rest the text.
 *
 * <p>Like the mail templates ({@code MailSjablonen}), {@code {{naam}}} is replaced by a value, and a missing value is
 * an error, so that no document leaves with a hole in it. Documents also have passages that apply only sometimes
 * (an oral order, a mandate), so templates may hold sections in the Mustache style: {@code {{#naam}}...{{/naam}}}
 * is kept when the value is true, a non-blank text or a non-empty list, {@code {{^naam}}...{{/naam}}} when it is
 * not; a missing value counts as false there. Sections of different names may nest. Blank lines left behind by an
 * omitted section are collapsed to one.
 */
@Component
public class DocumentSjablonen {

  private static final Pattern SECTIE =
      Pattern.compile("\\{\\{([#^])\\s*([a-zA-Z0-9]+)\\s*}}(.*?)\\{\\{/\\s*\\2\\s*}}", Pattern.DOTALL);
  private static final Pattern PLAATSHOUDER = Pattern.compile("\\{\\{\\s*([a-zA-Z0-9]+)\\s*}}");
  private static final Pattern LEGE_REGELS = Pattern.compile("\\n([ \\t]*\\n){2,}");

  public Opgemaakt maakOp(String sjabloon, Map<String, ?> waarden) {
    String tekst = lees(sjabloon).replace("\r\n", "\n");
    int eindeEersteRegel = tekst.indexOf('\n');
    String eersteRegel = eindeEersteRegel < 0 ? tekst : tekst.substring(0, eindeEersteRegel).strip();
    if (!eersteRegel.startsWith("Titel:")) {
      throw new IllegalStateException("Documentsjabloon " + sjabloon + " begint niet met 'Titel:'");
    }
    String titel = vul(sjabloon, eersteRegel.substring("Titel:".length()).strip(), waarden);
    String inhoud = vul(sjabloon, tekst.substring(eindeEersteRegel + 1).stripLeading(), waarden);
    inhoud = LEGE_REGELS.matcher(inhoud).replaceAll("\n\n").strip() + "\n";
    return new Opgemaakt(titel, inhoud);
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
        throw new IllegalStateException("Documentsjabloon " + sjabloon + " mist een waarde voor {{" + naam + "}}");
      }
      matcher.appendReplacement(resultaat, Matcher.quoteReplacement(waarde.toString()));
    }
    matcher.appendTail(resultaat);
    if (tekst.contains("{{#") || tekst.contains("{{^") || tekst.contains("{{/")) {
      throw new IllegalStateException("Documentsjabloon " + sjabloon + " heeft een sectie zonder afsluiting");
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
    try (InputStream in = new ClassPathResource("documenten/" + sjabloon + ".txt").getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException fout) {
      throw new UncheckedIOException("Documentsjabloon " + sjabloon + " niet gevonden", fout);
    }
  }

  /** A filled-in document: its title (for lists) and its full text. */
  public record Opgemaakt(String titel, String tekst) {}
}
