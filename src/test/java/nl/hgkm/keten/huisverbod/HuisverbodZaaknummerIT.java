package nl.hgkm.keten.huisverbod;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import nl.hgkm.keten.support.KetenIntegratieTest;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Zaaknummers HV-yyyy-nnnnnn from the shared counter table. Each test uses a year of its own (far in the future),
 * so that it starts from an empty counter whatever else ran.
 */
@KetenIntegratieTest
class HuisverbodZaaknummerIT {

  @Autowired HuisverbodZaaknummer zaaknummers;
  @Autowired PlatformTransactionManager transactionManager;

  @AfterEach
  void herstelKlok() {
    ClockUtil.reset();
  }

  @Test
  @DisplayName("Eerste nummer van een jaar is 000001, daarna doortellen; het jaar is het lokale jaar (Amsterdam)")
  void teltPerLokaalJaar() {
    // 31 December 23:30 UTC is already New Year in Amsterdam
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2090-12-31T23:30:00Z").toInstant()));
    assertThat(inTransactie()).isEqualTo("HV-2091-000001");
    assertThat(inTransactie()).isEqualTo("HV-2091-000002");
  }

  @Test
  @DisplayName("Een teruggedraaide intake geeft zijn nummer terug: geen gaten")
  void terugdraaienGeeftHetNummerTerug() {
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2092-03-01T12:00:00+01:00").toInstant()));
    TransactionTemplate transactie = new TransactionTemplate(transactionManager);
    String teruggedraaid = transactie.execute(status -> {
      String nummer = zaaknummers.volgende();
      status.setRollbackOnly();
      return nummer;
    });
    assertThat(teruggedraaid).isEqualTo("HV-2092-000001");
    assertThat(inTransactie()).isEqualTo("HV-2092-000001");
    assertThat(inTransactie()).isEqualTo("HV-2092-000002");
  }

  @Test
  @DisplayName("Gelijktijdige intakes, ook om het eerste nummer van het jaar: elk een eigen, aaneengesloten nummer")
  void gelijktijdigElkEenEigenNummer() throws Exception {
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2093-01-01T00:05:00+01:00").toInstant()));
    int aantal = 8;
    ExecutorService threads = Executors.newFixedThreadPool(aantal);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<String>> nummers = new ArrayList<>();
      for (int i = 0; i < aantal; i++) {
        nummers.add(threads.submit(() -> {
          start.await();
          return inTransactie();
        }));
      }
      start.countDown();
      List<String> uitgegeven = new ArrayList<>();
      for (Future<String> nummer : nummers) {
        uitgegeven.add(nummer.get(30, TimeUnit.SECONDS));
      }
      assertThat(uitgegeven).containsExactlyInAnyOrderElementsOf(
          IntStream.rangeClosed(1, aantal).mapToObj(n -> "HV-2093-%06d".formatted(n)).toList());
    } finally {
      threads.shutdownNow();
    }
  }

  private String inTransactie() {
    return new TransactionTemplate(transactionManager).execute(status -> zaaknummers.volgende());
  }
}
