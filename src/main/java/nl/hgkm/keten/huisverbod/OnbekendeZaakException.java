package nl.hgkm.keten.huisverbod;

/** No huisverbod (or no such document of it) under this zaaknummer: 404. */
class OnbekendeZaakException extends RuntimeException {

  OnbekendeZaakException(String bericht) {
    super(bericht);
  }
}
