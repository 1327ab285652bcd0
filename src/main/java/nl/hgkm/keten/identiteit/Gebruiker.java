package nl.hgkm.keten.identiteit;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The authenticated engine user behind an API request: id and group ids. */
public record Gebruiker(String id, List<String> groepen) {

  public static Gebruiker van(Authentication authenticatie) {
    return new Gebruiker(
        authenticatie.getName(),
        authenticatie.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
  }

  public boolean isLidVanEen(List<String> groepIds) {
    return groepen.stream().anyMatch(groepIds::contains);
  }

  public boolean isVeiligThuis() {
    return isLidVanEen(Groepen.VEILIG_THUIS);
  }
}
