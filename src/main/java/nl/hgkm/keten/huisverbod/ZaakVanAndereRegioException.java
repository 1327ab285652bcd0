package nl.hgkm.keten.huisverbod;

/**
 * A huisverbod of a region whose tenant the user is no member of: answered exactly as an unknown case (404, issue 9:
 * never confirm another region's case exists), but written to the read log as refused.
 */
class ZaakVanAndereRegioException extends OnbekendeZaakException {

  ZaakVanAndereRegioException(String zaaknummer) {
    super("Er is geen huisverbod met zaaknummer " + zaaknummer + ".");
  }
}
