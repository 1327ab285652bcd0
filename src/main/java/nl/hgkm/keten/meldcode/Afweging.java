package nl.hgkm.keten.meldcode;

import java.time.Instant;

/**
 * A professional's weighing as stored: owner, where it stands, and the melding it led to (null until filed).
 *
 * @param meldingAntwoord the answer of the intake when the melding was filed (JSON), given again on a repeat
 */
record Afweging(
    String id,
    String eigenaar,
    Instant aangemaaktOp,
    Instant bijgewerktOp,
    Besluit besluit,
    Integer volgendeAfweging,
    String processInstanceId,
    String zaaknummer,
    Instant gemeldOp,
    String meldingAntwoord,
    Boolean anoniemNaarGezin) {

  boolean gemeld() {
    return zaaknummer != null;
  }
}
