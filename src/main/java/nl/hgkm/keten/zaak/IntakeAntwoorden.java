package nl.hgkm.keten.zaak;

import java.util.Optional;
import nl.hgkm.keten.kalender.Klok;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Idempotency of the intake APIs (table intake_antwoord): the first answer per externeReferentie and kind of intake.
 *
 * <p>An intake first {@link #claim claims} its key in its own transaction and {@link #vastleggen records} the answer
 * at the end of it. The primary key makes a concurrent duplicate wait for the first one and then fail with a
 * duplicate key, after which it answers what the first one stored.
 */
@Repository
public class IntakeAntwoorden {

  /** The kinds of intake that share the table. */
  public enum Soort { MELDING, HUISVERBOD }

  /** A stored answer: the HTTP status and the JSON body of the first request. */
  public record Antwoord(int httpStatus, String body) {}

  private final JdbcClient jdbc;
  private final Klok klok;

  public IntakeAntwoorden(JdbcClient jdbc, Klok klok) {
    this.jdbc = jdbc;
    this.klok = klok;
  }

  public Optional<Antwoord> vind(String externeReferentie, Soort soort) {
    return jdbc.sql("""
            select http_status, antwoord from intake_antwoord
            where externe_referentie = :referentie and soort = :soort and http_status > 0""")
        .param("referentie", externeReferentie).param("soort", soort.name())
        .query((rs, n) -> new Antwoord(rs.getInt("http_status"), rs.getString("antwoord")))
        .optional();
  }

  /** Takes the key for this transaction; throws a DuplicateKeyException when another intake has (or had) it. */
  public void claim(String externeReferentie, Soort soort) {
    jdbc.sql("""
            insert into intake_antwoord (externe_referentie, soort, http_status, antwoord, aangemaakt_op)
            values (:referentie, :soort, 0, '-', :nu)""")
        .param("referentie", externeReferentie).param("soort", soort.name())
        .param("nu", DossierRepository.tijdstip(klok.nu()))
        .update();
  }

  public void vastleggen(String externeReferentie, Soort soort, int httpStatus, String body) {
    int bijgewerkt = jdbc.sql("""
            update intake_antwoord set http_status = :status, antwoord = :antwoord
            where externe_referentie = :referentie and soort = :soort""")
        .param("status", httpStatus).param("antwoord", body)
        .param("referentie", externeReferentie).param("soort", soort.name())
        .update();
    if (bijgewerkt != 1) {
      throw new IllegalStateException("Geen claim op externe referentie voor " + soort);
    }
  }
}
