package nl.hgkm.keten.zaak;

import java.time.ZoneId;
import nl.hgkm.keten.kalender.Klok;
import nl.hgkm.keten.kalender.Werkdagenkalender;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out zaaknummers {@code <prefix>-<yyyy>-<6 digits>}, one counter per prefix and calendar year (Europe/Amsterdam,
 * by the engine clock) in table {@code zaaknummer_teller}.
 *
 * <p>Safe with several application nodes on one database: the counter is raised with an UPDATE (which takes the row
 * lock) and read back under that lock; the first number of a year inserts the row, and a node that loses that race
 * gets a duplicate key and simply updates. The work runs in a savepoint of the caller's transaction, so the numbers
 * have no gaps (a rolled-back intake gives its number back) and a lost insert race does not abort the caller's
 * transaction on PostgreSQL. The price: concurrent new cases wait for each other's commit on the counter row.
 */
@Component
public class ZaaknummerGenerator {

  private static final int MAXIMUM = 999_999;
  private static final int POGINGEN = 3;

  private final JdbcClient jdbc;
  private final Klok klok;
  private final ZoneId tijdzone;
  private final TransactionTemplate savepoint;

  public ZaaknummerGenerator(JdbcClient jdbc, Klok klok, Werkdagenkalender kalender,
      PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.klok = klok;
    this.tijdzone = kalender.tijdzone();
    this.savepoint = new TransactionTemplate(transactionManager);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  public String volgende(Zaaktype zaaktype) {
    String prefix = zaaktype.prefix();
    int jaar = klok.nu().atZone(tijdzone).getYear();
    for (int poging = 1; ; poging++) {
      try {
        Integer nummer = savepoint.execute(status -> verhoog(prefix, jaar));
        if (nummer > MAXIMUM) {
          throw new IllegalStateException("Zaaknummers " + prefix + "-" + jaar + " zijn op (meer dan " + MAXIMUM + ")");
        }
        return "%s-%d-%06d".formatted(prefix, jaar, nummer);
      } catch (DuplicateKeyException anderNodeWasEerder) {
        if (poging == POGINGEN) {
          throw anderNodeWasEerder;
        }
      }
    }
  }

  private int verhoog(String prefix, int jaar) {
    int bijgewerkt = jdbc.sql("update zaaknummer_teller set laatste = laatste + 1 where prefix = :prefix and jaar = :jaar")
        .param("prefix", prefix).param("jaar", jaar)
        .update();
    if (bijgewerkt == 0) {
      jdbc.sql("insert into zaaknummer_teller (prefix, jaar, laatste) values (:prefix, :jaar, 1)")
          .param("prefix", prefix).param("jaar", jaar)
          .update();
      return 1;
    }
    return jdbc.sql("select laatste from zaaknummer_teller where prefix = :prefix and jaar = :jaar")
        .param("prefix", prefix).param("jaar", jaar)
        .query(Integer.class)
        .single();
  }
}
