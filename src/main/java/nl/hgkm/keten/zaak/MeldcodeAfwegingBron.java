package nl.hgkm.keten.zaak;

import java.util.List;

/**
 * The meldcode weighings that led to meldingen of a case, for the case file. Package meldcode provides them; the case
 * file only shows them (the weighing is the professional's record, kept in its own tables).
 */
public interface MeldcodeAfwegingBron {

  /**
   * @param identiteitZichtbaar false outside Veilig Thuis: a professional who was promised anonymity towards the
   *                            family is then shown as {@value DossierInzage#ANONIEM}
   */
  List<DossierWeergave.MeldcodeAfwegingWeergave> vanZaak(String zaaknummer, boolean identiteitZichtbaar);
}
