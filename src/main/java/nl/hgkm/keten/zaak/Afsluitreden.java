package nl.hgkm.keten.zaak;

/**
 * Why a case of the chain ends, and so why it needs no (further) monitoring: the value of process variable
 * {@code afsluitreden} at every end of {@code melding} and {@code huisverbod} that closes the case.
 */
public enum Afsluitreden {
  OVERGEDRAGEN("Overgedragen aan het lokale team of de lopende hulpverlening zonder veiligheidsvoorwaarden van "
      + "Veilig Thuis: de ontvangende partij volgt de veiligheid."),
  EINDE_BEMOEIENIS("Einde bemoeienis: de betrokkenen zijn zelfredzaam, er is geen vervolg nodig."),
  OMGEZET_IN_ADVIES("Geen (vermoeden van) huiselijk geweld of kindermishandeling: de melding is omgezet in een "
      + "advies."),
  GEEN_VOORWAARDEN_NA_ONDERZOEK("Na het onderzoek zijn geen veiligheidsvoorwaarden gesteld: er is niets om te "
      + "monitoren."),
  STABIEL_VEILIG_NA_MONITORING("Het huishouden was gedurende het hele monitoringplan stabiel veilig."),
  HUISVERBOD_NIET_TOEGESTAAN("Een huisverbod was volgens de wet niet mogelijk; het advies is vastgelegd. Onveiligheid "
      + "loopt via een melding bij Veilig Thuis."),
  HUISVERBOD_NIET_OPGELEGD("Er is geen huisverbod opgelegd. Onveiligheid loopt via een melding bij Veilig Thuis."),
  OPNIEUW_GEMELD_BIJ_VEILIG_THUIS("Na het huisverbod bleek het huishouden opnieuw onveilig; het is opnieuw gemeld "
      + "bij Veilig Thuis, dat het vervolg bepaalt.");

  private final String omschrijving;

  Afsluitreden(String omschrijving) {
    this.omschrijving = omschrijving;
  }

  public String omschrijving() {
    return omschrijving;
  }
}
