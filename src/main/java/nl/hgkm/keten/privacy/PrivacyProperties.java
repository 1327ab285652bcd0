package nl.hgkm.keten.privacy;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Personal data settings ({@code keten.privacy}, docs/privacy.md).
 *
 * @param persoonssleutel the secret of the pseudonymous person key (HMAC-SHA256), at least 32 characters; the demo
 *                        and test profiles set a fixed one, production has none unless the operator sets it
 *                        ({@code KETEN_PERSOONSSLEUTEL}), and the application does not start without it
 * @param bewaartermijn   how long a Veilig Thuis file is kept after its case closed (domain: 20 years, a parameter)
 */
@ConfigurationProperties("keten.privacy")
public record PrivacyProperties(String persoonssleutel, Period bewaartermijn) {

  public PrivacyProperties {
    bewaartermijn = bewaartermijn == null ? Period.ofYears(20) : bewaartermijn;
  }
}
