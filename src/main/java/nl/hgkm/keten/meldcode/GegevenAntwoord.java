package nl.hgkm.keten.meldcode;

import java.time.Instant;

/**
 * One row of a weighing's history: an answer with its reasoning, or the withdrawal of an answer.
 *
 * @param antwoord null for {@link Soort#INGETROKKEN} and {@link Soort#VERVALLEN}
 */
record GegevenAntwoord(
    long id,
    String afwegingId,
    Afwegingsvraag vraag,
    Soort soort,
    Boolean antwoord,
    String toelichting,
    Instant gegevenOp,
    String gegevenDoor) {

  enum Soort {
    /** An answer with the professional's reasoning. */
    ANTWOORD,
    /** The professional withdrew the answer (answered null). */
    INGETROKKEN,
    /** No longer asked: an earlier answer changed and the weighing no longer reaches this question. */
    VERVALLEN
  }
}
