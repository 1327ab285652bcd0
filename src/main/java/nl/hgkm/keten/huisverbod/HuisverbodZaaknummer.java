package nl.hgkm.keten.huisverbod;

import java.time.ZoneId;
import java.util.Optional;
import nl.hgkm.keten.kalender.Klok;
import nl.hgkm.keten.kalender.Werkdagenkalender;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Zaaknummers of huisverboden, {@code HV-<yyyy>-<6 digits>} (contract §3): one counter per calendar year
 * (Europe/Amsterdam, by the engine clock) in the shared table {@code zaaknummer_teller}, row {@code prefix = 'HV'}.
 *
 * <p>Runs in the caller's transaction, so a refused or failed intake gives its number back and numbers have no gaps.
 * The counter row is read with {@code select ... for update}: concurrent intakes, also on other nodes, queue on that
 * row lock until the holder commits. The first number of a year inserts the row; that insert runs in a savepoint, so
 * that a node that loses the race (duplicate key) can go on in the same transaction (PostgreSQL would otherwise
 * abort it) and lock the row the winner wrote.
 *
 * <p>Written to be folded together with the melding intake's generator of {@code VT-} numbers: same table, same
 * locking, only the prefix differs.
 */
@Component
class HuisverbodZaaknummer {

  static final String PREFIX = "HV";
  private static final int MAXIMUM = 999_999;
  private static final int POGINGEN = 3;

  private final JdbcClient jdbc;
  private final Klok klok;
  private final ZoneId tijdzone;
  private final TransactionTemplate savepoint;

  HuisverbodZaaknummer(JdbcClient jdbc, Klok klok, Werkdagenkalender kalender,
      PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.klok = klok;
    this.tijdzone = kalender.tijdzone();
    this.savepoint = new TransactionTemplate(transactionManager);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  /** The next number; call inside a transaction (the row lock is held until it ends). */
  String volgende() {
    int jaar = klok.nu().atZone(tijdzone).getYear();
    for (int poging = 1; ; poging++) {
      Optional<Integer> laatste = vergrendel(jaar);
      if (laatste.isPresent()) {
        int nummer = laatste.get() + 1;
        if (nummer > MAXIMUM) {
          throw new IllegalStateException("Zaaknummers " + PREFIX + "-" + jaar + " zijn op (meer dan " + MAXIMUM + ")");
        }
        jdbc.sql("update zaaknummer_teller set laatste = :nummer where prefix = :prefix and jaar = :jaar")
            .param("nummer", nummer).param("prefix", PREFIX).param("jaar", jaar)
            .update();
        return formatteer(jaar, nummer);
      }
      try {
        savepoint.executeWithoutResult(status ->
            jdbc.sql("insert into zaaknummer_teller (prefix, jaar, laatste) values (:prefix, :jaar, 1)")
                .param("prefix", PREFIX).param("jaar", jaar)
                .update());
        return formatteer(jaar, 1);
      } catch (DuplicateKeyException andereIntakeWasEerder) {
        // Another intake wrote this year's first number meanwhile; lock its row and count on.
        if (poging == POGINGEN) {
          throw andereIntakeWasEerder;
        }
      }
    }
  }

  private Optional<Integer> vergrendel(int jaar) {
    return jdbc.sql("select laatste from zaaknummer_teller where prefix = :prefix and jaar = :jaar for update")
        .param("prefix", PREFIX).param("jaar", jaar)
        .query(Integer.class)
        .optional();
  }

  static String formatteer(int jaar, int nummer) {
    return "%s-%d-%06d".formatted(PREFIX, jaar, nummer);
  }
}
