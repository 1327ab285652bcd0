package nl.hgkm.keten.identiteit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hands the authenticated user to the engine for {@code /engine-rest}, so that the engine's authorizations apply to
 * every REST call exactly as they do in the webapps.
 */
class EngineRestIdentiteitFilter extends OncePerRequestFilter {

  private final IdentityService identityService;

  EngineRestIdentiteitFilter(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith(request.getContextPath() + "/engine-rest");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authenticatie = SecurityContextHolder.getContext().getAuthentication();
    if (authenticatie == null || !authenticatie.isAuthenticated()) {
      chain.doFilter(request, response);
      return;
    }
    Gebruiker gebruiker = Gebruiker.van(authenticatie);
    List<String> tenants = identityService.createTenantQuery().userMember(gebruiker.id()).includingGroupsOfUser(true)
        .list().stream().map(Tenant::getId).toList();
    identityService.setAuthentication(gebruiker.id(), gebruiker.groepen(), tenants);
    try {
      chain.doFilter(request, response);
    } finally {
      identityService.clearAuthentication();
    }
  }
}
