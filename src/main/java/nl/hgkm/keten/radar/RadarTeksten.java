package nl.hgkm.keten.radar;

import java.time.format.DateTimeFormatter;
import nl.hgkm.keten.tasklist.Weergave;

/** The radar's codes in the Dutch a team leader reads in Tasklist: the words of the one mapping, {@link Weergave}. */
final class RadarTeksten {

  static final DateTimeFormatter DATUM = DateTimeFormatter.ofPattern("dd-MM-yyyy");

  private RadarTeksten() {}

  static String melder(String melderType) {
    return Weergave.woord(melderType);
  }

  static String categorie(String categorie) {
    return Weergave.woord(categorie);
  }
}
