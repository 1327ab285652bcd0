package nl.hgkm.keten.privacy;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.hgkm.keten.engine.PersoonsgegevensInEngine;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Flyway migration 71 (after V70__persoonssleutel.sql): brings a database of an earlier release to the form of
 * docs/privacy.md without losing a case. Fills the person key of every person in the case file, then replaces every
 * BSN and every name that the engine holds as a value (release 0.1 put the names of a huisverbod's persons into the
 * hulpaanbod's variables {@code persoonNaam}, running and in history) by that person's key, and a reporter's name by
 * a placeholder. A Spring bean, because it needs the configured secret; Spring Boot hands it to Flyway. A fresh
 * database has nothing to move and no engine tables yet: then only the (empty) columns are touched.
 */
@Component
class PersoonssleutelMigratie implements JavaMigration {

  static final String MELDER = "melder (naam in het dossier)";

  private final Persoonssleutels persoonssleutels;

  PersoonssleutelMigratie(Persoonssleutels persoonssleutels) {
    this.persoonssleutels = persoonssleutels;
  }

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("71");
  }

  @Override
  public String getDescription() {
    return "persoonssleutels invullen, BSN en namen uit de engine";
  }

  @Override
  public Integer getChecksum() {
    return 71;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Connection verbinding = context.getConnection();
    Map<String, String> bsns = new LinkedHashMap<>();
    List<String[]> namen = new ArrayList<>();
    for (String tabel : List.of("huisverbod_persoon", "betrokkene")) {
      for (Persoon persoon : personen(verbinding, tabel)) {
        String sleutel = persoonssleutels.vanPersoonInZaak(persoon.bsn(), persoon.naam(), persoon.geboortedatum(),
            persoon.zaaknummer());
        try (PreparedStatement zet = verbinding.prepareStatement(
            "update " + tabel + " set persoonssleutel = ? where id = ?")) {
          zet.setString(1, sleutel);
          zet.setLong(2, persoon.id());
          zet.executeUpdate();
        }
        if (persoon.bsn() != null) {
          bsns.put(persoon.bsn(), sleutel);
        }
        namen.add(new String[] {persoon.zaaknummer(), persoon.naam(), sleutel});
      }
    }
    if (!PersoonsgegevensInEngine.engineTabellenAanwezig(verbinding)) {
      return;
    }
    PersoonsgegevensInEngine engine =
        new PersoonsgegevensInEngine(new JdbcTemplate(new SingleConnectionDataSource(verbinding, true)));
    // A BSN is unmistakable: everywhere. A name only in the engine data of the person's own case (the hulpaanbod of a
    // huisverbod carries the huisverbod's zaaknummer), where it cannot be some other variable's value.
    bsns.forEach(engine::vervang);
    for (String[] naam : namen) {
      engine.vervangInZaak(naam[0], naam[1], naam[2]);
    }
    for (String[] melder : rijen(verbinding, """
        select m.zaaknummer, m.melder_naam from melding m where m.melder_naam is not null
        union select m.zaaknummer, b.naam from melder_beschermd b join melding m on m.id = b.melding_id""")) {
      engine.vervangInZaak(melder[0], melder[1], MELDER);
    }
  }

  private record Persoon(long id, String zaaknummer, String naam, LocalDate geboortedatum, String bsn) {}

  private static List<Persoon> personen(Connection verbinding, String tabel) throws SQLException {
    List<Persoon> personen = new ArrayList<>();
    try (PreparedStatement vraag = verbinding.prepareStatement(
            "select id, zaaknummer, naam, geboortedatum, bsn from " + tabel + " order by id");
        ResultSet rijen = vraag.executeQuery()) {
      while (rijen.next()) {
        Date datum = rijen.getDate("geboortedatum");
        personen.add(new Persoon(rijen.getLong("id"), rijen.getString("zaaknummer"), rijen.getString("naam"),
            datum == null ? null : datum.toLocalDate(), rijen.getString("bsn")));
      }
    }
    return personen;
  }

  private static List<String[]> rijen(Connection verbinding, String sql) throws SQLException {
    List<String[]> rijen = new ArrayList<>();
    try (PreparedStatement vraag = verbinding.prepareStatement(sql); ResultSet rij = vraag.executeQuery()) {
      while (rij.next()) {
        rijen.add(new String[] {rij.getString(1), rij.getString(2)});
      }
    }
    return rijen;
  }
}
