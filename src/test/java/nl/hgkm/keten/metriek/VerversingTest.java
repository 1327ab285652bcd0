package nl.hgkm.keten.metriek;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class VerversingTest {

  private static final Instant BEGIN = Instant.parse("2027-04-23T10:00:00Z");

  private Instant nu = BEGIN;
  private final AtomicInteger gelezen = new AtomicInteger();
  private final Verversing<Integer> verversing =
      new Verversing<>(Duration.ofSeconds(30), () -> nu, moment -> gelezen.incrementAndGet());

  @Test
  void binnenDeGeldigheidDezelfdeLezing() {
    assertThat(verversing.waarde()).isEqualTo(1);
    nu = BEGIN.plusSeconds(29);
    assertThat(verversing.waarde()).isEqualTo(1);
    assertThat(verversing.peiling().op()).isEqualTo(BEGIN);
    assertThat(verversing.aantal()).isEqualTo(1);
  }

  @Test
  void naDeGeldigheidEenNieuweLezing() {
    verversing.waarde();
    nu = BEGIN.plusSeconds(30);
    assertThat(verversing.waarde()).isEqualTo(2);
    assertThat(verversing.peiling().op()).isEqualTo(BEGIN.plusSeconds(30));
    assertThat(verversing.aantal()).isEqualTo(2);
  }

  @Test
  void eenKlokDieTeruggaatMaaktDeLezingOngeldig() {
    verversing.waarde();
    nu = BEGIN.minusSeconds(1);
    assertThat(verversing.waarde()).isEqualTo(2);
  }

  @Test
  void deBronKrijgtHetMomentVanDeLezing() {
    Verversing<Instant> moment = new Verversing<>(Duration.ofSeconds(30), () -> nu, m -> m);
    assertThat(moment.waarde()).isEqualTo(BEGIN);
  }

  @Test
  void eenMisluktLezingWordtNietBewaard() {
    AtomicInteger pogingen = new AtomicInteger();
    Verversing<String> stuk = new Verversing<>(Duration.ofSeconds(30), () -> nu, m -> {
      if (pogingen.incrementAndGet() == 1) {
        throw new IllegalStateException("database weg");
      }
      return "hersteld";
    });
    assertThatThrownBy(stuk::waarde).hasMessage("database weg");
    assertThat(stuk.waarde()).isEqualTo("hersteld");
    assertThat(stuk.aantal()).isEqualTo(1);
  }
}
