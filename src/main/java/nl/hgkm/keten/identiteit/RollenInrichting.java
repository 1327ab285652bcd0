package nl.hgkm.keten.identiteit;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import nl.hgkm.keten.identiteit.TasklistFilters.FilterDefinitie;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes the role model into the engine: the groups of contract §2, exactly the grants of {@link Rollen} and the
 * Tasklist filters of {@link TasklistFilters}. Idempotent: safe on every start and on a database that survives
 * restarts; a grant that differs from the table is set back to the table.
 *
 * <p>The demo profile runs it through {@link DemoGegevens}. A real installation runs it once with
 * {@code --keten.identiteit.rollen-inrichten=true} (see docs/rollen-en-rechten.md); it is not on by default there,
 * because it would undo every change an administrator makes to these grants in Camunda Admin.
 */
@Component
public class RollenInrichting {

  private static final Logger LOG = LoggerFactory.getLogger(RollenInrichting.class);

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final FilterService filterService;
  private final TaskService taskService;
  private final boolean bijStart;

  RollenInrichting(IdentityService identityService, AuthorizationService authorizationService,
      FilterService filterService, TaskService taskService,
      @Value("${keten.identiteit.rollen-inrichten:false}") boolean bijStart) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.filterService = filterService;
    this.taskService = taskService;
    this.bijStart = bijStart;
  }

  @EventListener(ApplicationReadyEvent.class)
  void bijStart() {
    if (bijStart) {
      richtIn(null);
    }
  }

  /** Groups, grants and filters; {@code filterEigenaar} may edit the filters (null: administrators only). */
  public void richtIn(String filterEigenaar) {
    Rollen.ROLLEN.forEach(this::groep);
    Rollen.ROLLEN.forEach(rol -> rol.rechten().forEach(recht -> zorgVoorRecht(rol.groepId(), recht)));
    TasklistFilters.FILTERS.forEach(filter -> filter(filter, filterEigenaar));
    LOG.info("Rollen ingericht: {} groepen, {} Tasklist-filters", Rollen.ROLLEN.size(), TasklistFilters.FILTERS.size());
  }

  private void groep(Rollen.Rol rol) {
    Group groep = identityService.createGroupQuery().groupId(rol.groepId()).singleResult();
    if (groep == null) {
      groep = identityService.newGroup(rol.groepId());
    } else if (rol.naam().equals(groep.getName()) && rol.type().equals(groep.getType())) {
      return;
    }
    groep.setName(rol.naam());
    groep.setType(rol.type());
    identityService.saveGroup(groep);
  }

  private void filter(FilterDefinitie definitie, String eigenaar) {
    Filter filter = filterService.createFilterQuery().filterName(definitie.naam()).list().stream()
        .findFirst().orElseGet(() -> filterService.newTaskFilter(definitie.naam()));
    filter.setOwner(eigenaar);
    filter.setQuery(definitie.query().apply(taskService));
    filter.setProperties(definitie.eigenschappen());
    filter = filterService.saveFilter(filter);
    for (String groep : definitie.groepen()) {
      zorgVoorRecht(groep, new Rollen.Recht(Resources.FILTER, filter.getId(), List.of(Permissions.READ)));
    }
  }

  /** Exactly the table's permissions: created when missing, set back when different. */
  private void zorgVoorRecht(String groepId, Rollen.Recht recht) {
    Authorization autorisatie = authorizationService.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(groepId)
        .resourceType(recht.resource())
        .resourceId(recht.resourceId())
        .singleResult();
    if (autorisatie == null) {
      autorisatie = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
      autorisatie.setGroupId(groepId);
      autorisatie.setResource(recht.resource());
      autorisatie.setResourceId(recht.resourceId());
    } else if (heeftPrecies(autorisatie, recht.permissies())) {
      return;
    }
    autorisatie.setPermissions(recht.permissies().toArray(Permission[]::new));
    authorizationService.saveAuthorization(autorisatie);
  }

  /** True when the grant holds every wanted permission of its kind and no other. */
  static boolean heeftPrecies(Authorization autorisatie, List<Permission> gewenst) {
    if (gewenst.contains(Permissions.ALL)) {
      return autorisatie.isEveryPermissionGranted();
    }
    int gewenstMasker = gewenst.stream().mapToInt(Permission::getValue).reduce(0, (a, b) -> a | b);
    Permission[] soortgenoten = (Permission[]) ((Enum<?>) gewenst.get(0)).getDeclaringClass().getEnumConstants();
    for (Permission permissie : soortgenoten) {
      int waarde = permissie.getValue();
      if (waarde == 0 || waarde == Permissions.ALL.getValue()) {
        continue; // NONE and ALL are not single permissions
      }
      boolean gewild = (gewenstMasker & waarde) == waarde;
      if (autorisatie.isPermissionGranted(permissie) != gewild) {
        return false;
      }
    }
    return true;
  }
}
