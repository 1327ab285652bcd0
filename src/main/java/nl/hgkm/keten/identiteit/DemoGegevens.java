package nl.hgkm.keten.identiteit;

import nl.hgkm.keten.identiteit.DemoGebruikers.DemoGebruiker;
import nl.hgkm.keten.regio.RegioTenants;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * DEMO ONLY: the role model of {@link Rollen} plus one user per group (contract §2, password
 * {@value DemoGebruikers#WACHTWOORD}); user {@code demo} is the administrator and owns the shared Tasklist filters.
 * Runs once the application is up, on every start: it only adds what is missing, so the H2 file database under
 * {@code ./data} keeps its cases and any password a demo user changed.
 */
@Component
@Profile("demo")
public class DemoGegevens {

  private static final Logger LOG = LoggerFactory.getLogger(DemoGegevens.class);
  static final String BEHEERDER = "demo";

  private final IdentityService identityService;
  private final RollenInrichting rollenInrichting;
  private final RegioTenants tenants;

  DemoGegevens(IdentityService identityService, RollenInrichting rollenInrichting, RegioTenants tenants) {
    this.identityService = identityService;
    this.rollenInrichting = rollenInrichting;
    this.tenants = tenants;
  }

  /** Early among the start listeners: later ones (demo cases, say) may rely on the users. */
  @EventListener(ApplicationReadyEvent.class)
  @Order(Ordered.HIGHEST_PRECEDENCE + 100)
  public void zaai() {
    rollenInrichting.richtIn(BEHEERDER);
    DemoGebruikers.ALLE.forEach(this::gebruiker);
    LOG.info("Demogebruikers aanwezig: {} (wachtwoord '{}'). Alleen voor de demo.",
        DemoGebruikers.ALLE.stream().map(DemoGebruiker::id).toList(), DemoGebruikers.WACHTWOORD);
  }

  private void gebruiker(DemoGebruiker demo) {
    if (identityService.createUserQuery().userId(demo.id()).count() == 0) {
      User gebruiker = identityService.newUser(demo.id());
      gebruiker.setFirstName(demo.voornaam());
      gebruiker.setLastName(demo.achternaam());
      gebruiker.setEmail(demo.email());
      gebruiker.setPassword(DemoGebruikers.WACHTWOORD);
      identityService.saveUser(gebruiker);
    }
    if (identityService.createUserQuery().userId(demo.id()).memberOfGroup(demo.groep()).count() == 0) {
      identityService.createMembership(demo.id(), demo.groep());
    }
    tenants.maakLid(demo.id(), demo.werkgebied());
  }
}
