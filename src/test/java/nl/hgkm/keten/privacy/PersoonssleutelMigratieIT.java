package nl.hgkm.keten.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import nl.hgkm.keten.support.VorigeRelease;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The migration to the person key (Flyway 70 and 71) on the database the previous release wrote
 * (src/test/resources/vorige-release/): that release kept the names of a huisverbod's persons in the hulpaanbod's
 * variables, running and in history. After the upgrade every case, task, timer and historic instance is still there,
 * every person in the case file has a key, and no BSN or name of the case file is left in any engine table. A context
 * of its own (its own database), with an engine name of its own and closed after the class, as VorigeReleaseMigratieIT:
 * a second engine called "default" would take /engine-rest of the shared test context over to this database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.process-engine-name=vorige-release-privacy")
@ActiveProfiles({"demo", "test"})
@DirtiesContext
class PersoonssleutelMigratieIT {

  /** What the previous release's database held before this release started on it. */
  private static final Map<String, Long> VOOR = new TreeMap<>();
  private static final List<String> PERSOONSGEGEVENS = new ArrayList<>();
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

  @DynamicPropertySource
  static void databaseVanDeVorigeRelease(DynamicPropertyRegistry eigenschappen) throws Exception {
    Path map = Files.createTempDirectory("vorige-release-privacy");
    String url = VorigeRelease.database(map);
    try (Connection db = DriverManager.getConnection(url, "sa", "")) {
      VOOR.putAll(tellingen(db));
      PERSOONSGEGEVENS.addAll(kolom(db, """
          select naam from betrokkene union select bsn from betrokkene where bsn is not null
          union select naam from huisverbod_persoon union select bsn from huisverbod_persoon where bsn is not null
          union select melder_naam from melding where melder_naam is not null and melder_type <> 'POLITIE'
          union select naam from melder_beschermd"""));
      // The previous release did hold names in the engine: otherwise this test would prove nothing.
      assertThat(kolom(db, "select text_ from act_ru_variable where name_ = 'persoonNaam'"))
          .isNotEmpty().allMatch(PERSOONSGEGEVENS::contains);
    }
    // The fixture is an H2 database, also in the PostgreSQL pass of the suite: its credentials too, not PostgreSQL's.
    eigenschappen.add("spring.datasource.url", () -> url);
    eigenschappen.add("spring.datasource.username", () -> "sa");
    eigenschappen.add("spring.datasource.password", () -> "");
    int smtp;
    try (java.net.ServerSocket vrij = new java.net.ServerSocket(0)) {
      smtp = vrij.getLocalPort();
    }
    eigenschappen.add("keten.demo.smtp-poort", () -> smtp);
    eigenschappen.add("spring.mail.port", () -> smtp);
  }

  @Autowired DataSource dataSource;
  @Autowired JdbcClient jdbc;
  @Autowired Persoonssleutels persoonssleutels;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  @Test
  void elkeZaakBlijftEnGeenBsnOfNaamBlijftInDeEngine() throws Exception {
    Map<String, Long> na;
    try (Connection db = dataSource.getConnection()) {
      na = tellingen(db);
    }
    // Nothing lost (the start deployed the new models: definitions and deployments grow, instances do not).
    assertThat(na).isEqualTo(VOOR);
    assertThat(VOOR.get("zaken")).isEqualTo(11);
    assertThat(PERSOONSGEGEVENS).contains("111222333", "123456782", "Anna Jansen", "Elif Yilmaz", "Kees Mulder",
        "Dr. Els Huisarts");

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

    // The first contacts that waited keep working: their variable now holds the person's key, not the name.
    List<Task> eersteContacten = taskService.createTaskQuery().taskDefinitionKey("eerste-contact").list();
    assertThat(eersteContacten).isNotEmpty();
    for (Task taak : eersteContacten) {
      Object persoonId = taskService.getVariable(taak.getId(), "persoonId");
      String sleutel = jdbc.sql("select persoonssleutel from huisverbod_persoon where id = :id")
          .param("id", ((Number) persoonId).longValue()).query(String.class).single();
      assertThat(taskService.getVariable(taak.getId(), "persoonNaam")).isEqualTo(sleutel);
      assertThat(Persoonssleutels.isSleutel(sleutel)).isTrue();
    }

    // No BSN and no name of the case file in any column of any engine table.
    assertThat(EngineTabellenScan.vondsten(dataSource, PERSOONSGEGEVENS)).isEmpty();
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
