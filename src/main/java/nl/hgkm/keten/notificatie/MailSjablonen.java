package nl.hgkm.keten.notificatie;

import java.util.Map;
import nl.hgkm.keten.sjabloon.TekstSjabloon;
import org.springframework.stereotype.Component;

/**
 * Dutch mail templates in {@code src/main/resources/mail/<naam>.txt}: the first line is {@code Onderwerp: ...}, the
 * rest the body. Placeholders and sections as {@link TekstSjabloon} describes; a missing value is an error, so no
 * mail leaves with a hole in it.
 */
@Component
public class MailSjablonen {

  public Opgemaakt maakOp(String sjabloon, Map<String, ?> waarden) {
    TekstSjabloon.Opgemaakt opgemaakt = TekstSjabloon.maakOp("mail", "Onderwerp:", sjabloon, waarden);
    return new Opgemaakt(opgemaakt.kop(), opgemaakt.tekst());
  }

  public record Opgemaakt(String onderwerp, String tekst) {}
}
