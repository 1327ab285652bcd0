package nl.hgkm.keten.identiteit;

import static org.assertj.core.api.Assertions.assertThat;

import nl.hgkm.keten.support.KetenIntegratieTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/** Contract §1: only /actuator/health is open without credentials. */
@KetenIntegratieTest
class ToegangIT {

  @Autowired TestRestTemplate rest;

  @Test
  void healthIsOpen() {
    assertThat(rest.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void infoEnEngineRestVragenOmInloggen() {
    assertThat(rest.getForEntity("/actuator/info", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.getForEntity("/engine-rest/task", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    // An unknown user: a wrong password for a demo user would lock that user for a few seconds (engine login
    // throttling) and make other tests of the shared context fail with 401.
    assertThat(rest.withBasicAuth("niemand", "fout").getForEntity("/engine-rest/task", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void eenDemogebruikerKomtBinnenMetZijnWachtwoord() {
    assertThat(rest.withBasicAuth("medewerker", "demo").getForEntity("/engine-rest/task", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
  }
}
