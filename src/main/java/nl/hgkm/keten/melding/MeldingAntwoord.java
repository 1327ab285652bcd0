package nl.hgkm.keten.melding;

import java.time.LocalDate;

/**
 * The answer of {@code POST /api/meldingen} (contract §5). For a vervolgmelding the zaaknummer and process instance
 * are those of the running case; {@code acuut} and {@code structureel} are those of the new report.
 */
public record MeldingAntwoord(
    String zaaknummer,
    String processInstanceId,
    String categorie,
    boolean acuut,
    boolean structureel,
    LocalDate veiligheidsbeoordelingUiterlijk) {}
