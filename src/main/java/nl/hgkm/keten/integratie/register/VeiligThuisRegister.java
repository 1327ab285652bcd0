package nl.hgkm.keten.integratie.register;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.hgkm.keten.integratie.KoppelingMisluktException;

/**
 * The national Veilig Thuis-register (domain §8, research notes §7): a matching index across the 26 Veilig Thuis
 * organisations that holds no content, only which organisation is or was involved with a person. A region looks a
 * person up ({@link #raadpleeg}) and makes its own involvement visible ({@link #registreerBetrokkenheid}); a match
 * with another region notifies both, so even a lookup is not free of side effects and carries a {@code verzoekId}:
 * the same id again (a retry) must not notify or register anything twice.
 *
 * <p>Every method throws {@link KoppelingMisluktException} when the register did not confirm the call.
 */
public interface VeiligThuisRegister {

  /**
   * Is another Veilig Thuis region involved with this person, now or before?
   *
   * @param regio the asking region (its own involvement is not reported back)
   */
  Raadpleging raadpleeg(RegisterPersoon persoon, String regio, String verzoekId);

  /**
   * Makes our region's involvement with this person visible to the other regions.
   *
   * @param referentie our own case reference (the zaaknummer): only meaningful to our region, so another region
   *                   that finds the match can ask us about it; it tells the register nothing about the case
   * @return the register's id of the involvement
   */
  String registreerBetrokkenheid(RegisterPersoon persoon, String regio, String referentie, String verzoekId);

  /**
   * A person as the register matches them: by BSN when we know it, otherwise by name and birth date. Data
   * minimisation: with a BSN neither name nor birth date leaves the chain.
   */
  record RegisterPersoon(String bsn, String naam, LocalDate geboortedatum) {

    /** The person the register can match, or empty when there is neither a BSN nor a name with a birth date. */
    public static Optional<RegisterPersoon> van(String bsn, String naam, LocalDate geboortedatum) {
      if (bsn != null && !bsn.isBlank()) {
        return Optional.of(new RegisterPersoon(bsn, null, null));
      }
      if (naam != null && !naam.isBlank() && geboortedatum != null) {
        return Optional.of(new RegisterPersoon(null, naam, geboortedatum));
      }
      return Optional.empty();
    }

    /** Never a BSN or a name in a log line. */
    @Override
    public String toString() {
      return bsn != null ? "RegisterPersoon[bsn=*********]" : "RegisterPersoon[naam=***, geboortedatum=***]";
    }
  }

  /**
   * One region's involvement with the person.
   *
   * @param regio   the region's code, e.g. {@code rotterdam-rijnmond}
   * @param naam    the Veilig Thuis organisation, e.g. "Veilig Thuis Rotterdam Rijnmond"
   * @param actueel true while that region is still involved; false when its involvement ended
   */
  record Betrokkenheid(String regio, String naam, boolean actueel) {}

  /**
   * The answer to a lookup.
   *
   * @param id             the register's id of this lookup
   * @param betrokkenheden the other regions involved with the person; empty when none
   */
  record Raadpleging(String id, List<Betrokkenheid> betrokkenheden) {
    public Raadpleging {
      betrokkenheden = betrokkenheden == null ? List.of() : List.copyOf(betrokkenheden);
    }
  }
}
