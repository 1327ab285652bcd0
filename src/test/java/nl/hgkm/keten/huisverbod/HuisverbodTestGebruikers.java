package nl.hgkm.keten.huisverbod;

import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;

/**
 * The demo users the huisverbod tests log in with (contract §2), created idempotently: they may already exist when
 * the demo data of the identity work is in the build.
 */
final class HuisverbodTestGebruikers {

  static final String WACHTWOORD = "demo";
  static final String MEDEWERKER_AMSTERDAM = "medewerker-amsterdam";

  /** user id -> group id */
  private static final Map<String, String> GEBRUIKERS = Map.of(
      "hovj", "hulpofficier",
      "agent", "politie",
      "burgemeester", "burgemeester",
      "wijkteam", "wijkteam",
      "auditor", "auditor",
      // a Veilig Thuis role whose group id the engine accepts without the hyphen pattern
      "arts", "vertrouwensarts",
      // the case worker of the test cases' region (the demo's medewerker works in Utrecht)
      MEDEWERKER_AMSTERDAM, "vt-medewerker");

  private HuisverbodTestGebruikers() {}

  static synchronized void zorgVoor(IdentityService identity) {
    GEBRUIKERS.forEach((gebruiker, groep) -> {
      if (identity.createGroupQuery().groupId(groep).count() == 0) {
        Group nieuw = identity.newGroup(groep);
        nieuw.setName(groep);
        nieuw.setType("WORKFLOW");
        identity.saveGroup(nieuw);
      }
      if (identity.createUserQuery().userId(gebruiker).count() == 0) {
        User nieuw = identity.newUser(gebruiker);
        nieuw.setFirstName(gebruiker);
        nieuw.setLastName("Demo");
        nieuw.setPassword(WACHTWOORD);
        identity.saveUser(nieuw);
      }
      if (identity.createUserQuery().userId(gebruiker).memberOfGroup(groep).count() == 0) {
        identity.createMembership(gebruiker, groep);
      }
    });
    if (identity.createTenantQuery().tenantId("amsterdam-amstelland").userMember(MEDEWERKER_AMSTERDAM).count() == 0) {
      identity.createTenantUserMembership("amsterdam-amstelland", MEDEWERKER_AMSTERDAM);
    }
  }
}
