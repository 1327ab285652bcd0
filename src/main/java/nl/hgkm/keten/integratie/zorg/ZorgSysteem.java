package nl.hgkm.keten.integratie.zorg;

import java.time.Instant;
import java.util.List;
import nl.hgkm.keten.integratie.KoppelingMisluktException;
import nl.hgkm.keten.integratie.Persoon;

/**
 * What the chain tells the care agency (the designated agency for advice and help, Wth art. 2(8)) about a
 * huisverbod. Every call carries a {@code verzoekId}: the same id again (a retry) must not refer anyone twice.
 * Every method throws {@link KoppelingMisluktException} when the care system did not confirm the call.
 */
public interface ZorgSysteem {

  /** Refers the household to the care agency, so that care starts during the order; answers the verwijzingId. */
  String verwijs(Verwijzing verwijzing, String verzoekId);

  /** The order ended; the care agency decides how its care goes on. */
  void meldEinde(EindeHuisverbod einde, String verzoekId);

  /**
   * @param personen            the whole household with their roles, the uithuisgeplaatste (rol PLEGER) included
   * @param huisverbodEindigtOp the current end of the order: care must start before it
   */
  record Verwijzing(String zaaknummer, String gemeente, List<Persoon> personen, Instant huisverbodEindigtOp) {}

  record EindeHuisverbod(String verwijzingId, String zaaknummer, Instant beeindigdOp, String reden) {}
}
