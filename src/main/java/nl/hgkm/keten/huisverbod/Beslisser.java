package nl.hgkm.keten.huisverbod;

import java.util.List;
import nl.hgkm.keten.identiteit.Groepen;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who is deciding, from the authenticated engine user: a member of group burgemeester decides as burgemeester (or
 * locoburgemeester, when the form says so), a member of group hulpofficier only as hulpofficier. Calls without an
 * authenticated user (the engine itself, tests, an administrator's script) take the role from the variable.
 */
@Component
class Beslisser {

  private final IdentityService identityService;

  Beslisser(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** @return BURGEMEESTER, LOCOBURGEMEESTER or HULPOFFICIER, or null when the user holds none of these roles */
  String rol(Object gevraagd) {
    Authentication gebruiker = identityService.getCurrentAuthentication();
    String gevraagdeRol = gevraagd instanceof String s && !s.isBlank() ? s : null;
    if (gebruiker == null || gebruiker.getGroupIds() == null) {
      return gevraagdeRol == null ? "BURGEMEESTER" : gevraagdeRol;
    }
    List<String> groepen = gebruiker.getGroupIds();
    if (groepen.contains(Groepen.BURGEMEESTER)) {
      return "LOCOBURGEMEESTER".equals(gevraagdeRol) ? "LOCOBURGEMEESTER" : "BURGEMEESTER";
    }
    if (groepen.contains(Groepen.HULPOFFICIER)) {
      return "HULPOFFICIER";
    }
    return null;
  }

  String gebruikerId() {
    Authentication gebruiker = identityService.getCurrentAuthentication();
    return gebruiker == null ? "systeem" : gebruiker.getUserId();
  }
}
