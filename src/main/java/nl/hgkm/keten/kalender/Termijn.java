package nl.hgkm.keten.kalender;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A deadline counted in working days.
 *
 * @param uiterlijk  the last day of the term (local date)
 * @param einde      the last moment of the term: 23:59:59 local time on {@code uiterlijk}; a task's due date
 * @param verstreken the first moment after the term: 00:00 local time on the next calendar day; an escalation timer
 */
public record Termijn(LocalDate uiterlijk, Instant einde, Instant verstreken) {}
