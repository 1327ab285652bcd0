package nl.hgkm.keten.notificatie;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Dutch mail templates in {@code src/main/resources/mail/<naam>.txt}: the first line is {@code Onderwerp: ...}, the
 * rest the body; {@code {{naam}}} placeholders are filled from a map. A missing placeholder value is an error, so
 * no mail leaves with a hole in it.
 */
@Component
public class MailSjablonen {

  private static final Pattern PLAATSHOUDER = Pattern.compile("\\{\\{\\s*([a-zA-Z0-9]+)\\s*}}");

  public Opgemaakt maakOp(String sjabloon, Map<String, ?> waarden) {
    String tekst = lees(sjabloon);
    int eindeEersteRegel = tekst.indexOf('\n');
    String eersteRegel = tekst.substring(0, eindeEersteRegel).strip();
    if (!eersteRegel.startsWith("Onderwerp:")) {
      throw new IllegalStateException("Mailsjabloon " + sjabloon + " begint niet met 'Onderwerp:'");
    }
    String onderwerp = vul(sjabloon, eersteRegel.substring("Onderwerp:".length()).strip(), waarden);
    String inhoud = vul(sjabloon, tekst.substring(eindeEersteRegel + 1).stripLeading(), waarden);
    return new Opgemaakt(onderwerp, inhoud);
  }

  private static String vul(String sjabloon, String tekst, Map<String, ?> waarden) {
    Matcher matcher = PLAATSHOUDER.matcher(tekst);
    StringBuilder resultaat = new StringBuilder();
    while (matcher.find()) {
      String naam = matcher.group(1);
      Object waarde = waarden.get(naam);
      if (waarde == null) {
        throw new IllegalStateException("Mailsjabloon " + sjabloon + " mist een waarde voor {{" + naam + "}}");
      }
      matcher.appendReplacement(resultaat, Matcher.quoteReplacement(waarde.toString()));
    }
    matcher.appendTail(resultaat);
    return resultaat.toString();
  }

  private static String lees(String sjabloon) {
    try (InputStream in = new ClassPathResource("mail/" + sjabloon + ".txt").getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException fout) {
      throw new UncheckedIOException("Mailsjabloon " + sjabloon + " niet gevonden", fout);
    }
  }

  public record Opgemaakt(String onderwerp, String tekst) {}
}
