package nl.hgkm.keten.identiteit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.hgkm.keten.support.KetenIntegratieTest;
import nl.hgkm.keten.support.TestIdentiteit;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/** The demo profile's users, groups, grants and Tasklist filters, as contract §2 names them. */
@KetenIntegratieTest
class DemoGegevensIT {

  /** Contract §2, copied on purpose: the test must fail when the code drifts from the contract. */
  private static final Map<String, String> CONTRACT = new LinkedHashMap<>();

  static {
    CONTRACT.put("intake", "vt-intake");
    CONTRACT.put("medewerker", "vt-medewerker");
    CONTRACT.put("teamleider", "vt-teamleider");
    CONTRACT.put("arts", "vertrouwensarts");
    CONTRACT.put("agent", "politie");
    CONTRACT.put("hovj", "hulpofficier");
    CONTRACT.put("burgemeester", "burgemeester");
    CONTRACT.put("wijkteam", "wijkteam");
    CONTRACT.put("professional", "professional");
    CONTRACT.put("auditor", "auditor");
    CONTRACT.put("demo", "camunda-admin");
  }

  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired FilterService filterService;
  @Autowired DemoGegevens demoGegevens;
  @Autowired Environment environment;

  @AfterEach
  void geenIngelogdeGebruiker() {
    identityService.clearAuthentication();
  }

  @Test
  void elkeDemogebruikerBestaatMetPreciesDeGroepUitHetContract() {
    CONTRACT.forEach((gebruikerId, groepId) -> {
      User gebruiker = identityService.createUserQuery().userId(gebruikerId).singleResult();
      assertThat(gebruiker).as(gebruikerId).isNotNull();
      assertThat(gebruiker.getFirstName()).as(gebruikerId).isNotBlank();
      assertThat(gebruiker.getLastName()).as(gebruikerId).isNotBlank();
      assertThat(gebruiker.getEmail()).isEqualTo(gebruikerId + "@demo.keten-hgkm.example");
      assertThat(identityService.checkPassword(gebruikerId, "demo")).as(gebruikerId).isTrue();
      assertThat(identityService.createGroupQuery().groupMember(gebruikerId).list())
          .as(gebruikerId).extracting(Group::getId).containsExactly(groepId);
    });
  }

  @Test
  void elkeGroepHeeftEenNederlandseNaamEnHetJuisteType() {
    for (String groepId : CONTRACT.values()) {
      Group groep = identityService.createGroupQuery().groupId(groepId).singleResult();
      assertThat(groep).as(groepId).isNotNull();
      assertThat(groep.getName()).as(groepId).isNotBlank().isNotEqualTo(groepId);
      assertThat(groep.getType()).as(groepId).isEqualTo(groepId.equals("camunda-admin") ? "SYSTEM" : "WORKFLOW");
    }
  }

  @Test
  void beheerderDemoMagAllesOpElkResourcetype() {
    List<String> groepen = List.of("camunda-admin");
    for (Resources resource : Resources.values()) {
      if (resource == Resources.HISTORIC_TASK || resource == Resources.HISTORIC_PROCESS_INSTANCE) {
        continue; // only checked with enableHistoricInstancePermissions, which is off
      }
      assertThat(authorizationService.isUserAuthorized("demo", groepen, Permissions.ALL, resource))
          .as(resource.name()).isTrue();
    }
  }

  @Test
  void groepenKrijgenWatHunRolNodigHeeftEnNietMeer() {
    assertThat(mag("wijkteam", ProcessDefinitionPermissions.READ, Resources.PROCESS_DEFINITION, "hulpaanbod")).isTrue();
    assertThat(mag("wijkteam", ProcessDefinitionPermissions.READ, Resources.PROCESS_DEFINITION, "huisverbod"))
        .isFalse();
    assertThat(mag("politie", ProcessDefinitionPermissions.READ, Resources.PROCESS_DEFINITION, "melding")).isFalse();
    assertThat(mag("burgemeester", ProcessDefinitionPermissions.READ, Resources.PROCESS_DEFINITION, "huisverbod"))
        .isTrue();
    assertThat(mag("vt-intake", Permissions.ACCESS, Resources.APPLICATION, "tasklist")).isTrue();
    assertThat(mag("vt-intake", Permissions.ACCESS, Resources.APPLICATION, "cockpit")).isFalse();
    assertThat(mag("vt-teamleider", Permissions.ACCESS, Resources.APPLICATION, "cockpit")).isTrue();
    assertThat(mag("vt-teamleider", ProcessDefinitionPermissions.READ_INSTANCE, Resources.PROCESS_DEFINITION,
        "melding")).isTrue();
    assertThat(mag("vt-teamleider", ProcessDefinitionPermissions.READ_INSTANCE, Resources.PROCESS_DEFINITION,
        "huisverbod")).isFalse();
    assertThat(mag("professional", ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION,
        "meldcode-afweging")).isTrue();
    assertThat(mag("professional", ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION,
        "melding")).isFalse();
    // No group works a task through a process-wide grant: only the engine's per-task candidate grants.
    for (String groep : CONTRACT.values()) {
      if (!groep.equals("camunda-admin")) {
        assertThat(mag(groep, ProcessDefinitionPermissions.READ_TASK, Resources.PROCESS_DEFINITION, "melding"))
            .as(groep).isFalse();
        assertThat(mag(groep, Permissions.READ, Resources.TASK, "*")).as(groep).isFalse();
        assertThat(mag(groep, Permissions.CREATE, Resources.FILTER, "*")).as(groep).isFalse();
      }
    }
  }

  @Test
  void deAuditorLeestAllesEnWijzigtNiets() {
    assertThat(mag("auditor", ProcessDefinitionPermissions.READ_HISTORY, Resources.PROCESS_DEFINITION, "huisverbod"))
        .isTrue();
    assertThat(mag("auditor", Permissions.READ_HISTORY, Resources.DECISION_DEFINITION, "radar-classificatie"))
        .isTrue();
    assertThat(mag("auditor", ProcessInstancePermissions.READ, Resources.PROCESS_INSTANCE, "een-instantie")).isTrue();
    assertThat(mag("auditor", Permissions.ACCESS, Resources.APPLICATION, "tasklist")).isFalse();
    assertThat(mag("auditor", ProcessInstancePermissions.UPDATE, Resources.PROCESS_INSTANCE, "een-instantie"))
        .isFalse();
    assertThat(mag("auditor", ProcessInstancePermissions.DELETE, Resources.PROCESS_INSTANCE, "een-instantie"))
        .isFalse();
    assertThat(mag("auditor", ProcessDefinitionPermissions.DELETE_HISTORY, Resources.PROCESS_DEFINITION, "melding"))
        .isFalse();
    assertThat(mag("auditor", Permissions.DELETE, Resources.DEPLOYMENT, "een-deployment")).isFalse();
  }

  @Test
  void zaaienIsIdempotent() {
    Tellingen voor = tel();
    demoGegevens.zaai();
    demoGegevens.zaai();
    assertThat(tel()).isEqualTo(voor);
    // And every grant still holds exactly the table's permissions.
    for (Rollen.Rol rol : Rollen.ROLLEN) {
      for (Rollen.Recht recht : rol.rechten()) {
        Authorization autorisatie = authorizationService.createAuthorizationQuery()
            .authorizationType(Authorization.AUTH_TYPE_GRANT).groupIdIn(rol.groepId())
            .resourceType(recht.resource()).resourceId(recht.resourceId()).singleResult();
        assertThat(autorisatie).as(rol.groepId() + " " + recht).isNotNull();
        assertThat(RollenInrichting.heeftPrecies(autorisatie, recht.permissies())).as(rol.groepId() + " " + recht)
            .isTrue();
      }
    }
  }

  @Test
  void eenAfwijkendRechtWordtTerugGezetOpDeTabel() {
    Authorization autorisatie = authorizationService.createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GRANT).groupIdIn("wijkteam")
        .resourceType(Resources.PROCESS_DEFINITION).resourceId("hulpaanbod").singleResult();
    autorisatie.addPermission(ProcessDefinitionPermissions.UPDATE_INSTANCE);
    authorizationService.saveAuthorization(autorisatie);
    assertThat(mag("wijkteam", ProcessDefinitionPermissions.UPDATE_INSTANCE, Resources.PROCESS_DEFINITION,
        "hulpaanbod")).isTrue();

    demoGegevens.zaai();

    assertThat(mag("wijkteam", ProcessDefinitionPermissions.UPDATE_INSTANCE, Resources.PROCESS_DEFINITION,
        "hulpaanbod")).isFalse();
    assertThat(mag("wijkteam", ProcessDefinitionPermissions.READ, Resources.PROCESS_DEFINITION, "hulpaanbod"))
        .isTrue();
  }

  @Test
  void elkeGroepLeestPreciesZijnEigenFilters() {
    Map<String, Set<String>> verwacht = new LinkedHashMap<>();
    verwacht.put("intake", Set.of("Mijn taken", "Taken van Veilig Thuis intake"));
    verwacht.put("medewerker", Set.of("Mijn taken", "Taken van Veilig Thuis medewerker", "Acuut",
        "Veiligheidsbeoordelingen"));
    verwacht.put("teamleider", Set.of("Mijn taken", "Taken van Veilig Thuis teamleider", "Escalaties termijnen"));
    verwacht.put("arts", Set.of("Mijn taken", "Taken van Vertrouwensarts"));
    verwacht.put("agent", Set.of("Mijn taken", "Taken van Politie"));
    verwacht.put("hovj", Set.of("Mijn taken", "Taken van Hulpofficier van justitie"));
    verwacht.put("burgemeester", Set.of("Mijn taken", "Taken van Burgemeester en locoburgemeester"));
    verwacht.put("wijkteam", Set.of("Mijn taken", "Taken van Lokaal team / wijkteam"));
    verwacht.put("professional", Set.of("Mijn taken", "Taken van Professional (meldcode)"));
    verwacht.put("auditor", Set.of());

    verwacht.forEach((gebruikerId, filters) -> {
      TestIdentiteit.alsGebruiker(identityService, gebruikerId, List.of(CONTRACT.get(gebruikerId)));
      try {
        assertThat(filterService.createFilterQuery().list()).as(gebruikerId)
            .extracting(Filter::getName).containsExactlyInAnyOrderElementsOf(filters);
      } finally {
        identityService.clearAuthentication();
      }
    });
  }

  @Test
  void filtersTonenDeZaakkolommenEnZijnVanBeheerderDemo() {
    Filter filter = filterService.createFilterQuery().filterName("Taken van Veilig Thuis medewerker").singleResult();
    assertThat(filter.getOwner()).isEqualTo("demo");
    assertThat(filter.getProperties()).containsEntry("refresh", true).containsKeys("description", "color", "priority");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> kolommen = (List<Map<String, Object>>) filter.getProperties().get("variables");
    assertThat(kolommen).extracting(k -> k.get("name") + "=" + k.get("label"))
        .containsExactly("kaartZaak=Zaak", "kaartRegio=Regio", "kaartTermijn=Termijn", "kaartAcuut=Acuut");
  }

  @Test
  void erIsGeenStandaardfilterVoorAlleTaken() {
    assertThat(environment.getProperty("camunda.bpm.filter.create")).isNull();
    assertThat(filterService.createFilterQuery().list()).extracting(Filter::getName)
        .noneMatch(naam -> naam.toLowerCase().contains("all tasks") || naam.toLowerCase().contains("alle taken"));
  }

  private boolean mag(String groep, org.camunda.bpm.engine.authorization.Permission permissie, Resources resource,
      String resourceId) {
    return authorizationService.isUserAuthorized("controle-" + groep, List.of(groep), permissie, resource, resourceId);
  }

  private record Tellingen(long gebruikers, long groepen, long lidmaatschappen, long autorisaties, long filters) {}

  private Tellingen tel() {
    long lidmaatschappen = identityService.createGroupQuery().list().stream()
        .mapToLong(groep -> identityService.createUserQuery().memberOfGroup(groep.getId()).count()).sum();
    return new Tellingen(identityService.createUserQuery().count(), identityService.createGroupQuery().count(),
        lidmaatschappen, authorizationService.createAuthorizationQuery().count(),
        filterService.createFilterQuery().count());
  }
}
