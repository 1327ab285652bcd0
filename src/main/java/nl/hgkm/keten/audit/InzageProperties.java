package nl.hgkm.keten.audit;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the read-access log is kept ({@code keten.inzage.*}). A line about a case is kept as long as the case's
 * history (its removal time, from the process's historyTimeToLive); these settings cover the rest.
 *
 * @param bewaartermijnZonderZaak a line that names no case (a search, an unknown or malformed zaaknummer): kept this
 *                                long after the cleanup first sees it (default 5 years, the shortest case retention,
 *                                Wth art. 10)
 * @param opruimen                cron of the nightly cleanup (Europe/Amsterdam); "-" switches it off
 */
@ConfigurationProperties("keten.inzage")
public record InzageProperties(
    @DefaultValue("P5Y") Period bewaartermijnZonderZaak,
    @DefaultValue("0 30 5 * * *") String opruimen) {}
