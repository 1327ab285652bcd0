package nl.hgkm.keten.zaak;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.hgkm.keten.privacy.Persoonssleutels;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The case file in the project's own tables (zaak, melding, melder_beschermd, betrokkene), keyed by zaaknummer. */
@Repository
public class DossierRepository {

  private final JdbcClient jdbc;
  private final Persoonssleutels persoonssleutels;

  public DossierRepository(JdbcClient jdbc, Persoonssleutels persoonssleutels) {
    this.jdbc = jdbc;
    this.persoonssleutels = persoonssleutels;
  }

  public void nieuweZaak(Zaak zaak) {
    jdbc.sql("""
            insert into zaak (zaaknummer, zaaktype, regio, aangemaakt_op, process_instance_id)
            values (:zaaknummer, :zaaktype, :regio, :aangemaaktOp, :processInstanceId)""")
        .param("zaaknummer", zaak.zaaknummer())
        .param("zaaktype", zaak.zaaktype().name())
        .param("regio", zaak.regio())
        .param("aangemaaktOp", tijdstip(zaak.aangemaaktOp()))
        .param("processInstanceId", zaak.processInstanceId())
        .update();
  }

  public void koppelProces(String zaaknummer, String processInstanceId) {
    jdbc.sql("update zaak set process_instance_id = :pid where zaaknummer = :zaaknummer")
        .param("pid", processInstanceId).param("zaaknummer", zaaknummer)
        .update();
  }

  public Optional<Zaak> zaak(String zaaknummer) {
    return jdbc.sql("select * from zaak where zaaknummer = :zaaknummer")
        .param("zaaknummer", zaaknummer)
        .query(DossierRepository::zaak)
        .optional();
  }

  /** Inserts a report and answers its id. */
  public long nieuweMelding(Melding melding) {
    KeyHolder sleutel = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into melding (zaaknummer, externe_referentie, ontvangen_op, geregistreerd_op, geregistreerd_door,
              categorie, melder_type, melder_naam, melder_email, anoniem_naar_gezin, acuut, structureel, signalen,
              omschrijving)
            values (:zaaknummer, :externeReferentie, :ontvangenOp, :geregistreerdOp, :geregistreerdDoor,
              :categorie, :melderType, :melderNaam, :melderEmail, :anoniemNaarGezin, :acuut, :structureel, :signalen,
              :omschrijving)""")
        .param("zaaknummer", melding.zaaknummer())
        .param("externeReferentie", melding.externeReferentie())
        .param("ontvangenOp", tijdstip(melding.ontvangenOp()))
        .param("geregistreerdOp", tijdstip(melding.geregistreerdOp()))
        .param("geregistreerdDoor", melding.geregistreerdDoor())
        .param("categorie", melding.categorie())
        .param("melderType", melding.melderType())
        .param("melderNaam", melding.melderNaam())
        .param("melderEmail", melding.melderEmail())
        .param("anoniemNaarGezin", melding.anoniemNaarGezin())
        .param("acuut", melding.acuut())
        .param("structureel", melding.structureel())
        .param("signalen", melding.signalen())
        .param("omschrijving", melding.omschrijving())
        .update(sleutel, "id");
    return sleutel.getKeyAs(Number.class).longValue();
  }

  public void beoordeling(long meldingId, boolean acuut, boolean structureel) {
    jdbc.sql("update melding set acuut = :acuut, structureel = :structureel where id = :id")
        .param("acuut", acuut).param("structureel", structureel).param("id", meldingId)
        .update();
  }

  public List<Melding> meldingen(String zaaknummer) {
    return jdbc.sql("select * from melding where zaaknummer = :zaaknummer order by ontvangen_op, id")
        .param("zaaknummer", zaaknummer)
        .query(DossierRepository::melding)
        .list();
  }

  public void beschermdeMelder(BeschermdeMelder melder) {
    jdbc.sql("insert into melder_beschermd (melding_id, naam, email) values (:meldingId, :naam, :email)")
        .param("meldingId", melder.meldingId()).param("naam", melder.naam()).param("email", melder.email())
        .update();
  }

  public List<BeschermdeMelder> beschermdeMelders(String zaaknummer) {
    return jdbc.sql("""
            select b.melding_id, b.naam, b.email from melder_beschermd b join melding m on m.id = b.melding_id
            where m.zaaknummer = :zaaknummer""")
        .param("zaaknummer", zaaknummer)
        .query((rs, n) -> new BeschermdeMelder(rs.getLong("melding_id"), rs.getString("naam"), rs.getString("email")))
        .list();
  }

  public void nieuweBetrokkene(Betrokkene betrokkene) {
    jdbc.sql("""
            insert into betrokkene (melding_id, zaaknummer, rol, naam, naam_genormaliseerd, geboortedatum, bsn,
              persoonssleutel)
            values (:meldingId, :zaaknummer, :rol, :naam, :naamGenormaliseerd, :geboortedatum, :bsn, :sleutel)""")
        .param("meldingId", betrokkene.meldingId())
        .param("zaaknummer", betrokkene.zaaknummer())
        .param("rol", betrokkene.rol())
        .param("naam", betrokkene.naam())
        .param("naamGenormaliseerd", Namen.normaliseer(betrokkene.naam()))
        .param("geboortedatum", betrokkene.geboortedatum())
        .param("bsn", betrokkene.bsn())
        .param("sleutel", persoonssleutels.vanPersoonInZaak(betrokkene.bsn(), betrokkene.naam(),
            betrokkene.geboortedatum(), betrokkene.zaaknummer()))
        .update();
  }

  /**
   * The pseudonymous keys of the case's persons, comma separated, in order of first appearance: the process variable
   * {@code persoonssleutels}, the only trace of who a case is about that the engine keeps (docs/privacy.md).
   */
  public String persoonssleutels(String zaaknummer) {
    return String.join(",", jdbc.sql("""
            select persoonssleutel from betrokkene where zaaknummer = :zaaknummer and persoonssleutel is not null
            order by id""")
        .param("zaaknummer", zaaknummer).query(String.class).list().stream().distinct().toList());
  }

  public List<Betrokkene> betrokkenen(String zaaknummer) {
    return jdbc.sql("select * from betrokkene where zaaknummer = :zaaknummer order by id")
        .param("zaaknummer", zaaknummer)
        .query((rs, n) -> new Betrokkene(rs.getLong("id"), rs.getLong("melding_id"), rs.getString("zaaknummer"),
            rs.getString("rol"), rs.getString("naam"), rs.getObject("geboortedatum", LocalDate.class),
            rs.getString("bsn")))
        .list();
  }

  /**
   * The cases of a type in which a person was involved: same BSN, or same normalised name and same birth date.
   * Without a BSN and without a birth date a person cannot be matched. Across all regions: the caller decides what a
   * region may see.
   */
  public List<Zaak> zakenMetPersoon(Zaaktype zaaktype, String bsn, String naam, LocalDate geboortedatum) {
    List<String> voorwaarden = new ArrayList<>();
    if (bsn != null) {
      voorwaarden.add("b.bsn = :bsn");
    }
    if (naam != null && geboortedatum != null) {
      voorwaarden.add("(b.naam_genormaliseerd = :naam and b.geboortedatum = :geboortedatum)");
    }
    if (voorwaarden.isEmpty()) {
      return List.of();
    }
    JdbcClient.StatementSpec vraag = jdbc.sql("""
            select z.* from zaak z where z.zaaktype = :zaaktype and z.zaaknummer in (
              select b.zaaknummer from betrokkene b where %s)
            order by z.aangemaakt_op desc, z.zaaknummer desc""".formatted(String.join(" or ", voorwaarden)))
        .param("zaaktype", zaaktype.name());
    if (bsn != null) {
      vraag = vraag.param("bsn", bsn);
    }
    if (naam != null && geboortedatum != null) {
      vraag = vraag.param("naam", Namen.normaliseer(naam)).param("geboortedatum", geboortedatum);
    }
    return vraag.query(DossierRepository::zaak).list();
  }

  static OffsetDateTime tijdstip(Instant moment) {
    return moment == null ? null : moment.atOffset(ZoneOffset.UTC);
  }

  static Instant tijdstip(ResultSet rs, String kolom) throws SQLException {
    OffsetDateTime waarde = rs.getObject(kolom, OffsetDateTime.class);
    return waarde == null ? null : waarde.toInstant();
  }

  private static Zaak zaak(ResultSet rs, int rij) throws SQLException {
    return new Zaak(rs.getString("zaaknummer"), Zaaktype.valueOf(rs.getString("zaaktype")), rs.getString("regio"),
        tijdstip(rs, "aangemaakt_op"), rs.getString("process_instance_id"));
  }

  private static Melding melding(ResultSet rs, int rij) throws SQLException {
    return new Melding(rs.getLong("id"), rs.getString("zaaknummer"), rs.getString("externe_referentie"),
        tijdstip(rs, "ontvangen_op"), tijdstip(rs, "geregistreerd_op"), rs.getString("geregistreerd_door"),
        rs.getString("categorie"), rs.getString("melder_type"), rs.getString("melder_naam"),
        rs.getString("melder_email"), rs.getBoolean("anoniem_naar_gezin"), rs.getBoolean("acuut"),
        rs.getBoolean("structureel"), rs.getString("signalen"), rs.getString("omschrijving"));
  }
}
