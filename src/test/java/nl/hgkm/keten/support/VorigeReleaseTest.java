package nl.hgkm.keten.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The previous release's database holds what its README promises, so migration tests start from a known state. */
class VorigeReleaseTest {

  @Test
  void bevatDeLopendeZakenTakenEnTimersUitDeReadme(@TempDir Path map) throws SQLException {
    String url = VorigeRelease.database(map);
    try (Connection db = DriverManager.getConnection(url, "sa", "")) {
      assertThat(kolom(db, "select \"version\" from \"keten_schema_history\" where \"success\" order by \"installed_rank\""))
          .last().isEqualTo("41");
      assertThat(kolom(db, "select distinct task_def_key_ from act_ru_task order by 1")).contains(
          "veiligheidsbeoordeling", "directe-veiligheid", "vervolgmelding-wegen", "onderzoek", "besluit-oplegging",
          "besluit-verlenging", "besluit-intrekking", "overtreding-beoordelen", "eerste-contact",
          "mda-kandidaat-beoordelen");
      assertThat(kolom(db, "select distinct business_key_ from act_ru_execution where parent_id_ is null "
          + "and proc_def_id_ like 'monitoring:%'")).containsExactly("VT-2026-000003");
      assertThat(kolom(db, "select count(*) from act_ru_job where type_ = 'timer'")).containsExactly("13");
      assertThat(kolom(db, "select count(*) from act_ru_task")).containsExactly("15");
      assertThat(kolom(db, "select zaaknummer from zaak order by 1")).hasSize(11)
          .contains("VT-2026-000001", "VT-2026-000007", "HV-2026-000001", "HV-2026-000004");
      assertThat(kolom(db, "select count(*) from act_id_tenant")).containsExactly("0");
    }
  }

  private static List<String> kolom(Connection db, String sql) throws SQLException {
    List<String> waarden = new ArrayList<>();
    try (ResultSet rijen = db.createStatement().executeQuery(sql)) {
      while (rijen.next()) {
        waarden.add(rijen.getString(1));
      }
    }
    return waarden;
  }
}
