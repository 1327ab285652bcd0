package nl.hgkm.keten.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import nl.hgkm.keten.support.VorigeRelease;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The migration to the person key (Flyway 70 and 71) on the database the previous release wrote
 * (src/test/resources/vorige-release/): that release kept the names of a huisverbod's persons in the hulpaanbod's
 * variables, running and in history. After the project's migrations ran on it as at an upgrade, every case, task,
 * timer and historic instance is still there, every person in the case file has a key, and no BSN or name of the case
 * file is left in any engine table. Flyway on the database alone, without an application context (a second engine in
 * the test JVM would share the engine registry with the shared test context); VorigeReleaseMigratieIT starts the whole
 * application on the same database, with these migrations, and works every case to its end.
 */
class PersoonssleutelMigratieIT {

  private static final String TELLINGEN = """
      select 'zaken', count(*) from zaak
      union all select 'betrokkenen', count(*) from betrokkene
      union all select 'huisverbodpersonen', count(*) from huisverbod_persoon
      union all select 'lopende instanties', count(*) from act_ru_execution where parent_id_ is null
      union all select 'taken', count(*) from act_ru_task
      union all select 'jobs', count(*) from act_ru_job
      union all select 'abonnementen', count(*) from act_ru_event_subscr
      union all select 'variabelen', count(*) from act_ru_variable
      union all select 'historische instanties', count(*) from act_hi_procinst
      union all select 'historische variabelen', count(*) from act_hi_varinst
      union all select 'historische stappen', count(*) from act_hi_actinst""";

  private final Persoonssleutels persoonssleutels = Persoonssleutels.met(Persoonssleutels.DEMO_GEHEIM);

  @Test
  void elkeZaakBlijftEnGeenBsnOfNaamBlijftInDeEngine(@TempDir Path map) throws Exception {
    String url = VorigeRelease.database(map);
    DataSource dataSource = new DriverManagerDataSource(url, "sa", "");
    JdbcClient jdbc = JdbcClient.create(dataSource);
    Map<String, Long> voor;
    List<String> persoonsgegevens;
    try (Connection db = dataSource.getConnection()) {
      voor = tellingen(db);
      persoonsgegevens = kolom(db, """
          select naam from betrokkene union select bsn from betrokkene where bsn is not null
          union select naam from huisverbod_persoon union select bsn from huisverbod_persoon where bsn is not null
          union select melder_naam from melding where melder_naam is not null and melder_type <> 'POLITIE'
          union select naam from melder_beschermd""");
    }
    // The previous release did hold names in the engine: otherwise this test would prove nothing.
    assertThat(EngineTabellenScan.vondsten(dataSource, persoonsgegevens)).isNotEmpty();
    assertThat(persoonsgegevens).contains("111222333", "123456782", "Anna Jansen", "Elif Yilmaz", "Kees Mulder",
        "Dr. Els Huisarts");

    // The upgrade: the project's migrations as the application runs them (application.yaml, spring.flyway.*).
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/keten")
        .table("keten_schema_history").baselineOnMigrate(true).baselineVersion("0")
        .javaMigrations(new PersoonssleutelMigratie(persoonssleutels))
        .load().migrate();

    Map<String, Long> na;
    try (Connection db = dataSource.getConnection()) {
      na = tellingen(db);
    }
    // Nothing lost.
    assertThat(na).isEqualTo(voor);
    assertThat(voor.get("zaken")).isEqualTo(11);
    assertThat(jdbc.sql("select \"version\" from \"keten_schema_history\" where \"version\" in ('70', '71') "
        + "and \"success\" order by 1").query(String.class).list()).containsExactly("70", "71");

    // Every person of the case file has a key, and the same person the same key across cases.
    assertThat(jdbc.sql("select count(*) from betrokkene where persoonssleutel is null").query(Long.class).single())
        .isZero();
    assertThat(jdbc.sql("select count(*) from huisverbod_persoon where persoonssleutel is null")
        .query(Long.class).single()).isZero();
    assertThat(jdbc.sql("select distinct persoonssleutel from betrokkene where bsn = '111222333'")
        .query(String.class).list()).containsExactly(persoonssleutels.vanBsn("111222333"));
    assertThat(jdbc.sql("""
            select count(*) from betrokkene b join huisverbod_persoon h on h.persoonssleutel = b.persoonssleutel
            where b.naam = 'Kees Mulder' and h.naam = 'Kees Mulder'""").query(Long.class).single()).isPositive();

    // The first contacts that wait keep their person: the variable now holds that person's key, not the name.
    List<String[]> eersteContacten = jdbc.sql("""
            select n.text_, p.persoonssleutel from act_ru_variable n
            join act_ru_execution e on e.id_ = n.execution_id_
            join act_ru_variable i on i.name_ = 'persoonId' and i.execution_id_ in (e.id_, e.parent_id_)
            join huisverbod_persoon p on p.id = i.long_
            where n.name_ = 'persoonNaam'""")
        .query((rs, r) -> new String[] {rs.getString(1), rs.getString(2)}).list();
    List<String> losse = jdbc.sql("select text_ from act_ru_variable where name_ = 'persoonNaam'")
        .query(String.class).list();
    assertThat(losse).isNotEmpty().allMatch(Persoonssleutels::isSleutel);
    assertThat(eersteContacten).hasSameSizeAs(losse).allSatisfy(rij -> assertThat(rij[0]).isEqualTo(rij[1]));

    // No BSN and no name of the case file in any column of any engine table.
    assertThat(EngineTabellenScan.vondsten(dataSource, persoonsgegevens)).isEmpty();
    // The case file still has them.
    assertThat(jdbc.sql("select count(*) from betrokkene where bsn = '123456782'").query(Long.class).single())
        .isOne();
  }

  private static Map<String, Long> tellingen(Connection db) throws SQLException {
    Map<String, Long> tellingen = new TreeMap<>();
    try (ResultSet rijen = db.createStatement().executeQuery(TELLINGEN)) {
      while (rijen.next()) {
        tellingen.put(rijen.getString(1), rijen.getLong(2));
      }
    }
    return tellingen;
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
