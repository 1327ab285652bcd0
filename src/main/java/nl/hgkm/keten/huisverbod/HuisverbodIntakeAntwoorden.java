package nl.hgkm.keten.huisverbod;

import java.util.Optional;
import nl.hgkm.keten.kalender.Klok;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Idempotency of {@code POST /api/huisverboden}: the first answer per externeReferentie, in the table the intake
 * APIs share ({@code intake_antwoord}, soort {@code HUISVERBOD}).
 *
 * <p>An intake claims its key first (a row without an answer yet, {@code http_status} 0) and records the answer at
 * the end of the same transaction. A concurrent request with the same key waits on the primary key until the first
 * one commits and then fails with a duplicate key, after which it answers what the first one stored; if the first
 * one rolled back, the key is free again. A refused request never reaches the claim, so it does not use the key up.
 */
@Repository
class HuisverbodIntakeAntwoorden {

  static final String SOORT = "HUISVERBOD";

  private final JdbcClient jdbc;
  private final Klok klok;

  HuisverbodIntakeAntwoorden(JdbcClient jdbc, Klok klok) {
    this.jdbc = jdbc;
    this.klok = klok;
  }

  /** The stored answer (JSON) of the first request with this key, if one committed. */
  Optional<String> vind(String externeReferentie) {
    return jdbc.sql("""
            select antwoord from intake_antwoord
            where externe_referentie = :referentie and soort = :soort and http_status > 0""")
        .param("referentie", externeReferentie).param("soort", SOORT)
        .query(String.class)
        .optional();
  }

  /** Takes the key for this transaction; a DuplicateKeyException when another request has (or had) it. */
  void claim(String externeReferentie) {
    jdbc.sql("""
            insert into intake_antwoord (externe_referentie, soort, http_status, antwoord, aangemaakt_op)
            values (:referentie, :soort, 0, '-', :nu)""")
        .param("referentie", externeReferentie).param("soort", SOORT)
        .param("nu", HuisverbodRepository.utc(klok.nu()))
        .update();
  }

  void vastleggen(String externeReferentie, int httpStatus, String antwoord) {
    int bijgewerkt = jdbc.sql("""
            update intake_antwoord set http_status = :status, antwoord = :antwoord
            where externe_referentie = :referentie and soort = :soort""")
        .param("status", httpStatus).param("antwoord", antwoord)
        .param("referentie", externeReferentie).param("soort", SOORT)
        .update();
    if (bijgewerkt != 1) {
      throw new IllegalStateException("Geen claim op externe referentie " + externeReferentie);
    }
  }
}
