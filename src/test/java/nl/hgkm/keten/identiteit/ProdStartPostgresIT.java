package nl.hgkm.keten.identiteit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.UUID;
import javax.sql.DataSource;
import nl.hgkm.keten.KetenApplication;
import nl.hgkm.keten.engine.WachtwoordControle;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A real start of the application as production runs it: profile {@code prod} on an empty PostgreSQL 17 (embedded;
 * fsync off, which does not matter for a start), database and mail from the environment variables, the job executor
 * on, an administrator with a password of his own. Proves the PostgreSQL driver is there, Flyway makes both schemas
 * (the engine's from Camunda's scripts, the project's own), the engine touches no schema itself, history cleanup is
 * configured, and the start check passes. Runs once (a PostgreSQL of its own): excluded from the failsafe execution
 * {@code postgres} in pom.xml.
 */
class ProdStartPostgresIT {

  private static final String WACHTWOORD = "Lange-zin-als-wachtwoord-2027!";

  @Test
  void startMetProfielProdOpEenLegePostgresqlDatabase() throws Exception {
    GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      String engineNaam = "prodpg" + UUID.randomUUID().toString().replace("-", "").substring(0, 6);
      // The administrator is put in right after the engine is built, as if created in Camunda Admin's setup before
      // this start: the start check (ProdStartControle) then has an administrator to inspect.
      SpringApplicationBuilder start = new SpringApplicationBuilder(KetenApplication.class)
          .initializers(context -> context.getBeanFactory().registerSingleton("testBeheerder",
              new ProdStartIT.BeheerderPlugin("beheerder", WACHTWOORD)));
      try (ConfigurableApplicationContext context = start.run(
          "--spring.profiles.active=prod",
          "--server.port=0",
          "--KETEN_DB_URL=jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres",
          "--KETEN_DB_USER=postgres",
          "--KETEN_DB_PASSWORD=postgres",
          "--KETEN_MAIL_HOST=127.0.0.1",
          "--KETEN_MAIL_PORT=" + smtp.getSmtp().getPort(),
          "--KETEN_MAIL_USER=",
          "--KETEN_MAIL_PASSWORD=",
          "--KETEN_NODE_NAAM=node-pg",
          "--KETEN_PERSOONSSLEUTEL=prodstart-pg-test-persoonssleutel-0123456789",
          // Its own engine name: the engine registry is per JVM, shared with the tests' demo context.
          "--camunda.bpm.process-engine-name=" + engineNaam)) {
        ProcessEngine engine = context.getBean(ProcessEngine.class);
        ProcessEngineConfigurationImpl configuratie =
            (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        JdbcClient db = JdbcClient.create(context.getBean(DataSource.class));

        try (Connection verbinding = context.getBean(DataSource.class).getConnection()) {
          assertThat(verbinding.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
        // Both schemas by Flyway; the engine made none of it.
        assertThat(configuratie.getDatabaseSchemaUpdate()).isEqualTo("false");
        assertThat(db.sql("""
                select "version", "script", "success" from "engine_schema_history" where "type" = 'SQL'""")
            .query((rs, i) -> tuple(rs.getString(1), rs.getString(2), rs.getBoolean(3))).list())
            .containsExactly(tuple("7.24.0", "V7_24_0__camunda_7_24_0.sql", true));
        assertThat(db.sql("select \"version\" from \"keten_schema_history\" where \"success\" = true")
            .query(String.class).list()).contains("1", "40");
        assertThat(db.sql("select count(*) from \"keten_schema_history\" where \"success\" = false")
            .query(Integer.class).single()).isZero();
        assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("melding")
            .count()).isEqualTo(1);

        // History cleanup at night, as a job of the engine.
        assertThat(configuratie.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(configuratie.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
        assertThat(engine.getHistoryService().findHistoryCleanupJobs()).isNotEmpty();

        // The start check passed with an administrator of his own password; the node takes requests.
        assertThat(engine.getIdentityService().createUserQuery().memberOfGroup("camunda-admin").list())
            .extracting(User::getId).containsExactly("beheerder");
        assertThat(new StandaardWachtwoorden(engine.getIdentityService(), context.getBean(WachtwoordControle.class))
            .bezwaren()).isEmpty();
        int poort = ((WebServerApplicationContext) context).getWebServer().getPort();
        HttpClient http = HttpClient.newHttpClient();
        assertThat(get(http, poort, "/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(get(http, poort, "/actuator/health").statusCode()).isEqualTo(200);
        assertThat(get(http, poort, "/engine-rest/task").statusCode()).isEqualTo(401);
      }
    } finally {
      smtp.stop();
    }
  }

  private static HttpResponse<String> get(HttpClient http, int poort, String pad) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + poort + pad)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
