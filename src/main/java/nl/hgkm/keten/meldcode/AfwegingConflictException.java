package nl.hgkm.keten.meldcode;

/** The weighing does not allow this step in its current state (409): nothing is stored. */
class AfwegingConflictException extends RuntimeException {

  AfwegingConflictException(String bericht) {
    super(bericht);
  }
}
