package nl.hgkm.keten.meldcode;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The weighings in tables meldcode_afweging and meldcode_antwoord (V30__meldcode.sql). */
@Repository
class AfwegingRepository {

  private final JdbcClient jdbc;

  AfwegingRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void nieuw(Afweging afweging) {
    jdbc.sql("""
            insert into meldcode_afweging (id, eigenaar, aangemaakt_op, bijgewerkt_op, besluit, volgende_afweging,
              process_instance_id)
            values (:id, :eigenaar, :aangemaaktOp, :bijgewerktOp, :besluit, :volgendeAfweging, :processInstanceId)""")
        .param("id", afweging.id())
        .param("eigenaar", afweging.eigenaar())
        .param("aangemaaktOp", tijdstip(afweging.aangemaaktOp()))
        .param("bijgewerktOp", tijdstip(afweging.bijgewerktOp()))
        .param("besluit", afweging.besluit().name())
        .param("volgendeAfweging", afweging.volgendeAfweging())
        .param("processInstanceId", afweging.processInstanceId())
        .update();
  }

  /**
   * The weighing, its row locked until the end of the transaction: two requests about one weighing (a double click,
   * a retry) take turns, so the second sees what the first stored.
   */
  Optional<Afweging> vergrendel(String id) {
    return jdbc.sql("select * from meldcode_afweging where id = :id for update")
        .param("id", id)
        .query(AfwegingRepository::afweging)
        .optional();
  }

  Optional<Afweging> vind(String id) {
    return jdbc.sql("select * from meldcode_afweging where id = :id")
        .param("id", id)
        .query(AfwegingRepository::afweging)
        .optional();
  }

  List<Afweging> vanZaak(String zaaknummer) {
    return jdbc.sql("select * from meldcode_afweging where zaaknummer = :zaaknummer order by gemeld_op, id")
        .param("zaaknummer", zaaknummer)
        .query(AfwegingRepository::afweging)
        .list();
  }

  void stand(String id, Besluit besluit, Integer volgendeAfweging, Instant bijgewerktOp) {
    jdbc.sql("""
            update meldcode_afweging set besluit = :besluit, volgende_afweging = :volgende, bijgewerkt_op = :op
            where id = :id""")
        .param("besluit", besluit.name())
        .param("volgende", volgendeAfweging)
        .param("op", tijdstip(bijgewerktOp))
        .param("id", id)
        .update();
  }

  void gemeld(String id, String zaaknummer, Instant gemeldOp, String meldingAntwoord, boolean anoniemNaarGezin) {
    jdbc.sql("""
            update meldcode_afweging set zaaknummer = :zaaknummer, gemeld_op = :op, bijgewerkt_op = :op,
              melding_antwoord = :antwoord, anoniem_naar_gezin = :anoniem
            where id = :id and zaaknummer is null""")
        .param("zaaknummer", zaaknummer)
        .param("op", tijdstip(gemeldOp))
        .param("antwoord", meldingAntwoord)
        .param("anoniem", anoniemNaarGezin)
        .param("id", id)
        .update();
  }

  void antwoord(GegevenAntwoord antwoord) {
    jdbc.sql("""
            insert into meldcode_antwoord (afweging_id, vraag, soort, antwoord, toelichting, gegeven_op, gegeven_door)
            values (:afwegingId, :vraag, :soort, :antwoord, :toelichting, :gegevenOp, :gegevenDoor)""")
        .param("afwegingId", antwoord.afwegingId())
        .param("vraag", antwoord.vraag().nummer())
        .param("soort", antwoord.soort().name())
        .param("antwoord", antwoord.antwoord())
        .param("toelichting", antwoord.toelichting())
        .param("gegevenOp", tijdstip(antwoord.gegevenOp()))
        .param("gegevenDoor", antwoord.gegevenDoor())
        .update();
  }

  /** Every row of the weighing, oldest first: the last row per question is its current state. */
  List<GegevenAntwoord> geschiedenis(String afwegingId) {
    return jdbc.sql("select * from meldcode_antwoord where afweging_id = :id order by id")
        .param("id", afwegingId)
        .query((rs, n) -> new GegevenAntwoord(rs.getLong("id"), rs.getString("afweging_id"),
            Afwegingsvraag.vanNummer(rs.getInt("vraag")), GegevenAntwoord.Soort.valueOf(rs.getString("soort")),
            (Boolean) rs.getObject("antwoord"), rs.getString("toelichting"), tijdstip(rs, "gegeven_op"),
            rs.getString("gegeven_door")))
        .list();
  }

  private static Afweging afweging(ResultSet rs, int rij) throws SQLException {
    Object volgende = rs.getObject("volgende_afweging");
    return new Afweging(rs.getString("id"), rs.getString("eigenaar"), tijdstip(rs, "aangemaakt_op"),
        tijdstip(rs, "bijgewerkt_op"), Besluit.valueOf(rs.getString("besluit")),
        volgende == null ? null : ((Number) volgende).intValue(), rs.getString("process_instance_id"),
        rs.getString("zaaknummer"), tijdstip(rs, "gemeld_op"), rs.getString("melding_antwoord"),
        (Boolean) rs.getObject("anoniem_naar_gezin"));
  }

  private static OffsetDateTime tijdstip(Instant moment) {
    return moment == null ? null : moment.atOffset(ZoneOffset.UTC);
  }

  private static Instant tijdstip(ResultSet rs, String kolom) throws SQLException {
    OffsetDateTime waarde = rs.getObject(kolom, OffsetDateTime.class);
    return waarde == null ? null : waarde.toInstant();
  }
}
