package nl.hgkm.keten.monitoring;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.hgkm.keten.zaak.Namen;
import nl.hgkm.keten.zaak.Zaaktype;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What monitoring reads from the case files: the persons of the monitored case (a Veilig Thuis case or a huisverbod)
 * and the meldingen about them in the same region. Regions do not see each other's files (domain §8), so meldingen of
 * another region never count.
 */
@Repository
class MonitoringDossier {

  /** A person of the monitored case. */
  record Persoon(String rol, String naam, LocalDate geboortedatum, String bsn) {}

  /** The facts of one melding that the plan weighs. */
  record MeldingFeit(long id, String zaaknummer, String externeReferentie, Instant ontvangenOp, boolean acuut) {}

  private final JdbcClient jdbc;

  MonitoringDossier(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Zaaktype> zaaktype(String zaaknummer) {
    return jdbc.sql("select zaaktype from zaak where zaaknummer = :zaak")
        .param("zaak", zaaknummer)
        .query(String.class)
        .optional()
        .map(Zaaktype::valueOf);
  }

  List<Persoon> personen(String zaaknummer, Zaaktype zaaktype) {
    String tabel = zaaktype == Zaaktype.HUISVERBOD ? "huisverbod_persoon" : "betrokkene";
    return jdbc.sql("select rol, naam, geboortedatum, bsn from " + tabel + " where zaaknummer = :zaak order by id")
        .param("zaak", zaaknummer)
        .query((rs, n) -> new Persoon(rs.getString("rol"), rs.getString("naam"),
            rs.getObject("geboortedatum", LocalDate.class), rs.getString("bsn")))
        .list();
  }

  /**
   * The meldingen of the case itself and every melding in the region about one of the persons (same BSN, or same
   * normalised name and birth date, as the radar matches), each once.
   */
  Collection<MeldingFeit> meldingen(String zaaknummer, String regio, List<Persoon> personen) {
    Map<Long, MeldingFeit> meldingen = new LinkedHashMap<>();
    jdbc.sql("select m.* from melding m where m.zaaknummer = :zaak")
        .param("zaak", zaaknummer)
        .query(MonitoringDossier::melding)
        .list()
        .forEach(m -> meldingen.putIfAbsent(m.id(), m));
    for (Persoon persoon : personen) {
      List<String> voorwaarden = new ArrayList<>();
      if (persoon.bsn() != null) {
        voorwaarden.add("b.bsn = :bsn");
      }
      if (persoon.naam() != null && persoon.geboortedatum() != null) {
        voorwaarden.add("(b.naam_genormaliseerd = :naam and b.geboortedatum = :geboortedatum)");
      }
      if (voorwaarden.isEmpty()) {
        continue;
      }
      JdbcClient.StatementSpec vraag = jdbc.sql("""
              select m.* from melding m join zaak z on z.zaaknummer = m.zaaknummer
              where z.regio = :regio and m.id in (select b.melding_id from betrokkene b where %s)"""
              .formatted(String.join(" or ", voorwaarden)))
          .param("regio", regio);
      if (persoon.bsn() != null) {
        vraag = vraag.param("bsn", persoon.bsn());
      }
      if (persoon.naam() != null && persoon.geboortedatum() != null) {
        vraag = vraag.param("naam", Namen.normaliseer(persoon.naam())).param("geboortedatum", persoon.geboortedatum());
      }
      vraag.query(MonitoringDossier::melding).list().forEach(m -> meldingen.putIfAbsent(m.id(), m));
    }
    return meldingen.values();
  }

  private static MeldingFeit melding(ResultSet rs, int rij) throws SQLException {
    OffsetDateTime ontvangen = rs.getObject("ontvangen_op", OffsetDateTime.class);
    return new MeldingFeit(rs.getLong("id"), rs.getString("zaaknummer"), rs.getString("externe_referentie"),
        ontvangen.toInstant(), rs.getBoolean("acuut"));
  }
}
