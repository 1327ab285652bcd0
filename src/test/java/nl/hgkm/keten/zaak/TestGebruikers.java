package nl.hgkm.keten.zaak;

import nl.hgkm.keten.identiteit.Groepen;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;

/**
 * The contract's demo users (§2) that the intake tests log in with, created when missing: the demo data of the
 * identity work may or may not have created them already. Password {@value #WACHTWOORD}.
 */
public final class TestGebruikers {

  public static final String WACHTWOORD = "demo";
  public static final String INTAKE = "intake";
  public static final String AGENT = "agent";
  public static final String MEDEWERKER = "medewerker";
  public static final String WIJKTEAM = "wijkteam";
  public static final String AUDITOR = "auditor";
  public static final String PROFESSIONAL = "professional";
  /**
   * Only for tests with a wrong password: the engine delays a user's next login after a failed one (loginDelayBase),
   * which would make the next test of a shared user fail with 401.
   */
  public static final String VERKEERD_WACHTWOORD = "verkeerdwachtwoord";

  private TestGebruikers() {}

  public static void zorgVoorAlle(IdentityService identityService) {
    zorgVoor(identityService, INTAKE, Groepen.VT_INTAKE);
    zorgVoor(identityService, AGENT, Groepen.POLITIE);
    zorgVoor(identityService, MEDEWERKER, Groepen.VT_MEDEWERKER);
    zorgVoor(identityService, WIJKTEAM, Groepen.WIJKTEAM);
    zorgVoor(identityService, AUDITOR, Groepen.AUDITOR);
    zorgVoor(identityService, PROFESSIONAL, Groepen.PROFESSIONAL);
    zorgVoor(identityService, VERKEERD_WACHTWOORD, Groepen.VT_MEDEWERKER);
    zorgVoor(identityService, VERKEERD_WACHTWOORD, Groepen.VT_INTAKE);
  }

  public static void zorgVoor(IdentityService identityService, String gebruikerId, String groepId) {
    if (identityService.createGroupQuery().groupId(groepId).count() == 0) {
      Group groep = identityService.newGroup(groepId);
      groep.setName(groepId);
      groep.setType("WORKFLOW");
      identityService.saveGroup(groep);
    }
    if (identityService.createUserQuery().userId(gebruikerId).count() == 0) {
      User gebruiker = identityService.newUser(gebruikerId);
      gebruiker.setFirstName(gebruikerId);
      gebruiker.setLastName("Demo");
      gebruiker.setPassword(WACHTWOORD);
      identityService.saveUser(gebruiker);
    }
    if (identityService.createUserQuery().userId(gebruikerId).memberOfGroup(groepId).count() == 0) {
      identityService.createMembership(gebruikerId, groepId);
    }
  }
}
