package nl.hgkm.keten.identiteit;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * HTTP Basic against the engine's own users (the same accounts as the webapps' login); the user's engine groups
 * become its authorities.
 */
@Component
class EngineGebruikersAuthenticatie implements AuthenticationProvider {

  private final IdentityService identityService;

  EngineGebruikersAuthenticatie(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String gebruiker = authentication.getName();
    Object wachtwoord = authentication.getCredentials();
    if (gebruiker == null || wachtwoord == null
        || !identityService.checkPassword(gebruiker, wachtwoord.toString())) {
      throw new BadCredentialsException("Onjuiste gebruikersnaam of wachtwoord");
    }
    List<SimpleGrantedAuthority> groepen = identityService.createGroupQuery().groupMember(gebruiker).list().stream()
        .map(Group::getId)
        .map(SimpleGrantedAuthority::new)
        .toList();
    return UsernamePasswordAuthenticationToken.authenticated(gebruiker, null, groepen);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
