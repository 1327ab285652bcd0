package nl.hgkm.keten.identiteit;

import java.util.List;
import nl.hgkm.keten.engine.WachtwoordControle;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * PRODUCTION: the application does not start while an administrator keeps a default password or a demo user still
 * has password {@value DemoGebruikers#WACHTWOORD} (a demo database put into production, an installer's "admin/admin").
 * Runs once every bean is ready, so after the engine has started and before the web server accepts requests or the
 * job executor runs. An empty database passes: its first administrator is created in Camunda Admin's setup page.
 */
@Component
@Profile("prod")
class ProdStartControle implements SmartInitializingSingleton {

  private final StandaardWachtwoorden standaardWachtwoorden;
  private final Environment environment;

  ProdStartControle(IdentityService identityService, WachtwoordControle wachtwoordControle, Environment environment) {
    this.standaardWachtwoorden = new StandaardWachtwoorden(identityService, wachtwoordControle);
    this.environment = environment;
  }

  @Override
  public void afterSingletonsInstantiated() {
    if (environment.acceptsProfiles(Profiles.of("demo"))) {
      // The demo seeding runs after this check, so it would otherwise pass once and then create the demo users.
      throw new OnveiligeStartException(
          "de profielen prod en demo gaan niet samen: demo maakt gebruikers met wachtwoord 'demo' aan.",
          "profiles prod and demo cannot be combined: demo creates users with password 'demo'.");
    }
    List<StandaardWachtwoorden.Bezwaar> bezwaren = standaardWachtwoorden.bezwaren();
    if (!bezwaren.isEmpty()) {
      throw new OnveiligeStartException(bezwaren);
    }
  }
}
