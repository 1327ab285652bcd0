package nl.hgkm.keten.notificatie;

/**
 * One outgoing mail.
 *
 * @param berichtId a stable id derived from the case and the step (zaaknummer + activity + the job that runs it,
 *                  {@code engine.StapUitvoering}), sent as the Message-ID so that a retried send is recognisable as
 *                  the same message
 */
public record Mail(String aan, String onderwerp, String tekst, String berichtId) {}
