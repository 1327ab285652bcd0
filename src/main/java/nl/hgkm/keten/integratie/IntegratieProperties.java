package nl.hgkm.keten.integratie;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where and how the chain reaches the systems outside it ({@code keten.integratie.politie.*},
 * {@code keten.integratie.zorg.*}). The defaults in {@code application.yaml} point to the demo simulators; a real
 * installation sets the base URLs and credentials (e.g. {@code KETEN_INTEGRATIE_POLITIE_WACHTWOORD}).
 */
@ConfigurationProperties("keten.integratie")
public record IntegratieProperties(Koppeling politie, Koppeling zorg) {

  public IntegratieProperties {
    politie = politie == null ? new Koppeling(null, null, null, null, null) : politie;
    zorg = zorg == null ? new Koppeling(null, null, null, null, null) : zorg;
  }

  /**
   * One outside system.
   *
   * @param basisUrl       base URL of its REST API, e.g. {@code https://politie.example/hgkm}; required
   * @param gebruiker      user for HTTP Basic authentication; without it, calls go unauthenticated (and a real
   *                       system answers 401, which becomes an incident)
   * @param wachtwoord     its password
   * @param verbindTimeout how long to wait for a connection (default 2 s)
   * @param leesTimeout    how long to wait for the answer once the request is sent (default 10 s); a call that
   *                       takes longer fails and is retried with the same Idempotency-Key
   */
  public record Koppeling(
      URI basisUrl, String gebruiker, String wachtwoord, Duration verbindTimeout, Duration leesTimeout) {

    public Koppeling {
      verbindTimeout = verbindTimeout == null ? Duration.ofSeconds(2) : verbindTimeout;
      leesTimeout = leesTimeout == null ? Duration.ofSeconds(10) : leesTimeout;
    }

    public boolean heeftGebruiker() {
      return gebruiker != null && !gebruiker.isBlank();
    }

    /** Never prints the password (records would). */
    @Override
    public String toString() {
      return "Koppeling[basisUrl=" + basisUrl + ", gebruiker=" + gebruiker + ", wachtwoord=***, verbindTimeout="
          + verbindTimeout + ", leesTimeout=" + leesTimeout + "]";
    }
  }
}
