package nl.hgkm.keten.zaak;

/** The kinds of case this installation keeps a file for, each with the prefix of its zaaknummer (contract §3). */
public enum Zaaktype {
  /** A Veilig Thuis case, from melding to closure: {@code VT-<yyyy>-<6 digits>}. */
  MELDING("VT"),
  /** A tijdelijk huisverbod: {@code HV-<yyyy>-<6 digits>}. */
  HUISVERBOD("HV");

  private final String prefix;

  Zaaktype(String prefix) {
    this.prefix = prefix;
  }

  public String prefix() {
    return prefix;
  }
}
