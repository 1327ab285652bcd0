package nl.hgkm.keten.notificatie;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import nl.hgkm.keten.engine.NodeProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which messages were sent (table verzonden_mail, V41): the idempotency SMTP lacks. Every write runs in a transaction
 * of its own, committed at once, so that it survives the rollback of the step that sends the mail: that is exactly the
 * case it is for (the step's job fails after the send on an optimistic-locking conflict and runs again).
 *
 * <p>Uses a second database connection while the calling step holds its own: the connection pool must be larger than
 * the job executor's thread pool (spring.datasource.hikari.maximum-pool-size, application.yaml).
 *
 * <p>Real time, not the engine's clock: a claim's lease is about a node that may have crashed, not about case time.
 */
@Component
public class MailJournaal {

  /** What a node may do with a message id. */
  public enum Claim {
    /** This node claimed the message: send it, then {@link #verzonden} or {@link #vrijgeven}. */
    GECLAIMD,
    /** The SMTP server already accepted this message: do not send it again. */
    AL_VERZONDEN,
    /** Another run is sending it right now (claimed less than the lease ago): try again later. */
    BEZIG_ELDERS
  }

  private final JdbcClient jdbc;
  private final TransactionTemplate eigenTransactie;
  private final MailProperties properties;
  private final String claimant;

  public MailJournaal(JdbcClient jdbc, PlatformTransactionManager transactionManager, MailProperties properties,
      NodeProperties node) {
    this.jdbc = jdbc;
    this.eigenTransactie = new TransactionTemplate(transactionManager);
    this.eigenTransactie.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.properties = properties;
    this.claimant = (node.naam() == null ? "node" : node.naam()) + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  public Claim claim(String berichtId) {
    OffsetDateTime nu = nu();
    try {
      eigenTransactie.executeWithoutResult(status -> jdbc.sql("""
              insert into verzonden_mail (bericht_id, status, geclaimd_op, geclaimd_door)
              values (:id, 'BEZIG', :nu, :door)""")
          .param("id", berichtId).param("nu", nu).param("door", claimant).update());
      return Claim.GECLAIMD;
    } catch (DuplicateKeyException bestaat) {
      // Known message: read it in a new transaction (on PostgreSQL the failed insert ended the previous one).
      return eigenTransactie.execute(status -> bestaandeClaim(berichtId, nu));
    }
  }

  private Claim bestaandeClaim(String berichtId, OffsetDateTime nu) {
    Optional<Rij> rij = jdbc.sql("select status, geclaimd_op from verzonden_mail where bericht_id = :id")
        .param("id", berichtId)
        .query((rs, n) -> new Rij(rs.getString("status"), rs.getObject("geclaimd_op", OffsetDateTime.class)))
        .optional();
    if (rij.isEmpty()) {
      // Released between our insert and this read: claim again on the next run of the step.
      return Claim.BEZIG_ELDERS;
    }
    if ("VERZONDEN".equals(rij.get().status())) {
      return Claim.AL_VERZONDEN;
    }
    if (rij.get().geclaimdOp().isAfter(nu.minus(properties.claimDuur()))) {
      return Claim.BEZIG_ELDERS;
    }
    // A claim past its lease: the node that held it crashed before it could record the outcome. Take it over, but
    // only if nobody else did in the meantime (compare-and-set on the claim time).
    int overgenomen = jdbc.sql("""
            update verzonden_mail set geclaimd_op = :nu, geclaimd_door = :door
            where bericht_id = :id and status = 'BEZIG' and geclaimd_op = :vorige""")
        .param("nu", nu).param("door", claimant).param("id", berichtId).param("vorige", rij.get().geclaimdOp())
        .update();
    return overgenomen == 1 ? Claim.GECLAIMD : Claim.BEZIG_ELDERS;
  }

  /** The SMTP server accepted the message: a later send of the same id is skipped. */
  public void verzonden(String berichtId) {
    eigenTransactie.executeWithoutResult(status -> jdbc.sql("""
            update verzonden_mail set status = 'VERZONDEN', verzonden_op = :nu where bericht_id = :id""")
        .param("nu", nu()).param("id", berichtId).update());
  }

  /** The send failed: forget the claim, so the step's retry sends it. */
  public void vrijgeven(String berichtId) {
    eigenTransactie.executeWithoutResult(status -> jdbc.sql("""
            delete from verzonden_mail where bericht_id = :id and status = 'BEZIG' and geclaimd_door = :door""")
        .param("id", berichtId).param("door", claimant).update());
  }

  private static OffsetDateTime nu() {
    // Microseconds: what both H2 and PostgreSQL keep, so the compare-and-set above finds the value it read.
    OffsetDateTime nu = OffsetDateTime.now(ZoneOffset.UTC);
    return nu.withNano(nu.getNano() / 1000 * 1000);
  }

  private record Rij(String status, OffsetDateTime geclaimdOp) {}

  static Duration standaardClaimDuur() {
    return Duration.ofMinutes(5);
  }
}
