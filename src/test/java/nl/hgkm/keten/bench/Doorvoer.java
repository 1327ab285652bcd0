package nl.hgkm.keten.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs cases in client threads for a while and counts the ones that completed. */
final class Doorvoer {

  private static final Logger LOG = LoggerFactory.getLogger(Doorvoer.class);
  private static final AtomicInteger VOLGNUMMER = new AtomicInteger();

  record Uitkomst(int draden, long zaken, long fouten, double seconden, String eersteFout) {
    double perSeconde() {
      return zaken / seconden;
    }
  }

  static Uitkomst meet(String wat, int draden, Duration duur, IntConsumer zaak) throws InterruptedException {
    AtomicLong zaken = new AtomicLong();
    AtomicLong fouten = new AtomicLong();
    AtomicReference<String> eersteFout = new AtomicReference<>();
    long start = System.nanoTime();
    long einde = start + duur.toNanos();
    List<Thread> threads = new ArrayList<>();
    for (int d = 0; d < draden; d++) {
      Thread t = new Thread(() -> {
        while (System.nanoTime() < einde) {
          try {
            zaak.accept(VOLGNUMMER.incrementAndGet());
            zaken.incrementAndGet();
          } catch (RuntimeException fout) {
            fouten.incrementAndGet();
            if (eersteFout.compareAndSet(null, String.valueOf(fout))) {
              LOG.warn("{}: eerste fout", wat, fout);
            }
          }
        }
      }, wat + "-" + d);
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }
    double seconden = (System.nanoTime() - start) / 1e9;
    Uitkomst uitkomst = new Uitkomst(draden, zaken.get(), fouten.get(), seconden, eersteFout.get());
    LOG.info("{} met {} draden: {} zaken in {} s = {} per s, {} fouten", wat, draden, uitkomst.zaken(),
        String.format("%.1f", seconden), String.format("%.2f", uitkomst.perSeconde()), uitkomst.fouten());
    return uitkomst;
  }
}
