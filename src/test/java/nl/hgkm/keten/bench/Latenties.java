package nl.hgkm.keten.bench;

import java.util.Arrays;

/** Durations of one kind of call, thread-safe; percentiles by nearest rank. */
final class Latenties {

  private long[] waarden = new long[1024];
  private int aantal;

  synchronized void voegToe(long nanos) {
    if (aantal == waarden.length) {
      waarden = Arrays.copyOf(waarden, aantal * 2);
    }
    waarden[aantal++] = nanos;
  }

  synchronized void wis() {
    aantal = 0;
  }

  synchronized int aantal() {
    return aantal;
  }

  /** The p-th percentile (0 < p <= 100) in milliseconds; NaN without measurements. */
  synchronized double percentielMs(double p) {
    if (aantal == 0) {
      return Double.NaN;
    }
    long[] gesorteerd = Arrays.copyOf(waarden, aantal);
    Arrays.sort(gesorteerd);
    int rang = (int) Math.ceil(p / 100.0 * aantal);
    return gesorteerd[Math.max(0, Math.min(aantal - 1, rang - 1))] / 1_000_000.0;
  }
}
