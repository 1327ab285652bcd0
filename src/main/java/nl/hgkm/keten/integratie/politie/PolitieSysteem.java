package nl.hgkm.keten.integratie.politie;

import java.time.Instant;
import java.util.List;
import nl.hgkm.keten.integratie.KoppelingMisluktException;
import nl.hgkm.keten.integratie.Persoon;

/**
 * What the chain tells the police about a tijdelijk huisverbod. Every call carries a {@code verzoekId}: the same id
 * again (a retry) must not register anything twice. Every method throws {@link KoppelingMisluktException} when the
 * police system did not confirm the call.
 */
public interface PolitieSysteem {

  /** Registers the order and its contact ban, so that officers on the street can enforce it; answers the id. */
  String registreerHuisverbod(HuisverbodRegistratie registratie, String verzoekId);

  /**
   * Asks the police to serve the beschikking on the uithuisgeplaatste and to tell the household of the order and of
   * the consequences of breaking it (Wth art. 2(8) and 11); answers the id of the request.
   */
  String vraagUitreikingAan(Uitreiking uitreiking, String verzoekId);

  /** The burgemeester extended the order (Wth art. 9): a new end. */
  void registreerVerlenging(Verlenging verlenging, String verzoekId);

  /** Breaking the order is a crime (Wth art. 11): answers the police reference, e.g. the proces-verbaal number. */
  String meldOvertreding(Overtreding overtreding, String verzoekId);

  /** The order ended (expired, withdrawn, lifted by the judge). */
  void meldEinde(Einde einde, String verzoekId);

  /**
   * @param woning            the home the order concerns (Wth art. 2(4): place)
   * @param uithuisgeplaatste the person ordered out (rol PLEGER)
   * @param contactverbod     the persons the contact ban covers
   * @param opgelegdDoor      {@code BURGEMEESTER}, {@code LOCOBURGEMEESTER} or {@code HULPOFFICIER}
   */
  record HuisverbodRegistratie(String zaaknummer, String gemeente, String woning, Persoon uithuisgeplaatste,
      List<Persoon> contactverbod, Instant opgelegdOp, Instant eindigtOp, String opgelegdDoor) {}

  /** The written beschikking to serve (the newest of kind BESCHIKKING_OPLEGGING in the case file). */
  record Uitreiking(String zaaknummer, long documentId, String titel, String inhoud) {}

  record Verlenging(String zaaknummer, Instant eindigtOp) {}

  record Overtreding(String zaaknummer, Instant overtredingOp, String omschrijving) {}

  record Einde(String zaaknummer, Instant beeindigdOp, String reden) {}
}
