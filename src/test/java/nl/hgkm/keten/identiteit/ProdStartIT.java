package nl.hgkm.keten.identiteit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.hgkm.keten.KetenApplication;
import nl.hgkm.keten.engine.WachtwoordControle;
import nl.hgkm.keten.privacy.PersoonssleutelOntbreektException;
import nl.hgkm.keten.privacy.Persoonssleutels;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Real starts of the application with profile {@code prod}, each on an in-memory database of its own. Not
 * {@code @KetenIntegratieTest}: the shared context is the demo profile, and these tests are about starting.
 *
 * <p>The administrator with a default password must exist before the start check runs, that is while the context
 * starts. A test-only engine plugin creates it right after the engine is built (the check runs once every bean is
 * ready), so the test reads like the real failure: a database that already holds "beheerder/welkom".
 */
class ProdStartIT {

  @Test
  void weigertTeStartenZolangEenBeheerderEenStandaardwachtwoordHeeft() {
    SpringApplicationBuilder start = prodStart().initializers(context -> context.getBeanFactory()
        .registerSingleton("testBeheerderMetStandaardwachtwoord", new BeheerderPlugin("beheerder", "welkom")));

    Throwable fout = catchThrowable(() -> {
      // Without the webapps: their starter keeps the application context in a static field that only a close (not a
      // failed start) clears, so a failed start would break every later application start in this JVM.
      try (ConfigurableApplicationContext context = start.run(argumenten(engineNaam(),
          "--camunda.bpm.webapp.enabled=false", "--KETEN_MAIL_HOST=smtp.invalid", "--KETEN_MAIL_PORT=25"))) {
        throw new AssertionError("gestart terwijl beheerder/welkom bestaat");
      }
    });

    assertThat(fout).isNotNull();
    assertThat(oorzaak(fout, OnveiligeStartException.class)).as("oorzaak van %s", fout)
        .isNotNull()
        .extracting(Throwable::getMessage, InstanceOfAssertFactories.STRING)
        .contains("Start geweigerd", "beheerder 'beheerder' (groep camunda-admin) heeft een standaardwachtwoord",
            "Startup refused", "administrator 'beheerder' (group camunda-admin) has a default password");
  }

  @Test
  void weigertTeStartenZonderPersoonssleutel() {
    Throwable fout = catchThrowable(() -> {
      try (ConfigurableApplicationContext context = prodStart().run(argumenten(engineNaam(),
          "--camunda.bpm.webapp.enabled=false", "--KETEN_MAIL_HOST=smtp.invalid", "--KETEN_MAIL_PORT=25",
          "--KETEN_PERSOONSSLEUTEL="))) {
        throw new AssertionError("gestart zonder keten.privacy.persoonssleutel");
      }
    });

    assertThat(oorzaak(fout, PersoonssleutelOntbreektException.class)).as("oorzaak van %s", fout)
        .isNotNull()
        .extracting(Throwable::getMessage, InstanceOfAssertFactories.STRING)
        .isEqualTo("Start geweigerd: keten.privacy.persoonssleutel is niet gezet, en zonder dat geheim kan de "
            + "applicatie geen BSN of naam uit de procesengine houden.\nStartup refused: keten.privacy.persoonssleutel "
            + "is not set, and without that secret the application cannot keep BSNs and names out of the process "
            + "engine.");
  }

  @Test
  void weigertTeStartenMetHetDemogeheimAlsPersoonssleutel() {
    Throwable fout = catchThrowable(() -> {
      try (ConfigurableApplicationContext context = prodStart().run(argumenten(engineNaam(),
          "--camunda.bpm.webapp.enabled=false", "--KETEN_MAIL_HOST=smtp.invalid", "--KETEN_MAIL_PORT=25",
          "--KETEN_PERSOONSSLEUTEL=" + Persoonssleutels.DEMO_GEHEIM))) {
        throw new AssertionError("gestart met het demogeheim");
      }
    });

    assertThat(oorzaak(fout, PersoonssleutelOntbreektException.class)).as("oorzaak van %s", fout)
        .isNotNull()
        .extracting(Throwable::getMessage, InstanceOfAssertFactories.STRING)
        .contains("het openbare demogeheim");
  }

  @Test
  void startOpEenLegeDatabaseZonderDemogegevensEnMetDeSetupVoorDeEersteBeheerder() throws Exception {
    String engine = engineNaam();
    // A real SMTP server: the mail health indicator is part of /actuator/health.
    GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
    try (ConfigurableApplicationContext context = prodStart().run(argumenten(engine,
        "--KETEN_MAIL_HOST=127.0.0.1", "--KETEN_MAIL_PORT=" + smtp.getSmtp().getPort(),
        "--keten.identiteit.rollen-inrichten=true"))) {
      IdentityService identityService = context.getBean(ProcessEngine.class).getIdentityService();
      AuthorizationService authorizationService = context.getBean(ProcessEngine.class).getAuthorizationService();
      FilterService filterService = context.getBean(ProcessEngine.class).getFilterService();

      // No demo data; the role model is there because it was asked for.
      assertThat(identityService.createUserQuery().count()).isZero();
      assertThat(identityService.createGroupQuery().groupId("vt-medewerker").singleResult().getName())
          .isEqualTo("Veilig Thuis medewerker");
      assertThat(authorizationService.isUserAuthorized("iemand", List.of("wijkteam"),
          ProcessDefinitionPermissions.READ, Resources.PROCESS_DEFINITION, "hulpaanbod")).isTrue();
      assertThat(filterService.createFilterQuery().filterName("Mijn taken").singleResult().getOwner()).isNull();

      int poort = ((WebServerApplicationContext) context).getWebServer().getPort();
      HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
      assertThat(get(http, poort, "/actuator/health").statusCode())
          .as(() -> "health: " + gezondheid(context)).isEqualTo(200);
      assertThat(get(http, poort, "/engine-rest/task").statusCode()).isEqualTo(401);

      // The first administrator: Camunda Admin's setup, open only while camunda-admin has no member.
      String token = get(http, poort, "/camunda/app/admin/" + engine + "/").headers()
          .firstValue("X-XSRF-TOKEN").orElseThrow();
      String beheerder = """
          {"profile": {"id": "beheerder", "firstName": "Eerste", "lastName": "Beheerder"},
           "credentials": {"password": "Lange-zin-als-wachtwoord-2027!"}}""";
      assertThat(postSetup(http, poort, engine, token, beheerder).statusCode()).isEqualTo(204);
      assertThat(identityService.createUserQuery().memberOfGroup("camunda-admin").list())
          .extracting(User::getId).containsExactly("beheerder");
      assertThat(postSetup(http, poort, engine, token, beheerder.replace("\"beheerder\"", "\"tweede\"")).statusCode())
          .isGreaterThanOrEqualTo(400);
      assertThat(identityService.createUserQuery().userId("tweede").count()).isZero();
      // And that administrator passes the start check.
      assertThat(new StandaardWachtwoorden(identityService,
          context.getBean(WachtwoordControle.class)).bezwaren()).isEmpty();
    } finally {
      smtp.stop();
    }
  }

  private static SpringApplicationBuilder prodStart() {
    return new SpringApplicationBuilder(KetenApplication.class);
  }

  /** The prod profile with its environment variables given as properties, as an operator sets them. */
  private static String[] argumenten(String engine, String... extra) {
    List<String> argumenten = new ArrayList<>(List.of(
        "--spring.profiles.active=prod",
        "--server.port=0",
        "--KETEN_DB_URL=jdbc:h2:mem:prodstart-" + UUID.randomUUID(),
        "--KETEN_DB_USER=sa",
        "--KETEN_DB_PASSWORD=",
        "--KETEN_MAIL_USER=",
        "--KETEN_MAIL_PASSWORD=",
        // Its own engine name: the engine registry is per JVM, shared with the tests' demo context.
        "--camunda.bpm.process-engine-name=" + engine,
        "--camunda.bpm.job-execution.enabled=false"));
    argumenten.addAll(List.of(extra));
    // The operator's secret of the person key, unless the test is about that secret.
    if (argumenten.stream().noneMatch(a -> a.startsWith("--KETEN_PERSOONSSLEUTEL="))) {
      argumenten.add("--KETEN_PERSOONSSLEUTEL=prodstart-test-persoonssleutel-0123456789abcdef");
    }
    return argumenten.toArray(String[]::new);
  }

  private static String gezondheid(ConfigurableApplicationContext context) {
    try {
      return context.getBean(ObjectMapper.class)
          .writeValueAsString(context.getBean(HealthEndpoint.class).health());
    } catch (Exception e) {
      return e.toString();
    }
  }

  private static String engineNaam() {
    return "prodstart" + UUID.randomUUID().toString().replace("-", "").substring(0, 6);
  }

  private static HttpResponse<String> get(HttpClient http, int poort, String pad) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + poort + pad)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> postSetup(HttpClient http, int poort, String engine, String token, String json)
      throws Exception {
    return http.send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + poort + "/camunda/api/admin/setup/" + engine + "/user/create"))
        .header("Content-Type", "application/json")
        .header("X-XSRF-TOKEN", token)
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static <T extends Throwable> T oorzaak(Throwable fout, Class<T> soort) {
    for (Throwable t = fout; t != null; t = t.getCause()) {
      if (soort.isInstance(t)) {
        return soort.cast(t);
      }
    }
    return null;
  }

  /** Test only: puts an administrator into the fresh database right after the engine is built. */
  static final class BeheerderPlugin extends AbstractProcessEnginePlugin {
    private final String id;
    private final String wachtwoord;

    BeheerderPlugin(String id, String wachtwoord) {
      this.id = id;
      this.wachtwoord = wachtwoord;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
      IdentityService identityService = engine.getIdentityService();
      if (identityService.createGroupQuery().groupId("camunda-admin").count() == 0) {
        var groep = identityService.newGroup("camunda-admin");
        groep.setName("Beheerders");
        groep.setType("SYSTEM");
        identityService.saveGroup(groep);
      }
      User gebruiker = identityService.newUser(id);
      gebruiker.setPassword(wachtwoord);
      identityService.saveUser(gebruiker);
      identityService.createMembership(id, "camunda-admin");
    }
  }
}
