package nl.hgkm.keten.meldcode;

/**
 * No weighing with this id for this professional (404). Someone else's weighing gets the same answer as one that does
 * not exist: the existence of another professional's weighing is not something to learn from the API.
 */
class OnbekendeAfwegingException extends RuntimeException {

  OnbekendeAfwegingException(String afwegingId) {
    super("U heeft geen afweging met id " + afwegingId + ".");
  }
}
