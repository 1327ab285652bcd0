package nl.hgkm.keten.metriek;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Metrics and health ({@code keten.metriek.*}, docs/metrieken.md).
 *
 * @param verversing          how long one reading of the engine's state (open tasks, overdue terms, incidents, waiting
 *                            jobs) and one reachability check of an outside system stay valid. Scrapes and health
 *                            probes within this time answer from that reading and do not touch the database or the
 *                            outside system again (default 30 s).
 * @param lezers              the engine groups whose members may read {@code /actuator/prometheus} and
 *                            {@code /actuator/metrics} (default {@code camunda-admin}). A scrape user goes in a group
 *                            of its own without engine rights, added here (docs/metrieken.md, "Scrapen").
 * @param camundaRapportage   how often the engine writes its own counters (job acquisition and execution) to
 *                            {@code ACT_RU_METER_LOG}, where the job series read them (default 5 minutes; Camunda's
 *                            own default is 15). Shorter means fresher series and more rows.
 * @param jobAchterstandGrens how late the oldest due job may be, while the job executor runs, before health
 *                            {@code jobexecutor} reports {@code ACHTERSTAND} (default 10 minutes)
 * @param bereikbaarheidTimeout how long a reachability check of an outside system may take (connect and answer;
 *                            default 2 s): health is probed often and must stay fast
 */
@ConfigurationProperties("keten.metriek")
public record MetriekProperties(Duration verversing, List<String> lezers, Duration camundaRapportage,
    Duration jobAchterstandGrens, Duration bereikbaarheidTimeout) {

  public MetriekProperties {
    verversing = verversing == null ? Duration.ofSeconds(30) : verversing;
    lezers = lezers == null || lezers.isEmpty() ? List.of("camunda-admin") : List.copyOf(lezers);
    camundaRapportage = camundaRapportage == null ? Duration.ofMinutes(5) : camundaRapportage;
    jobAchterstandGrens = jobAchterstandGrens == null ? Duration.ofMinutes(10) : jobAchterstandGrens;
    bereikbaarheidTimeout = bereikbaarheidTimeout == null ? Duration.ofSeconds(2) : bereikbaarheidTimeout;
    if (verversing.isNegative() || camundaRapportage.toSeconds() < 1) {
      throw new IllegalArgumentException(
          "keten.metriek: verversing mag niet negatief zijn en camunda-rapportage moet minstens 1 seconde zijn");
    }
  }
}
