package nl.hgkm.keten.metriek;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One reading of something expensive (a database query, a call to an outside system), kept for {@code geldigheid}.
 * Everyone asking within that time gets the same reading; the first one asking after it reads again. A reading
 * taken "in the future" (the clock was set back, as tests do) counts as expired.
 *
 * <p>Thread-safe: concurrent askers at expiry wait for one reading instead of each taking their own.
 *
 * @param <T> what is read
 */
final class Verversing<T> {

  /** A reading and the moment it was taken. */
  record Peiling<T>(T waarde, Instant op) {}

  private final Duration geldigheid;
  private final Supplier<Instant> klok;
  private final Function<Instant, T> bron;
  private volatile Peiling<T> laatste;
  private long aantal;

  /**
   * @param bron reads the value as of the given moment (the clock's now)
   */
  Verversing(Duration geldigheid, Supplier<Instant> klok, Function<Instant, T> bron) {
    this.geldigheid = geldigheid;
    this.klok = klok;
    this.bron = bron;
  }

  /** The current reading, read anew if the last one is older than {@code geldigheid}. */
  synchronized Peiling<T> peiling() {
    Instant nu = klok.get();
    Peiling<T> peiling = laatste;
    if (peiling == null || nu.isBefore(peiling.op()) || !nu.isBefore(peiling.op().plus(geldigheid))) {
      peiling = new Peiling<>(bron.apply(nu), nu);
      laatste = peiling;
      aantal++;
    }
    return peiling;
  }

  T waarde() {
    return peiling().waarde();
  }

  /** How many readings were taken so far: the number of times the source was asked. */
  synchronized long aantal() {
    return aantal;
  }
}
