package nl.hgkm.keten.radar;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The radar's view of the case file: meldingen about the same persons over time, earlier cases, the signals raised
 * (table radar_signaal) and the answers of the Veilig Thuis-register (table register_treffer).
 *
 * <p>"The same persons" is what {@code RadarService} matches on: the same BSN, or the same normalised name with the
 * same birth date, of any person of any melding of the case.
 */
@Repository
public class RadarRepository {

  /** Ids of the meldingen with a person of case :zaaknummer (column melding_id) or their cases (zaaknummer). */
  private static final String ZELFDE_PERSONEN = """
      select b.%1$s from betrokkene b join betrokkene p on b.bsn = p.bsn where p.zaaknummer = :zaaknummer
      union
      select b.%1$s from betrokkene b join betrokkene p
        on b.naam_genormaliseerd = p.naam_genormaliseerd and b.geboortedatum = p.geboortedatum
      where p.zaaknummer = :zaaknummer""";

  private final JdbcClient jdbc;

  public RadarRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The core of one melding with its case's region and type. */
  public record MeldingKern(long id, String zaaknummer, String zaaktype, String regio, Instant ontvangenOp,
      String categorie) {}

  /** One melding on the radar: what the story shows, never a name. */
  public record RadarMelding(long meldingId, String zaaknummer, Instant ontvangenOp, String melderType,
      String categorie) {}

  /** Another case with one of the persons; {@code laatsteMelding} is when its newest melding was received. */
  public record EerdereZaak(String zaaknummer, String regio, Instant laatsteMelding) {}

  public record Signaal(long id, String zaaknummer, RadarReden reden, long meldingId, Instant gesignaleerdOp,
      int aantalMeldingen, String processInstanceId, Boolean mdaAanmelden, String toelichting, String beoordeeldDoor,
      Instant beoordeeldOp) {}

  public record Treffer(long id, String zaaknummer, long meldingId, long betrokkeneId, String regio,
      String regioNaam, boolean actueel, Instant gevondenOp) {}

  public Optional<MeldingKern> melding(long meldingId) {
    return jdbc.sql("""
            select m.id, m.zaaknummer, z.zaaktype, z.regio, m.ontvangen_op, m.categorie
            from melding m join zaak z on z.zaaknummer = m.zaaknummer where m.id = :id""")
        .param("id", meldingId)
        .query((rs, n) -> new MeldingKern(rs.getLong("id"), rs.getString("zaaknummer"), rs.getString("zaaktype"),
            rs.getString("regio"), tijdstip(rs, "ontvangen_op"), rs.getString("categorie")))
        .optional();
  }

  public void categorie(long meldingId, String categorie) {
    jdbc.sql("update melding set categorie = :categorie where id = :id")
        .param("categorie", categorie).param("id", meldingId)
        .update();
  }

  /**
   * Holds the case's row until the transaction ends, so that two intakes for one case cannot both raise the same
   * signal.
   */
  public void vergrendel(String zaaknummer) {
    jdbc.sql("select zaaknummer from zaak where zaaknummer = :zaaknummer for update")
        .param("zaaknummer", zaaknummer)
        .query(String.class).list();
  }

  /**
   * Every melding of region {@code regio} received from {@code vanaf} on that concerns a person of case
   * {@code zaaknummer}, in any case of that region (Veilig Thuis cases only), plus every melding of the case itself;
   * oldest first.
   */
  public List<RadarMelding> meldingenOverPersonen(String zaaknummer, String regio, Instant vanaf) {
    return jdbc.sql("""
            select m.id, m.zaaknummer, m.ontvangen_op, m.melder_type, m.categorie
            from melding m join zaak z on z.zaaknummer = m.zaaknummer
            where z.zaaktype = 'MELDING' and z.regio = :regio and m.ontvangen_op >= :vanaf
              and (m.zaaknummer = :zaaknummer or m.id in (%s))
            order by m.ontvangen_op, m.id""".formatted(ZELFDE_PERSONEN.formatted("melding_id")))
        .param("zaaknummer", zaaknummer)
        .param("regio", regio)
        .param("vanaf", tijdstip(vanaf))
        .query((rs, n) -> new RadarMelding(rs.getLong("id"), rs.getString("zaaknummer"),
            tijdstip(rs, "ontvangen_op"), rs.getString("melder_type"), rs.getString("categorie")))
        .list();
  }

  /** The other Veilig Thuis cases, in any region of this installation, with a person of {@code zaaknummer}. */
  public List<EerdereZaak> andereZakenMetPersonen(String zaaknummer) {
    return jdbc.sql("""
            select z.zaaknummer, z.regio,
              (select max(m.ontvangen_op) from melding m where m.zaaknummer = z.zaaknummer) as laatste_melding
            from zaak z
            where z.zaaktype = 'MELDING' and z.zaaknummer <> :zaaknummer and z.zaaknummer in (%s)
            order by z.zaaknummer""".formatted(ZELFDE_PERSONEN.formatted("zaaknummer")))
        .param("zaaknummer", zaaknummer)
        .query((rs, n) -> new EerdereZaak(rs.getString("zaaknummer"), rs.getString("regio"),
            tijdstip(rs, "laatste_melding")))
        .list();
  }

  // ------------------------------------------------------------------ signals

  public void nieuwSignaal(String zaaknummer, RadarReden reden, long meldingId, Instant op, int aantalMeldingen,
      String processInstanceId) {
    jdbc.sql("""
            insert into radar_signaal (zaaknummer, reden, melding_id, gesignaleerd_op, aantal_meldingen,
              process_instance_id)
            values (:zaaknummer, :reden, :meldingId, :op, :aantal, :pid)""")
        .param("zaaknummer", zaaknummer)
        .param("reden", reden.name())
        .param("meldingId", meldingId)
        .param("op", tijdstip(op))
        .param("aantal", aantalMeldingen)
        .param("pid", processInstanceId)
        .update();
  }

  /** Whether the case was flagged for {@code reden} at or after {@code vanaf}. */
  public boolean gesignaleerdSinds(String zaaknummer, RadarReden reden, Instant vanaf) {
    return jdbc.sql("""
            select count(*) from radar_signaal
            where zaaknummer = :zaaknummer and reden = :reden and gesignaleerd_op >= :vanaf""")
        .param("zaaknummer", zaaknummer).param("reden", reden.name()).param("vanaf", tijdstip(vanaf))
        .query(Integer.class).single() > 0;
  }

  public List<Signaal> signalen(String zaaknummer) {
    return jdbc.sql("select * from radar_signaal where zaaknummer = :zaaknummer order by gesignaleerd_op, id")
        .param("zaaknummer", zaaknummer)
        .query(RadarRepository::signaal)
        .list();
  }

  public List<Signaal> signalenVanProces(String processInstanceId) {
    return jdbc.sql("select * from radar_signaal where process_instance_id = :pid order by gesignaleerd_op, id")
        .param("pid", processInstanceId)
        .query(RadarRepository::signaal)
        .list();
  }

  /** The team leader's assessment, on every signal the assessment {@code processInstanceId} carried. */
  public int beoordeling(String processInstanceId, boolean mdaAanmelden, String toelichting, String door,
      Instant op) {
    return jdbc.sql("""
            update radar_signaal set mda_aanmelden = :mda, toelichting = :toelichting, beoordeeld_door = :door,
              beoordeeld_op = :op
            where process_instance_id = :pid""")
        .param("mda", mdaAanmelden).param("toelichting", toelichting).param("door", door)
        .param("op", tijdstip(op)).param("pid", processInstanceId)
        .update();
  }

  // ------------------------------------------------------------------ register

  /**
   * Records that the register knows person {@code betrokkeneId} in {@code regio}; a second answer for the same
   * person and region updates whether the involvement is current.
   */
  public void treffer(String zaaknummer, long meldingId, long betrokkeneId, String regio, String regioNaam,
      boolean actueel, Instant op) {
    int bijgewerkt = jdbc.sql("""
            update register_treffer set actueel = :actueel, regio_naam = :regioNaam, gevonden_op = :op
            where betrokkene_id = :betrokkeneId and regio = :regio""")
        .param("actueel", actueel).param("regioNaam", regioNaam).param("op", tijdstip(op))
        .param("betrokkeneId", betrokkeneId).param("regio", regio)
        .update();
    if (bijgewerkt == 0) {
      jdbc.sql("""
              insert into register_treffer (zaaknummer, melding_id, betrokkene_id, regio, regio_naam, actueel,
                gevonden_op)
              values (:zaaknummer, :meldingId, :betrokkeneId, :regio, :regioNaam, :actueel, :op)""")
          .param("zaaknummer", zaaknummer).param("meldingId", meldingId).param("betrokkeneId", betrokkeneId)
          .param("regio", regio).param("regioNaam", regioNaam).param("actueel", actueel).param("op", tijdstip(op))
          .update();
    }
  }

  public List<Treffer> treffers(String zaaknummer) {
    return jdbc.sql("select * from register_treffer where zaaknummer = :zaaknummer order by gevonden_op, id")
        .param("zaaknummer", zaaknummer)
        .query((rs, n) -> new Treffer(rs.getLong("id"), rs.getString("zaaknummer"), rs.getLong("melding_id"),
            rs.getLong("betrokkene_id"), rs.getString("regio"), rs.getString("regio_naam"),
            rs.getBoolean("actueel"), tijdstip(rs, "gevonden_op")))
        .list();
  }

  /** Whether the register reported another region as currently involved with a person of this melding. */
  public boolean actueleTreffer(long meldingId) {
    return jdbc.sql("select count(*) from register_treffer where melding_id = :id and actueel = true")
        .param("id", meldingId)
        .query(Integer.class).single() > 0;
  }

  private static Signaal signaal(ResultSet rs, int rij) throws SQLException {
    Object mda = rs.getObject("mda_aanmelden");
    return new Signaal(rs.getLong("id"), rs.getString("zaaknummer"), RadarReden.valueOf(rs.getString("reden")),
        rs.getLong("melding_id"), tijdstip(rs, "gesignaleerd_op"), rs.getInt("aantal_meldingen"),
        rs.getString("process_instance_id"), mda == null ? null : rs.getBoolean("mda_aanmelden"),
        rs.getString("toelichting"), rs.getString("beoordeeld_door"), tijdstip(rs, "beoordeeld_op"));
  }

  private static OffsetDateTime tijdstip(Instant moment) {
    return moment == null ? null : moment.atOffset(ZoneOffset.UTC);
  }

  private static Instant tijdstip(ResultSet rs, String kolom) throws SQLException {
    OffsetDateTime waarde = rs.getObject(kolom, OffsetDateTime.class);
    return waarde == null ? null : waarde.toInstant();
  }
}
