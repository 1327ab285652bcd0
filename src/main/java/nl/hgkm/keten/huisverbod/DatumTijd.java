package nl.hgkm.keten.huisverbod;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import nl.hgkm.keten.engine.OngeldigeTaakInvoerException;

/**
 * Date-time process variables as clients send them (contract §3): an ISO-8601 string with an offset, as Camunda
 * Forms submit it ({@code 2026-03-25T12:00:00+01:00}, also without seconds), or a Camunda {@code Date}.
 */
final class DatumTijd {

  private DatumTijd() {}

  /** @return the moment, or null when absent; throws {@link OngeldigeTaakInvoerException} naming the field */
  static Instant lees(String veld, Object waarde) {
    if (waarde == null || (waarde instanceof String s && s.isBlank())) {
      return null;
    }
    if (waarde instanceof Date datum) {
      return datum.toInstant();
    }
    if (waarde instanceof String tekst) {
      try {
        return OffsetDateTime.parse(tekst.strip()).toInstant();
      } catch (DateTimeParseException fout) {
        throw new OngeldigeTaakInvoerException(veld + " is geen datum-tijd met tijdzone (bijvoorbeeld "
            + "2026-03-25T12:00:00+01:00): '" + tekst + "'");
      }
    }
    throw new OngeldigeTaakInvoerException(veld + " moet een datum-tijd zijn, niet " + waarde.getClass().getSimpleName());
  }
}
