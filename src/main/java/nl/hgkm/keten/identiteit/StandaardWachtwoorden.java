package nl.hgkm.keten.identiteit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.hgkm.keten.engine.WachtwoordControle;
import nl.hgkm.keten.identiteit.DemoGebruikers.DemoGebruiker;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/**
 * Finds the accounts a production installation must not have: an administrator (group camunda-admin) with a
 * default password, and a demo user of contract §2 with password {@value DemoGebruikers#WACHTWOORD}.
 */
public class StandaardWachtwoorden {

  /** Passwords an administrator must not keep; the user id itself counts too. */
  static final List<String> STANDAARD = List.of(
      "demo", "admin", "camunda", "password", "wachtwoord", "welkom", "changeme");

  /** One account that blocks a production start, with the reason in Dutch and English. */
  public record Bezwaar(String gebruikerId, String nederlands, String engels) {}

  private final IdentityService identityService;
  private final WachtwoordControle wachtwoordControle;

  public StandaardWachtwoorden(IdentityService identityService, WachtwoordControle wachtwoordControle) {
    this.identityService = identityService;
    this.wachtwoordControle = wachtwoordControle;
  }

  static List<String> kandidaten(String gebruikerId) {
    return Stream.concat(STANDAARD.stream(), Stream.of(gebruikerId)).distinct().toList();
  }

  /** Every blocking account once, administrators first; empty when the installation is safe to start. */
  public List<Bezwaar> bezwaren() {
    Map<String, Bezwaar> bezwaren = new LinkedHashMap<>();
    for (User beheerder : identityService.createUserQuery().memberOfGroup(Groepen.CAMUNDA_ADMIN).orderByUserId().asc()
        .list()) {
      String id = beheerder.getId();
      if (kandidaten(id).stream().anyMatch(wachtwoord -> wachtwoordControle.heeftWachtwoord(id, wachtwoord))) {
        bezwaren.put(id, new Bezwaar(id,
            "beheerder '" + id + "' (groep camunda-admin) heeft een standaardwachtwoord",
            "administrator '" + id + "' (group camunda-admin) has a default password"));
      }
    }
    for (DemoGebruiker demo : DemoGebruikers.ALLE) {
      if (!bezwaren.containsKey(demo.id())
          && wachtwoordControle.heeftWachtwoord(demo.id(), DemoGebruikers.WACHTWOORD)) {
        bezwaren.put(demo.id(), new Bezwaar(demo.id(),
            "demogebruiker '" + demo.id() + "' bestaat met wachtwoord '" + DemoGebruikers.WACHTWOORD + "'",
            "demo user '" + demo.id() + "' exists with password '" + DemoGebruikers.WACHTWOORD + "'"));
      }
    }
    return new ArrayList<>(bezwaren.values());
  }
}
