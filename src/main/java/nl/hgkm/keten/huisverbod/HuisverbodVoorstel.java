package nl.hgkm.keten.huisverbod;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A validated police proposal for a tijdelijk huisverbod ({@code POST /api/huisverboden}, contract §5), with the RiHG
 * outcome. Built only by {@link HuisverbodValidatie}, so every instance is complete and consistent.
 *
 * @param externeReferentie  the police system's id of the proposal; an idempotency key (optional)
 * @param regio              a configured Veilig Thuis region
 * @param gemeente           a configured municipality (its burgemeester decides, Wth art. 2(1))
 * @param incidentOp         when the incident happened; never in the future
 * @param woning             the home the order concerns (art. 2(4)(a)); optional in the proposal
 * @param feiten             the facts and circumstances (art. 2(4)(b)); optional, at most 10,000 characters
 */
record HuisverbodVoorstel(
    String externeReferentie,
    String regio,
    String gemeente,
    Instant incidentOp,
    Pleger pleger,
    List<Achterblijver> achterblijvers,
    boolean kindermishandeling,
    Rihg rihg,
    Woning woning,
    String feiten) {

  HuisverbodVoorstel {
    achterblijvers = List.copyOf(achterblijvers);
  }

  /** The person the order would concern; the birth date is required to know whether they are an adult. */
  record Pleger(String naam, LocalDate geboortedatum, String bsn) {}

  /**
   * A household member who stays behind.
   *
   * @param contactverbod whether the order's contact ban covers this person (art. 1, 2(4)(c)); true unless the
   *                      proposal says otherwise
   */
  record Achterblijver(String naam, LocalDate geboortedatum, String bsn, Rol rol, boolean contactverbod) {}

  enum Rol { SLACHTOFFER, KIND, OVERIG }

  /**
   * The RiHG outcome: red signals per part (the pleger, the course of the incident, the family background) and the
   * hulpofficier's two judgements.
   */
  record Rihg(int roodPleger, int roodIncident, int roodGezin, boolean woontOfVerblijftNietIncidenteel,
      boolean ernstigOnmiddellijkGevaarOordeel) {}

  /** The home; {@link #adres()} is how the case file and the beschikking write it. */
  record Woning(String straat, String huisnummer, String postcode, String plaats) {

    String adres() {
      String regel = straat + " " + huisnummer;
      return postcode == null ? regel + ", " + plaats : regel + ", " + postcode + " " + plaats;
    }
  }
}
