package nl.hgkm.keten.radar;

/** Why the radar flagged a case to vt-teamleider as a candidate for MDA++. */
public enum RadarReden {

  /** The persons were known to Veilig Thuis and that involvement ended (or runs elsewhere) within the period. */
  HERMELDING("hermelding binnen de periode"),

  /** At least {@code keten.radar.aantal-meldingen} meldingen about the same persons within the period. */
  AANTAL_MELDINGEN("herhaalde meldingen binnen de periode");

  private final String omschrijving;

  RadarReden(String omschrijving) {
    this.omschrijving = omschrijving;
  }

  /** In Dutch, for forms and the audit trail. */
  public String omschrijving() {
    return omschrijving;
  }
}
