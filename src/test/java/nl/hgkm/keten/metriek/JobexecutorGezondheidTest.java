package nl.hgkm.keten.metriek;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import nl.hgkm.keten.metriek.EngineStand.JobExecutorToestand;
import nl.hgkm.keten.metriek.EngineStand.WachtendeJobs;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

class JobexecutorGezondheidTest {

  private static final Instant NU = Instant.parse("2027-04-23T10:00:00Z");
  private static final Duration GRENS = Duration.ofMinutes(10);
  private static final WachtendeJobs GEEN = new WachtendeJobs(0, Optional.empty());

  @Test
  void draaitZoalsHetHoort() {
    Health health = JobexecutorGezondheid.oordeel(new JobExecutorToestand(true, true, "SpringBootJobExecutor"),
        new WachtendeJobs(3, Optional.of(NU.minusSeconds(20))), NU, GRENS);
    assertThat(health.getStatus()).isEqualTo(Status.UP);
    assertThat(health.getDetails()).containsEntry("wachtendeJobs", 3L).containsEntry("achterstand", "PT20S")
        .containsEntry("naam", "SpringBootJobExecutor");
  }

  @Test
  void ingeschakeldMaarStilIsDown() {
    Health health = JobexecutorGezondheid.oordeel(new JobExecutorToestand(true, false, null), GEEN, NU, GRENS);
    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    assertThat(health.getDetails()).doesNotContainKey("naam");
  }

  @Test
  void uitgeschakeldIsGeenStoring() {
    Health health = JobexecutorGezondheid.oordeel(new JobExecutorToestand(false, false, null),
        new WachtendeJobs(1, Optional.of(NU.minus(Duration.ofDays(2)))), NU, GRENS);
    assertThat(health.getStatus()).isEqualTo(Status.UP);
    assertThat(health.getDetails()).containsEntry("ingeschakeld", false).containsEntry("achterstand", "PT48H");
  }

  @Test
  void achterstandBovenDeGrens() {
    JobExecutorToestand draait = new JobExecutorToestand(true, true, "x");
    assertThat(JobexecutorGezondheid.oordeel(draait,
        new WachtendeJobs(1, Optional.of(NU.minus(GRENS))), NU, GRENS).getStatus()).isEqualTo(Status.UP);
    Health laat = JobexecutorGezondheid.oordeel(draait,
        new WachtendeJobs(1, Optional.of(NU.minus(GRENS).minusSeconds(1))), NU, GRENS);
    assertThat(laat.getStatus()).isEqualTo(JobexecutorGezondheid.ACHTERSTAND);
    assertThat(laat.getDetails()).containsEntry("oudsteWachtendSinds", NU.minus(GRENS).minusSeconds(1).toString());
  }

  @Test
  void eenJobMetVervaldatumNaHetPeilmomentTeltAlsGeenAchterstand() {
    assertThat(new WachtendeJobs(1, Optional.of(NU.plusSeconds(5))).achterstand(NU)).isEqualTo(Duration.ZERO);
  }
}
