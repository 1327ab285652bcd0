package nl.hgkm.keten.meldcode;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A step of a weighing as {@code POST /api/meldcode/afweging} (contract §5) or the Tasklist start form gives it.
 *
 * @param afwegingId  null for a new weighing
 * @param antwoorden  the answers in this request; a question mapped to null withdraws an earlier answer, a question
 *                    that is absent keeps what was recorded before
 * @param toelichting the reasoning per question in this request (never blank)
 */
public record AfwegingVerzoek(
    String afwegingId,
    Map<Afwegingsvraag, Boolean> antwoorden,
    Map<Afwegingsvraag, String> toelichting) {

  public AfwegingVerzoek {
    // EnumMap: null values mean "not answered" and must survive the copy.
    antwoorden = Collections.unmodifiableMap(kopie(antwoorden));
    toelichting = Collections.unmodifiableMap(kopie(toelichting));
  }

  private static <T> Map<Afwegingsvraag, T> kopie(Map<Afwegingsvraag, T> bron) {
    Map<Afwegingsvraag, T> kopie = new EnumMap<>(Afwegingsvraag.class);
    kopie.putAll(bron);
    return kopie;
  }
}
