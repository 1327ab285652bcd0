package nl.hgkm.keten.engine;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs one step of a process as the application instead of as the user whose Tasklist action runs it. For steps that
 * do on the user's behalf what the domain API does for its callers: the melding intake, for example, looks across all
 * cases (the radar) and starts process {@code melding}, which a professional outside Veilig Thuis may not and should
 * not be granted. The API runs such work without an engine user as well; the user stays the recorded actor in the
 * project's own tables. The user's authentication is restored afterwards, also when the step fails.
 */
@Component
public class AlsApplicatie {

  private final IdentityService identityService;

  AlsApplicatie(IdentityService identityService) {
    this.identityService = identityService;
  }

  public <T> T voerUit(Supplier<T> stap) {
    Authentication gebruiker = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return stap.get();
    } finally {
      if (gebruiker != null) {
        identityService.setAuthentication(gebruiker);
      }
    }
  }
}
