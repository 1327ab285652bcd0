package nl.hgkm.keten.kalender;

import java.time.Instant;

/**
 * The one notion of "now" for the project's own code. Backed by the engine clock, so that timers, due dates and
 * the project's deadlines move together when a test sets the clock.
 */
public interface Klok {
  Instant nu();
}
