package nl.hgkm.keten.support;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Acting as a user in the engine as the webapps and the REST API do: with the user's groups and the tenants
 * (regions) the user is a member of, so that the engine's tenant check applies as it does for the real user.
 */
public final class TestIdentiteit {

  private TestIdentiteit() {}

  public static void alsGebruiker(IdentityService identityService, String gebruiker, List<String> groepen) {
    identityService.clearAuthentication();
    identityService.setAuthentication(gebruiker, groepen, tenants(identityService, gebruiker));
  }

  /** Read as the system: a user acting at the moment may not read tenants, and would see none. */
  public static List<String> tenants(IdentityService identityService, String gebruiker) {
    Authentication huidig = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return identityService.createTenantQuery().userMember(gebruiker).includingGroupsOfUser(true).list().stream()
          .map(Tenant::getId).toList();
    } finally {
      if (huidig != null) {
        identityService.setAuthentication(huidig);
      }
    }
  }
}
