package nl.hgkm.keten.identiteit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import nl.hgkm.keten.identiteit.Rollen.Recht;
import nl.hgkm.keten.identiteit.Rollen.Rol;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;

/** The role table itself: the contract's groups, least privilege, and the documentation that shows it. */
class RollenTest {

  private static final Set<String> CASEMANAGERS = Set.of("vt-intake", "vt-medewerker", "vt-teamleider",
      "vertrouwensarts", "politie", "hulpofficier", "burgemeester", "wijkteam", "professional");

  /** Permissions that change something; only camunda-admin and the professional's start of a weighing have any. */
  private static final Set<String> SCHRIJVEND = Set.of("UPDATE", "DELETE", "CREATE", "ALL", "UPDATE_TASK",
      "TASK_WORK", "TASK_ASSIGN", "CREATE_INSTANCE", "UPDATE_INSTANCE", "DELETE_INSTANCE", "DELETE_HISTORY",
      "MIGRATE_INSTANCE", "RETRY_JOB", "SUSPEND", "SUSPEND_INSTANCE", "UPDATE_INSTANCE_VARIABLE",
      "UPDATE_TASK_VARIABLE", "UPDATE_HISTORY", "UPDATE_VARIABLE");

  @Test
  void kentPreciesDeGroepenVanHetContract() {
    assertThat(Rollen.ROLLEN).extracting(Rol::groepId).containsExactly("vt-intake", "vt-medewerker",
        "vt-teamleider", "vertrouwensarts", "politie", "hulpofficier", "burgemeester", "wijkteam", "professional",
        "auditor", "camunda-admin");
    assertThat(Rollen.rol("camunda-admin").type()).isEqualTo("SYSTEM");
    assertThat(Rollen.ROLLEN).filteredOn(r -> !r.groepId().equals("camunda-admin"))
        .extracting(Rol::type).containsOnly("WORKFLOW");
  }

  @Test
  void alleenCasemanagersWerkenInTasklist() {
    assertThat(Rollen.tasklistRollen()).extracting(Rol::groepId).containsExactlyInAnyOrderElementsOf(CASEMANAGERS);
  }

  @Test
  void geenGroepKrijgtTakenOfFiltersViaDeTabel() {
    // Tasks come from the engine's per-task candidate grants; filter grants from TasklistFilters.
    assertThat(alleRechtenBuitenBeheer()).extracting(Recht::resource)
        .doesNotContain(Resources.TASK, Resources.FILTER, Resources.HISTORIC_TASK);
    assertThat(alleRechtenBuitenBeheer()).allSatisfy(recht ->
        assertThat(recht.permissies()).extracting(Permission::getName)
            .doesNotContain("READ_TASK", "TASK_WORK", "UPDATE_TASK"));
  }

  @Test
  void alleenDeProfessionalStartIetsEnNiemandBuitenBeheerWijzigtIets() {
    for (Rol rol : Rollen.ROLLEN) {
      if (rol.groepId().equals("camunda-admin")) {
        continue;
      }
      Set<String> schrijvend = rol.rechten().stream().flatMap(r -> r.permissies().stream())
          .map(Permission::getName).filter(SCHRIJVEND::contains).collect(Collectors.toSet());
      if (rol.groepId().equals("professional")) {
        assertThat(schrijvend).as(rol.groepId()).containsExactlyInAnyOrder("CREATE_INSTANCE", "CREATE");
      } else {
        assertThat(schrijvend).as(rol.groepId()).isEmpty();
      }
    }
  }

  @Test
  void deAuditorLeestGeschiedenisEnWerktNietInTasklist() {
    Rol auditor = Rollen.rol("auditor");
    assertThat(auditor.werktInTasklist()).isFalse();
    assertThat(auditor.rechten()).anySatisfy(recht -> {
      assertThat(recht.resource()).isEqualTo(Resources.PROCESS_DEFINITION);
      assertThat(recht.permissies()).extracting(Permission::getName).contains("READ_HISTORY");
    });
  }

  @Test
  void beheerHeeftAllesOpElkResourcetype() {
    assertThat(Rollen.rol("camunda-admin").rechten())
        .extracting(Recht::resource).containsExactlyInAnyOrder(Resources.values());
    assertThat(Rollen.rol("camunda-admin").rechten())
        .allSatisfy(r -> assertThat(r.permissies()).extracting(Permission::getName).containsExactly("ALL"));
  }

  @Test
  void elkeResourceEenmaalPerGroepEnPermissiesVanEenSoort() {
    // The engine keeps one grant per (group, resource, id); permissions of one grant must share one enum.
    for (Rol rol : Rollen.ROLLEN) {
      List<String> sleutels = rol.rechten().stream().map(r -> r.resource() + "/" + r.resourceId()).toList();
      assertThat(sleutels).as(rol.groepId()).doesNotHaveDuplicates();
      for (Recht recht : rol.rechten()) {
        assertThat(recht.permissies().stream().map(p -> ((Enum<?>) p).getDeclaringClass()).distinct())
            .as(rol.groepId() + " " + recht).hasSize(1);
      }
    }
  }

  @Test
  void elkeCasemanagerHeeftZijnEigenFilterEnMijnTaken() {
    for (Rol rol : Rollen.tasklistRollen()) {
      assertThat(TasklistFilters.FILTERS)
          .filteredOn(f -> f.groepen().contains(rol.groepId()))
          .extracting(TasklistFilters.FilterDefinitie::naam)
          .contains("Mijn taken", "Taken van " + rol.naam());
    }
    assertThat(TasklistFilters.FILTERS).extracting(TasklistFilters.FilterDefinitie::naam).doesNotHaveDuplicates();
    assertThat(TasklistFilters.FILTERS).allSatisfy(f -> assertThat(f.groepen()).doesNotContain("auditor"));
  }

  /** Tasklist opens the filter with the lowest priority: for every role its own list, which has all its work. */
  @Test
  void elkeCasemanagerLandtOpZijnEigenTakenlijst() {
    for (Rol rol : Rollen.tasklistRollen()) {
      List<TasklistFilters.FilterDefinitie> zichtbaar = TasklistFilters.FILTERS.stream()
          .filter(f -> f.groepen().contains(rol.groepId())).toList();
      int laagste = zichtbaar.stream().mapToInt(TasklistFilters.FilterDefinitie::prioriteit).min().orElseThrow();
      assertThat(zichtbaar).filteredOn(f -> f.prioriteit() == laagste)
          .extracting(TasklistFilters.FilterDefinitie::naam)
          .as(rol.groepId()).containsExactly(TasklistFilters.takenVan(rol));
    }
  }

  @Test
  void standaardwachtwoordenOmvattenDeGebruikersnaam() {
    assertThat(StandaardWachtwoorden.kandidaten("beheerder"))
        .contains("demo", "admin", "camunda", "password", "wachtwoord", "welkom", "changeme", "beheerder");
  }

  @Test
  void documentatieToontDeTabelUitDeCode() throws Exception {
    String doc = Files.readString(Path.of("docs/rollen-en-rechten.md"), StandardCharsets.UTF_8);
    assertThat(doc).contains(Rollen.alsMarkdown());
  }

  private static List<Recht> alleRechtenBuitenBeheer() {
    return Rollen.ROLLEN.stream().filter(r -> !r.groepId().equals("camunda-admin"))
        .flatMap(r -> r.rechten().stream()).toList();
  }
}
