package nl.hgkm.keten.audit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import nl.hgkm.keten.kalender.Klok;
import nl.hgkm.keten.kalender.Werkdagenkalender;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Keeps the read-access log exactly as long as the case it is about. Once every process instance of a case has ended,
 * the engine gives each a removal time (historyTimeToLive: 20 years for Veilig Thuis, 5 for a huisverbod; strategy
 * {@code end}); the case's log lines get the latest of those as {@code bewaren_tot}, and are deleted when it has
 * passed, when the engine's history cleanup removes the case's history too. A line about a case whose history is
 * already gone is removed at once; a line that names no case is kept {@code keten.inzage.bewaartermijn-zonder-zaak}.
 * Runs nightly after the engine's history cleanup window (01:00-05:00); idempotent, so every node may run it.
 */
@Configuration
@EnableScheduling
@EnableConfigurationProperties(InzageProperties.class)
public class InzagelogOpruiming {

  private static final Logger LOG = LoggerFactory.getLogger(InzagelogOpruiming.class);

  private final JdbcClient jdbc;
  private final HistoryService historyService;
  private final Klok klok;
  private final InzageProperties instellingen;
  private final Werkdagenkalender kalender;

  InzagelogOpruiming(JdbcClient jdbc, HistoryService historyService, Klok klok, InzageProperties instellingen,
      Werkdagenkalender kalender) {
    this.jdbc = jdbc;
    this.historyService = historyService;
    this.klok = klok;
    this.instellingen = instellingen;
    this.kalender = kalender;
  }

  @Scheduled(cron = "${keten.inzage.opruimen:0 30 5 * * *}", zone = "Europe/Amsterdam")
  void nachtelijks() {
    ruimOp();
  }

  /** Fills in {@code bewaren_tot} where the case has ended, then removes what has passed it; the lines removed. */
  public int ruimOp() {
    Instant nu = klok.nu();
    List<String> open = jdbc.sql("select distinct zaaknummer from inzage_log where bewaren_tot is null")
        .query(String.class).list();
    for (String zaaknummer : open) {
      bewaarTermijn(zaaknummer, nu).ifPresent(tot -> jdbc.sql("""
              update inzage_log set bewaren_tot = :tot where zaaknummer = :zaak and bewaren_tot is null""")
          .param("tot", tot.atOffset(ZoneOffset.UTC)).param("zaak", zaaknummer).update());
    }
    int weg = jdbc.sql("delete from inzage_log where bewaren_tot < :nu").param("nu", nu.atOffset(ZoneOffset.UTC))
        .update();
    if (weg > 0) {
      LOG.info("Inzagelog: {} regels verwijderd met de zaak waarover ze gingen", weg);
    }
    return weg;
  }

  private java.util.Optional<Instant> bewaarTermijn(String zaaknummer, Instant nu) {
    if (!AuditToegang.ZAAKNUMMER.matcher(zaaknummer).matches()) {
      return java.util.Optional.of(kalender.lokaal(nu).plus(instellingen.bewaartermijnZonderZaak()).toInstant());
    }
    List<HistoricProcessInstance> instanties = historyService.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(zaaknummer).list();
    boolean zaakBestaat = jdbc.sql("select count(*) from zaak where zaaknummer = :z").param("z", zaaknummer)
        .query(Long.class).single() > 0;
    if (instanties.isEmpty()) {
      // Never a case: kept as a line without case. A case whose history was removed: goes with it, now.
      return java.util.Optional.of(zaakBestaat ? nu
          : kalender.lokaal(nu).plus(instellingen.bewaartermijnZonderZaak()).toInstant());
    }
    if (instanties.stream().anyMatch(i -> i.getEndTime() == null)) {
      return java.util.Optional.empty();
    }
    return instanties.stream().map(HistoricProcessInstance::getRemovalTime).filter(Objects::nonNull)
        .max(Date::compareTo).map(Date::toInstant);
  }
}
