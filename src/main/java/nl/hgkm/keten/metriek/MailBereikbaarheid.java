package nl.hgkm.keten.metriek;

import java.time.Duration;
import java.time.Instant;
import nl.hgkm.keten.kalender.Klok;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Health of the mail server, ranked like the police and care systems: not reachable is {@code ONBEREIKBAAR}, not
 * DOWN. Mail steps wait and retry (retry profile {@code mail}, then an incident), so a node without mail is still a
 * working node; Spring's own mail indicator would take the whole {@code /actuator/health} DOWN and a load balancer
 * would pull every node at once. Checked at most once per {@code keten.metriek.verversing}.
 */
final class MailBereikbaarheid implements HealthIndicator {

  private final JavaMailSenderImpl mail;
  private final Verversing<Uitslag> verversing;

  record Uitslag(boolean bereikbaar, String oordeel, Duration duur) {}

  MailBereikbaarheid(JavaMailSenderImpl mail, MetriekProperties properties, Klok klok) {
    this.mail = mail;
    this.verversing = new Verversing<>(properties.verversing(), klok::nu, nu -> controleer());
  }

  @Override
  public Health health() {
    Verversing.Peiling<Uitslag> peiling = verversing.peiling();
    Uitslag uitslag = peiling.waarde();
    return new Health.Builder(uitslag.bereikbaar() ? Status.UP : Bereikbaarheid.ONBEREIKBAAR)
        .withDetail("systeem", "Mailserver")
        .withDetail("server", mail.getHost() + ":" + mail.getPort())
        .withDetail("oordeel", uitslag.oordeel())
        .withDetail("duurMs", uitslag.duur().toMillis())
        .withDetail("gecontroleerdOp", peiling.op().toString())
        .build();
  }

  private Uitslag controleer() {
    Instant begin = Instant.now();
    try {
      mail.testConnection();
      return new Uitslag(true, "antwoordt", Duration.between(begin, Instant.now()));
    } catch (Exception fout) {
      return new Uitslag(false, "niet bereikbaar: " + fout.getMessage(), Duration.between(begin, Instant.now()));
    }
  }
}
