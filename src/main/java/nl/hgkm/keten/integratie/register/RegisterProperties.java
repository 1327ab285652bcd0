package nl.hgkm.keten.integratie.register;

import nl.hgkm.keten.integratie.IntegratieProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where and how the chain reaches the national Veilig Thuis-register ({@code keten.integratie.register.*}): base URL,
 * HTTP Basic credentials and timeouts, as for the police and care systems. The default in {@code application.yaml}
 * points to the demo simulator; a real installation sets {@code KETEN_INTEGRATIE_REGISTER_BASIS_URL},
 * {@code ..._GEBRUIKER} and {@code ..._WACHTWOORD}.
 */
@ConfigurationProperties("keten.integratie")
public record RegisterProperties(IntegratieProperties.Koppeling register) {

  public RegisterProperties {
    register = register == null ? new IntegratieProperties.Koppeling(null, null, null, null, null) : register;
  }
}
