package nl.hgkm.keten.regio;

import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Which regions' cases a user may see in the domain APIs: the regions whose Camunda tenant the user is a member of,
 * directly or through a group, exactly as the engine decides for Tasklist, Cockpit and the REST API.
 */
@Component
public class RegioToegang {

  private final IdentityService identityService;

  RegioToegang(IdentityService identityService) {
    this.identityService = identityService;
  }

  public Set<String> regios(String gebruiker) {
    Set<String> uit = new TreeSet<>();
    identityService.createTenantQuery().userMember(gebruiker).includingGroupsOfUser(true).list().stream()
        .map(Tenant::getId).forEach(uit::add);
    return uit;
  }

  /**
   * Refuses a user who is a member of no region, saying why (and saying nothing about any case); otherwise the
   * user's regions.
   */
  public Set<String> vereisRegio(String gebruiker) {
    Set<String> regios = regios(gebruiker);
    if (regios.isEmpty()) {
      throw geenRegio();
    }
    return regios;
  }

  public static ErrorResponseException geenRegio() {
    ProblemDetail probleem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
        "U bent van geen enkele Veilig Thuis-regio lid, dus u ziet geen zaken. Een beheerder maakt u lid van de"
            + " tenant van uw regio (Camunda Admin, Tenants); zie docs/rollen-en-rechten.md.");
    probleem.setTitle("Geen regio");
    return new ErrorResponseException(HttpStatus.FORBIDDEN, probleem, null);
  }
}
