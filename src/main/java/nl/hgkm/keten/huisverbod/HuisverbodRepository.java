package nl.hgkm.keten.huisverbod;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import nl.hgkm.keten.kalender.Klok;
import nl.hgkm.keten.privacy.Persoonssleutels;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The case file of a tijdelijk huisverbod in the project's own tables (V10): {@code zaak}, {@code huisverbod},
 * {@code huisverbod_persoon}, {@code zaak_document}, and its lines in {@code audit_gebeurtenis}. Everything runs in
 * the caller's transaction, which the engine shares. Times are stored in UTC.
 */
@Repository
class HuisverbodRepository {

  static final String ZAAKTYPE = "HUISVERBOD";
  static final String ROL_PLEGER = "PLEGER";
  private static final int MAXIMALE_AUDITREGEL = 2000;

  private final JdbcClient jdbc;
  private final Klok klok;
  private final Persoonssleutels persoonssleutels;

  HuisverbodRepository(JdbcClient jdbc, Klok klok, Persoonssleutels persoonssleutels) {
    this.jdbc = jdbc;
    this.klok = klok;
    this.persoonssleutels = persoonssleutels;
  }

  // ------------------------------------------------------------------ the order and its persons

  /** The row of table {@code huisverbod}, with the process instance of its case. */
  record Huisverbod(String zaaknummer, String externeReferentie, String regio, String gemeente, Instant incidentOp,
      String woningAdres, boolean kindermishandeling, boolean plegerMeerderjarig,
      boolean woontOfVerblijftNietIncidenteel, boolean ernstigOnmiddellijkGevaarOordeel, int roodPleger,
      int roodIncident, int roodGezin, String feiten, String advies, String ingediendDoor, Instant ingediendOp,
      String bereikbaarheid, Instant bereikbaarheidVastgelegdOp, String processInstanceId) {}

  record Persoon(long id, String rol, String naam, LocalDate geboortedatum, String bsn, boolean contactverbod) {

    boolean isPleger() {
      return ROL_PLEGER.equals(rol);
    }
  }

  void nieuweZaak(String zaaknummer, String regio, Instant aangemaaktOp) {
    jdbc.sql("""
            insert into zaak (zaaknummer, zaaktype, regio, aangemaakt_op)
            values (:zaaknummer, :zaaktype, :regio, :aangemaaktOp)""")
        .param("zaaknummer", zaaknummer).param("zaaktype", ZAAKTYPE).param("regio", regio)
        .param("aangemaaktOp", utc(aangemaaktOp))
        .update();
  }

  void koppelProces(String zaaknummer, String processInstanceId) {
    jdbc.sql("update zaak set process_instance_id = :pid where zaaknummer = :zaaknummer")
        .param("pid", processInstanceId).param("zaaknummer", zaaknummer)
        .update();
  }

  void nieuwHuisverbod(String zaaknummer, HuisverbodVoorstel voorstel, boolean plegerMeerderjarig,
      String ingediendDoor, Instant ingediendOp) {
    HuisverbodVoorstel.Rihg rihg = voorstel.rihg();
    jdbc.sql("""
            insert into huisverbod (zaaknummer, externe_referentie, regio, gemeente, incident_op, woning_adres,
              kindermishandeling, pleger_meerderjarig, woont_of_verblijft_niet_incidenteel,
              ernstig_onmiddellijk_gevaar_oordeel, rood_pleger, rood_incident, rood_gezin, feiten,
              ingediend_door, ingediend_op)
            values (:zaaknummer, :externeReferentie, :regio, :gemeente, :incidentOp, :woningAdres,
              :kindermishandeling, :plegerMeerderjarig, :woont, :gevaar, :roodPleger, :roodIncident, :roodGezin,
              :feiten, :ingediendDoor, :ingediendOp)""")
        .param("zaaknummer", zaaknummer)
        .param("externeReferentie", voorstel.externeReferentie())
        .param("regio", voorstel.regio())
        .param("gemeente", voorstel.gemeente())
        .param("incidentOp", utc(voorstel.incidentOp()))
        .param("woningAdres", voorstel.woning() == null ? null : voorstel.woning().adres())
        .param("kindermishandeling", voorstel.kindermishandeling())
        .param("plegerMeerderjarig", plegerMeerderjarig)
        .param("woont", rihg.woontOfVerblijftNietIncidenteel())
        .param("gevaar", rihg.ernstigOnmiddellijkGevaarOordeel())
        .param("roodPleger", rihg.roodPleger())
        .param("roodIncident", rihg.roodIncident())
        .param("roodGezin", rihg.roodGezin())
        .param("feiten", voorstel.feiten())
        .param("ingediendDoor", ingediendDoor)
        .param("ingediendOp", utc(ingediendOp))
        .update();
  }

  void nieuwePersoon(String zaaknummer, String rol, String naam, LocalDate geboortedatum, String bsn,
      boolean contactverbod) {
    jdbc.sql("""
            insert into huisverbod_persoon (zaaknummer, rol, naam, geboortedatum, bsn, contactverbod, persoonssleutel)
            values (:zaaknummer, :rol, :naam, :geboortedatum, :bsn, :contactverbod, :sleutel)""")
        .param("zaaknummer", zaaknummer).param("rol", rol).param("naam", naam)
        .param("geboortedatum", geboortedatum).param("bsn", bsn).param("contactverbod", contactverbod)
        .param("sleutel", persoonssleutels.vanPersoonInZaak(bsn, naam, geboortedatum, zaaknummer))
        .update();
  }

  /** The pseudonymous keys of the order's persons, comma separated: process variable {@code persoonssleutels}. */
  String persoonssleutels(String zaaknummer) {
    return String.join(",", jdbc.sql("""
            select persoonssleutel from huisverbod_persoon where zaaknummer = :zaak and persoonssleutel is not null
            order by id""")
        .param("zaak", zaaknummer).query(String.class).list().stream().distinct().toList());
  }

  void advies(String zaaknummer, String advies) {
    jdbc.sql("update huisverbod set advies = :advies where zaaknummer = :zaaknummer")
        .param("advies", advies).param("zaaknummer", zaaknummer)
        .update();
  }

  void woning(String zaaknummer, String woningAdres) {
    jdbc.sql("update huisverbod set woning_adres = :adres where zaaknummer = :zaaknummer")
        .param("adres", woningAdres).param("zaaknummer", zaaknummer)
        .update();
  }

  /** @return false when there is no huisverbod with this zaaknummer */
  boolean bereikbaarheid(String zaaknummer, String adres, Instant vastgelegdOp) {
    return jdbc.sql("""
            update huisverbod set bereikbaarheid = :adres, bereikbaarheid_vastgelegd_op = :op
            where zaaknummer = :zaaknummer""")
        .param("adres", adres).param("op", utc(vastgelegdOp)).param("zaaknummer", zaaknummer)
        .update() == 1;
  }

  Optional<Huisverbod> huisverbod(String zaaknummer) {
    return jdbc.sql("""
            select h.*, z.process_instance_id from huisverbod h join zaak z on z.zaaknummer = h.zaaknummer
            where h.zaaknummer = :zaaknummer""")
        .param("zaaknummer", zaaknummer)
        .query((rs, n) -> new Huisverbod(rs.getString("zaaknummer"), rs.getString("externe_referentie"),
            rs.getString("regio"), rs.getString("gemeente"), tijdstip(rs, "incident_op"),
            rs.getString("woning_adres"), rs.getBoolean("kindermishandeling"), rs.getBoolean("pleger_meerderjarig"),
            rs.getBoolean("woont_of_verblijft_niet_incidenteel"),
            rs.getBoolean("ernstig_onmiddellijk_gevaar_oordeel"), rs.getInt("rood_pleger"),
            rs.getInt("rood_incident"), rs.getInt("rood_gezin"), rs.getString("feiten"), rs.getString("advies"),
            rs.getString("ingediend_door"), tijdstip(rs, "ingediend_op"), rs.getString("bereikbaarheid"),
            tijdstip(rs, "bereikbaarheid_vastgelegd_op"), rs.getString("process_instance_id")))
        .optional();
  }

  /** The pleger first, then the achterblijvers in the order the proposal named them. */
  List<Persoon> personen(String zaaknummer) {
    return jdbc.sql("""
            select id, rol, naam, geboortedatum, bsn, contactverbod from huisverbod_persoon
            where zaaknummer = :zaaknummer
            order by case when rol = 'PLEGER' then 0 else 1 end, id""")
        .param("zaaknummer", zaaknummer)
        .query((rs, n) -> new Persoon(rs.getLong("id"), rs.getString("rol"), rs.getString("naam"),
            rs.getObject("geboortedatum", LocalDate.class), rs.getString("bsn"), rs.getBoolean("contactverbod")))
        .list();
  }

  // ------------------------------------------------------------------ documents

  record Document(long id, String zaaknummer, String soort, String titel, String inhoud, Instant aangemaaktOp,
      String aangemaaktDoor) {}

  /** The document a step wrote earlier under this request id, if it did. */
  Optional<Long> documentVanVerzoek(String verzoekId) {
    return jdbc.sql("select id from zaak_document where verzoek_id = :verzoekId")
        .param("verzoekId", verzoekId)
        .query(Long.class)
        .optional();
  }

  long nieuwDocument(String zaaknummer, String soort, String titel, String inhoud, String aangemaaktDoor,
      String verzoekId) {
    jdbc.sql("""
            insert into zaak_document (zaaknummer, soort, titel, inhoud, aangemaakt_op, aangemaakt_door, verzoek_id)
            values (:zaaknummer, :soort, :titel, :inhoud, :aangemaaktOp, :aangemaaktDoor, :verzoekId)""")
        .param("zaaknummer", zaaknummer).param("soort", soort).param("titel", titel).param("inhoud", inhoud)
        .param("aangemaaktOp", utc(klok.nu())).param("aangemaaktDoor", aangemaaktDoor)
        .param("verzoekId", verzoekId)
        .update();
    return documentVanVerzoek(verzoekId).orElseThrow();
  }

  /** The documents of a case, without their text, oldest first. */
  List<Document> documenten(String zaaknummer) {
    return jdbc.sql("""
            select id, zaaknummer, soort, titel, aangemaakt_op, aangemaakt_door from zaak_document
            where zaaknummer = :zaaknummer order by aangemaakt_op, id""")
        .param("zaaknummer", zaaknummer)
        .query((rs, n) -> new Document(rs.getLong("id"), rs.getString("zaaknummer"), rs.getString("soort"),
            rs.getString("titel"), null, tijdstip(rs, "aangemaakt_op"), rs.getString("aangemaakt_door")))
        .list();
  }

  Optional<Document> document(String zaaknummer, long id) {
    return jdbc.sql("select * from zaak_document where zaaknummer = :zaaknummer and id = :id")
        .param("zaaknummer", zaaknummer).param("id", id)
        .query((rs, n) -> new Document(rs.getLong("id"), rs.getString("zaaknummer"), rs.getString("soort"),
            rs.getString("titel"), rs.getString("inhoud"), tijdstip(rs, "aangemaakt_op"),
            rs.getString("aangemaakt_door")))
        .optional();
  }

  // ------------------------------------------------------------------ audit trail

  record AuditRegel(Instant tijdstip, String actor, String soort, String omschrijving) {}

  void audit(String zaaknummer, String actor, String soort, String omschrijving) {
    String tekst = omschrijving.length() > MAXIMALE_AUDITREGEL
        ? omschrijving.substring(0, MAXIMALE_AUDITREGEL - 1) + "…"
        : omschrijving;
    jdbc.sql("""
            insert into audit_gebeurtenis (zaaknummer, tijdstip, actor, soort, omschrijving)
            values (:zaaknummer, :tijdstip, :actor, :soort, :omschrijving)""")
        .param("zaaknummer", zaaknummer).param("tijdstip", utc(klok.nu())).param("actor", actor)
        .param("soort", soort).param("omschrijving", tekst)
        .update();
  }

  List<AuditRegel> auditTrail(String zaaknummer) {
    return jdbc.sql("""
            select tijdstip, actor, soort, omschrijving from audit_gebeurtenis
            where zaaknummer = :zaaknummer order by tijdstip, id""")
        .param("zaaknummer", zaaknummer)
        .query((rs, n) -> new AuditRegel(tijdstip(rs, "tijdstip"), rs.getString("actor"), rs.getString("soort"),
            rs.getString("omschrijving")))
        .list();
  }

  // ------------------------------------------------------------------ time

  static OffsetDateTime utc(Instant moment) {
    return moment == null ? null : OffsetDateTime.ofInstant(moment, ZoneOffset.UTC);
  }

  static Instant tijdstip(ResultSet rs, String kolom) throws SQLException {
    OffsetDateTime waarde = rs.getObject(kolom, OffsetDateTime.class);
    return waarde == null ? null : waarde.toInstant();
  }
}
