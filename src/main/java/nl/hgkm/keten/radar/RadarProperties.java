package nl.hgkm.keten.radar;

import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The parameters of the radar over time ({@code keten.radar.*}): when repeat reports about the same persons flag a
 * case to vt-teamleider as a candidate for MDA++ (research notes §3.6: Veilig Thuis combines signals from different
 * reporters over a longer period).
 *
 * @param periode             how far back the radar looks (default 12 months): meldingen about the same persons, the
 *                            end of an earlier involvement, and how long a flag stands before the same reason may flag
 *                            the case again
 * @param hermeldingSignaal   whether a hermelding within the period raises a signal (default true)
 * @param aantalMeldingen     this many meldingen or more about the same persons within the period, the new one
 *                            included, raise a signal (default 3; at least 2)
 * @param beoordelingstermijn due date of the team leader's task {@code mda-kandidaat-beoordelen} (default 5 days)
 */
@ConfigurationProperties("keten.radar")
public record RadarProperties(Period periode, Boolean hermeldingSignaal, Integer aantalMeldingen,
    Period beoordelingstermijn) {

  public RadarProperties {
    periode = periode == null ? Period.ofMonths(12) : periode;
    hermeldingSignaal = hermeldingSignaal == null ? Boolean.TRUE : hermeldingSignaal;
    aantalMeldingen = aantalMeldingen == null ? 3 : aantalMeldingen;
    beoordelingstermijn = beoordelingstermijn == null ? Period.ofDays(5) : beoordelingstermijn;
    if (periode.isNegative() || periode.isZero()) {
      throw new IllegalArgumentException("keten.radar.periode moet positief zijn, niet " + periode);
    }
    if (aantalMeldingen < 2) {
      throw new IllegalArgumentException("keten.radar.aantal-meldingen moet minstens 2 zijn, niet " + aantalMeldingen);
    }
  }

  /** The period in Dutch words for forms and audit lines: "12 maanden", "1 jaar en 6 maanden". */
  public String periodeTekst() {
    return tekst(periode);
  }

  static String tekst(Period periode) {
    List<String> delen = new ArrayList<>();
    if (periode.getYears() != 0) {
      delen.add(periode.getYears() + " jaar");
    }
    if (periode.getMonths() != 0) {
      delen.add(periode.getMonths() + (periode.getMonths() == 1 ? " maand" : " maanden"));
    }
    if (periode.getDays() != 0) {
      delen.add(periode.getDays() + (periode.getDays() == 1 ? " dag" : " dagen"));
    }
    return delen.size() == 1 ? delen.get(0)
        : String.join(", ", delen.subList(0, delen.size() - 1)) + " en " + delen.get(delen.size() - 1);
  }
}
