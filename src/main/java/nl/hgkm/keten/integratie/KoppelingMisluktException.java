package nl.hgkm.keten.integratie;

/**
 * A call to an outside system failed: no connection, no answer in time, or an answer that is not a success.
 * Thrown, never swallowed: from an asynchronous step it becomes a job retry with the step's retry profile and,
 * after the last retry, an incident in Cockpit whose message is this exception's message.
 */
public class KoppelingMisluktException extends RuntimeException {

  private final String systeem;
  private final String aanroep;
  private final Integer httpStatus;

  public KoppelingMisluktException(String systeem, String aanroep, Integer httpStatus, String bericht,
      Throwable oorzaak) {
    super(bericht, oorzaak);
    this.systeem = systeem;
    this.aanroep = aanroep;
    this.httpStatus = httpStatus;
  }

  /** e.g. "Politiesysteem" */
  public String systeem() {
    return systeem;
  }

  /** the port method, e.g. "registreerHuisverbod" */
  public String aanroep() {
    return aanroep;
  }

  /** the HTTP status the system answered with, or null when there was no HTTP answer (refused, time-out) */
  public Integer httpStatus() {
    return httpStatus;
  }
}
