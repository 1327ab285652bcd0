package nl.hgkm.keten.document;

import java.util.Map;
import nl.hgkm.keten.sjabloon.TekstSjabloon;
import org.springframework.stereotype.Component;

/**
 * Dutch document templates in {@code src/main/resources/documenten/<naam>.txt} (beschikkingen, letters); the first
 * line is {@code Titel: ...}. Placeholders and sections as {@link TekstSjabloon} describes.
 */
@Component
public class DocumentSjablonen {

  public Opgemaakt maakOp(String sjabloon, Map<String, ?> waarden) {
    TekstSjabloon.Opgemaakt opgemaakt = TekstSjabloon.maakOp("documenten", "Titel:", sjabloon, waarden);
    return new Opgemaakt(opgemaakt.kop(), opgemaakt.tekst());
  }

  /** A filled-in document: its title (for lists) and its full text. */
  public record Opgemaakt(String titel, String tekst) {}
}
