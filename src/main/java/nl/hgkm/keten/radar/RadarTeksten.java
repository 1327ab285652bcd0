package nl.hgkm.keten.radar;

import java.time.format.DateTimeFormatter;
import java.util.Map;

/** The radar's codes in the Dutch a team leader reads in Tasklist. */
final class RadarTeksten {

  static final DateTimeFormatter DATUM = DateTimeFormatter.ofPattern("dd-MM-yyyy");

  private static final Map<String, String> MELDERS = Map.of(
      "PROFESSIONAL", "professional",
      "BURGER", "burger",
      "POLITIE", "politie",
      "INFORMANT_ARTS", "arts (informant)");

  private static final Map<String, String> CATEGORIEEN = Map.of(
      "NIEUWE_MELDING", "nieuwe melding",
      "HERMELDING", "hermelding",
      "VERVOLGMELDING_TIJDENS_VB", "vervolgmelding tijdens de veiligheidsbeoordeling",
      "VERVOLGMELDING_NA_VB", "vervolgmelding na de veiligheidsbeoordeling",
      "VERVOLGMELDING_TIJDENS_MONITORING", "vervolgmelding tijdens monitoring");

  private RadarTeksten() {}

  static String melder(String melderType) {
    return MELDERS.getOrDefault(melderType, melderType);
  }

  static String categorie(String categorie) {
    return CATEGORIEEN.getOrDefault(categorie, categorie);
  }
}
