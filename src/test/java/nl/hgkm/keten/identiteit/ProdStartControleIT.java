package nl.hgkm.keten.identiteit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import nl.hgkm.keten.engine.WachtwoordControle;
import nl.hgkm.keten.support.KetenIntegratieTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.env.MockEnvironment;

/**
 * The production start check against the real identity store of the demo context: it names the seeded demo
 * administrator and demo users, accepts an administrator with a strong password, and locks nobody out. The real
 * starts with profile prod are in {@link ProdStartIT}.
 */
@KetenIntegratieTest
class ProdStartControleIT {

  @Autowired IdentityService identityService;
  @Autowired WachtwoordControle wachtwoordControle;

  private final String beheerder = "testbeheerder" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);

  @AfterEach
  void ruimOp() {
    identityService.deleteUser(beheerder);
  }

  private StandaardWachtwoorden controle() {
    return new StandaardWachtwoorden(identityService, wachtwoordControle);
  }

  @Test
  void weigertDeDemobeheerderEnDeDemogebruikers() {
    var bezwaren = controle().bezwaren();

    assertThat(bezwaren).extracting(StandaardWachtwoorden.Bezwaar::gebruikerId)
        .contains("demo", "intake", "medewerker", "teamleider", "arts", "agent", "hovj", "burgemeester", "wijkteam",
            "professional", "auditor")
        .doesNotHaveDuplicates();
    assertThat(bezwaren).filteredOn(b -> b.gebruikerId().equals("demo")).singleElement()
        .satisfies(b -> {
          assertThat(b.nederlands()).contains("beheerder 'demo'", "camunda-admin", "standaardwachtwoord");
          assertThat(b.engels()).contains("administrator 'demo'", "default password");
        });
    assertThat(new OnveiligeStartException(bezwaren).getMessage())
        .contains("Start geweigerd", "Startup refused", "demogebruiker 'medewerker'", "demo user 'medewerker'");
  }

  @Test
  void deControleBeanWeigertDezeDatabaseInProductie() {
    ProdStartControle controle = new ProdStartControle(identityService, wachtwoordControle, omgeving("prod"));

    assertThatThrownBy(controle::afterSingletonsInstantiated).isInstanceOf(OnveiligeStartException.class)
        .hasMessageContaining("beheerder 'demo' (groep camunda-admin) heeft een standaardwachtwoord")
        .hasMessageContaining("administrator 'demo' (group camunda-admin) has a default password");
  }

  @Test
  void prodEnDemoSamenWordtGeweigerd() {
    ProdStartControle controle = new ProdStartControle(identityService, wachtwoordControle, omgeving("prod", "demo"));

    assertThatThrownBy(controle::afterSingletonsInstantiated).isInstanceOf(OnveiligeStartException.class)
        .hasMessageContaining("prod en demo gaan niet samen").hasMessageContaining("cannot be combined");
  }

  @Test
  void accepteertEenBeheerderMetEenSterkWachtwoord() {
    maakBeheerder("Vt-Ams!2027-lange-zin-als-wachtwoord");

    assertThat(controle().bezwaren()).extracting(StandaardWachtwoorden.Bezwaar::gebruikerId)
        .doesNotContain(beheerder);
  }

  @Test
  void weigertEenBeheerderMetZijnGebruikersnaamAlsWachtwoord() {
    maakBeheerder(beheerder);

    assertThat(controle().bezwaren()).extracting(StandaardWachtwoorden.Bezwaar::gebruikerId).contains(beheerder);
  }

  @Test
  void deControleTeltNietAlsMislukteAanmelding() {
    // IdentityService.checkPassword would count each miss and lock the account after loginMaxAttempts (10).
    maakBeheerder("Vt-Ams!2027-lange-zin-als-wachtwoord");
    for (int i = 0; i < 3; i++) {
      controle().bezwaren(); // 8 wrong guesses each time
    }

    assertThat(identityService.checkPassword(beheerder, "Vt-Ams!2027-lange-zin-als-wachtwoord")).isTrue();
  }

  private static MockEnvironment omgeving(String... profielen) {
    MockEnvironment omgeving = new MockEnvironment();
    omgeving.setActiveProfiles(profielen);
    return omgeving;
  }

  private void maakBeheerder(String wachtwoord) {
    User gebruiker = identityService.newUser(beheerder);
    gebruiker.setFirstName("Test");
    gebruiker.setLastName("Beheerder");
    gebruiker.setPassword(wachtwoord);
    identityService.saveUser(gebruiker);
    identityService.createMembership(beheerder, "camunda-admin");
  }
}
