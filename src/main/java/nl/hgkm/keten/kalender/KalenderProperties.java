package nl.hgkm.keten.kalender;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param tijdzone        the legal clock of the chain (Europe/Amsterdam)
 * @param extraVrijeDagen days declared equal to a public holiday by royal decree (Algemene termijnenwet art. 3(3)),
 *                        published per three years; a parameter, never a literal
 */
@ConfigurationProperties("keten.kalender")
public record KalenderProperties(ZoneId tijdzone, List<LocalDate> extraVrijeDagen) {
  public KalenderProperties {
    tijdzone = tijdzone == null ? ZoneId.of("Europe/Amsterdam") : tijdzone;
    extraVrijeDagen = extraVrijeDagen == null ? List.of() : List.copyOf(extraVrijeDagen);
  }
}
