package nl.hgkm.keten.zaak;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import nl.hgkm.keten.support.KetenIntegratieTest;
import nl.hgkm.keten.support.TestKlok;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@KetenIntegratieTest
class ZaaknummerGeneratorIT {

  @Autowired ZaaknummerGenerator generator;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactionManager;

  @AfterEach
  void klokTerug() {
    TestKlok.terug();
  }

  @Test
  void nummertOpeenvolgendPerPrefixEnJaar() {
    zetKlok("2030-06-15T12:00:00Z");
    String eerste = generator.volgende(Zaaktype.MELDING);
    String tweede = generator.volgende(Zaaktype.MELDING);

    assertThat(eerste).matches("VT-2030-\\d{6}");
    assertThat(volgnummer(tweede)).isEqualTo(volgnummer(eerste) + 1);
    assertThat(generator.volgende(Zaaktype.HUISVERBOD)).matches("HV-2030-\\d{6}");
  }

  @Test
  void hetJaarIsDatVanAmsterdamNietVanUtc() {
    // 23:30 UTC on New Year's Eve is already 00:30 on 1 January in Amsterdam.
    zetKlok("2033-12-31T23:30:00Z");
    assertThat(generator.volgende(Zaaktype.MELDING)).startsWith("VT-2034-");
  }

  @Test
  void hetEersteNummerVanEenJaarIsEen() {
    zetKlok("2087-03-01T09:00:00Z");
    assertThat(tellerBestaat("HV", 2087)).isFalse();

    assertThat(generator.volgende(Zaaktype.HUISVERBOD)).isEqualTo("HV-2087-000001");
    assertThat(generator.volgende(Zaaktype.HUISVERBOD)).isEqualTo("HV-2087-000002");
  }

  @Test
  void eenTeruggedraaideIntakeGeeftZijnNummerTerug() {
    zetKlok("2031-05-01T09:00:00Z");
    String voor = generator.volgende(Zaaktype.MELDING);
    TransactionTemplate transactie = new TransactionTemplate(transactionManager);
    transactie.executeWithoutResult(status -> {
      generator.volgende(Zaaktype.MELDING);
      status.setRollbackOnly();
    });

    assertThat(volgnummer(generator.volgende(Zaaktype.MELDING))).isEqualTo(volgnummer(voor) + 1);
  }

  @Test
  void gelijktijdigeAanvragenKrijgenElkEenEigenNummerOokBijHetEersteVanHetJaar() throws Exception {
    // A year nobody has used: the threads race on inserting the counter row, the losers retry with an update.
    zetKlok("2088-01-02T09:00:00Z");
    int draden = 4;
    int perDraad = 15;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(draden);
    try {
      List<Future<List<String>>> resultaten = new ArrayList<>();
      for (int d = 0; d < draden; d++) {
        Callable<List<String>> werk = () -> {
          start.await();
          List<String> nummers = new ArrayList<>();
          for (int i = 0; i < perDraad; i++) {
            nummers.add(generator.volgende(Zaaktype.MELDING));
          }
          return nummers;
        };
        resultaten.add(pool.submit(werk));
      }
      start.countDown();
      Set<String> alle = new TreeSet<>();
      for (Future<List<String>> resultaat : resultaten) {
        alle.addAll(resultaat.get(60, TimeUnit.SECONDS));
      }

      assertThat(alle).containsExactlyElementsOf(IntStream.rangeClosed(1, draden * perDraad)
          .mapToObj(n -> "VT-2088-%06d".formatted(n)).toList());
    } finally {
      pool.shutdownNow();
    }
  }

  private boolean tellerBestaat(String prefix, int jaar) {
    return jdbc.sql("select count(*) from zaaknummer_teller where prefix = :prefix and jaar = :jaar")
        .param("prefix", prefix).param("jaar", jaar).query(Integer.class).single() > 0;
  }

  private static int volgnummer(String zaaknummer) {
    return Integer.parseInt(zaaknummer.substring(zaaknummer.lastIndexOf('-') + 1));
  }

  private static void zetKlok(String moment) {
    ClockUtil.setCurrentTime(Date.from(Instant.parse(moment)));
  }
}
