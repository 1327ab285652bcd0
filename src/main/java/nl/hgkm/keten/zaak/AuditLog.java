package nl.hgkm.keten.zaak;

import java.util.List;
import nl.hgkm.keten.kalender.Klok;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One audit trail per case (table audit_gebeurtenis): what happened, when, by whom. It complements the engine's
 * history with what happens outside the process (intake, radar, inspection). Written in the caller's transaction, so
 * a line exists exactly when what it describes happened.
 */
@Component
public class AuditLog {

  private static final int MAXIMALE_OMSCHRIJVING = 2000;

  private final JdbcClient jdbc;
  private final Klok klok;

  public AuditLog(JdbcClient jdbc, Klok klok) {
    this.jdbc = jdbc;
    this.klok = klok;
  }

  public void schrijf(String zaaknummer, String actor, String soort, String omschrijving) {
    String tekst = omschrijving.length() > MAXIMALE_OMSCHRIJVING
        ? omschrijving.substring(0, MAXIMALE_OMSCHRIJVING - 1) + "…"
        : omschrijving;
    jdbc.sql("""
            insert into audit_gebeurtenis (zaaknummer, tijdstip, actor, soort, omschrijving)
            values (:zaaknummer, :tijdstip, :actor, :soort, :omschrijving)""")
        .param("zaaknummer", zaaknummer)
        .param("tijdstip", DossierRepository.tijdstip(klok.nu()))
        .param("actor", actor)
        .param("soort", soort)
        .param("omschrijving", tekst)
        .update();
  }

  public List<AuditGebeurtenis> van(String zaaknummer) {
    return jdbc.sql("""
            select zaaknummer, tijdstip, actor, soort, omschrijving from audit_gebeurtenis
            where zaaknummer = :zaaknummer order by tijdstip, id""")
        .param("zaaknummer", zaaknummer)
        .query((rs, n) -> new AuditGebeurtenis(rs.getString("zaaknummer"), DossierRepository.tijdstip(rs, "tijdstip"),
            rs.getString("actor"), rs.getString("soort"), rs.getString("omschrijving")))
        .list();
  }
}
