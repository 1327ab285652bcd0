package nl.hgkm.keten.migratie;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which migration batch was started for which release, from which version to which, by whom (V90). The engine's
 * batch itself says nothing of the release or the plan; this row does, so that a repeated start can see that the same
 * migration still runs, and an auditor can see who moved the cases.
 */
@Repository
class MigratieBatches {

  record Rij(String batchId, String release, String proces, String bronDefinitie, String doelDefinitie, int aantal,
      String gestartDoor, Instant gestartOp) {}

  private final JdbcClient jdbc;

  MigratieBatches(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void vastleggen(Rij rij) {
    jdbc.sql("""
            insert into migratie_batch (batch_id, release_naam, proces, bron_definitie, doel_definitie, aantal,
                gestart_door, gestart_op)
            values (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(rij.batchId(), rij.release(), rij.proces(), rij.bronDefinitie(), rij.doelDefinitie(), rij.aantal(),
            rij.gestartDoor(), OffsetDateTime.ofInstant(rij.gestartOp(), ZoneOffset.UTC))
        .update();
  }

  List<Rij> vanRelease(String release) {
    return jdbc.sql("""
            select batch_id, release_naam, proces, bron_definitie, doel_definitie, aantal, gestart_door, gestart_op
            from migratie_batch where release_naam = ? order by gestart_op, batch_id""")
        .param(release)
        .query((rs, i) -> new Rij(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getInt(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class).toInstant()))
        .list();
  }
}
