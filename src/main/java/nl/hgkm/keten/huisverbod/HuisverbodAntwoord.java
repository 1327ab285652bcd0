package nl.hgkm.keten.huisverbod;

/**
 * The answer to {@code POST /api/huisverboden} (contract §5).
 *
 * @param advies the outcome of {@code rihg-huisverbod-advies}, as the process decided it
 */
public record HuisverbodAntwoord(String zaaknummer, String processInstanceId, String advies) {}
