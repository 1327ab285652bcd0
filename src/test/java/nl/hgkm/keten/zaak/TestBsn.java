package nl.hgkm.keten.zaak;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Valid, unique burgerservicenummers for tests that share one database. */
public final class TestBsn {

  // A random start per JVM, then counting: unique within a run, and unlikely to meet a number of an earlier run.
  private static final AtomicLong VOLGENDE = new AtomicLong(ThreadLocalRandom.current().nextLong(10_000_000, 90_000_000));

  private TestBsn() {}

  public static String nieuw() {
    while (true) {
      String eersteAcht = String.format("%08d", VOLGENDE.getAndIncrement() % 100_000_000);
      int som = 0;
      for (int i = 0; i < 8; i++) {
        som += (9 - i) * (eersteAcht.charAt(i) - '0');
      }
      int controle = som % 11;
      if (controle < 10 && som - controle != 0) {
        return eersteAcht + controle;
      }
    }
  }
}
