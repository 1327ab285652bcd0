package nl.hgkm.keten.meldcode;

/**
 * The outcomes of decision {@code meldcode-afwegingskader} (contract §4), with what each means for the professional.
 */
public enum Besluit {

  IN_AFWEGING(false, true, "De afweging loopt nog."),
  AFSLUITEN_EN_VASTLEGGEN(false, false,
      "Afsluiten en vastleggen in uw dossier: u heeft geen vermoeden van huiselijk geweld of kindermishandeling."),
  MELDEN_VT(true, false, "Melden bij Veilig Thuis."),
  MELDEN_VT_AFWEGINGEN_3_5_SAMEN_MET_VT(true, false,
      "Melden bij Veilig Thuis: er is acute en/of structurele onveiligheid. De afwegingen 3 tot en met 5 maakt u "
          + "daarna samen met Veilig Thuis."),
  HULP_BIEDEN_OF_ORGANISEREN(false, true,
      "Hulp bieden of organiseren. Beantwoord afweging 5 (Resultaat) als de afgesproken termijn voorbij is."),
  OPNIEUW_MELDEN_VT(true, false,
      "(Opnieuw) melden bij Veilig Thuis: de hulp leidt niet binnen de gestelde termijn tot de noodzakelijke "
          + "resultaten."),
  HULP_AFSLUITEN_MET_VOLGAFSPRAKEN(false, false,
      "Hulp afsluiten met afspraken over het volgen van toekomstige (on)veiligheid, met de betrokkenen en de "
          + "samenwerkingspartners.");

  private final boolean melden;
  private final boolean loopt;
  private final String tekst;

  Besluit(boolean melden, boolean loopt, String tekst) {
    this.melden = melden;
    this.loopt = loopt;
    this.tekst = tekst;
  }

  /** A reporting outcome: a melding can be filed from the weighing. */
  public boolean melden() {
    return melden;
  }

  /**
   * The weighing goes on here with the next question. After a reporting outcome it does not: with acute or structural
   * unsafety questions 3 to 5 are answered together with Veilig Thuis, after the melding, not in this record.
   */
  public boolean loopt() {
    return loopt;
  }

  /** What the outcome means, in Dutch. */
  public String tekst() {
    return tekst;
  }
}
