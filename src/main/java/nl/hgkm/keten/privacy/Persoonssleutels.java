package nl.hgkm.keten.privacy;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import nl.hgkm.keten.zaak.Namen;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * The pseudonymous person key: what the engine and its history carry instead of a BSN or a name (docs/privacy.md).
 * A keyed hash (HMAC-SHA256) of the BSN, or, for a person without one, of the normalised name with the birth date;
 * a person with neither has no key (the radar cannot match them either). Without the secret
 * ({@code keten.privacy.persoonssleutel}) nobody can compute a key from a BSN, so the engine's tables, their
 * backups and exports say nothing about who a case is about; with it, the case file's owner finds every case of a
 * person. The same person gets the same key in every case and every region of this installation.
 */
@Component
public class Persoonssleutels {

  /** What a key looks like: {@value #PREFIX} and 64 hex digits. */
  public static final Pattern VORM = Pattern.compile("ps-[0-9a-f]{64}");
  static final String PREFIX = "ps-";
  /** The demo's and the tests' secret: public, so never good enough for production. */
  public static final String DEMO_GEHEIM = "demo-persoonssleutel-niet-voor-productie-0123456789";
  private static final int MINIMALE_LENGTE = 32;
  private static final String ALGORITME = "HmacSHA256";

  private final SecretKeySpec geheim;

  @Autowired
  public Persoonssleutels(PrivacyProperties properties, Environment environment) {
    this(properties.persoonssleutel(), environment.acceptsProfiles(Profiles.of("prod")));
  }

  /** Outside Spring (tests of the case-file tables on their own): the given secret, checked as at a start. */
  public static Persoonssleutels met(String geheim) {
    return new Persoonssleutels(geheim, false);
  }

  private Persoonssleutels(String waarde, boolean productie) {
    if (waarde == null || waarde.isBlank()) {
      throw new PersoonssleutelOntbreektException("Start geweigerd: keten.privacy.persoonssleutel is niet gezet, en "
          + "zonder dat geheim kan de applicatie geen BSN of naam uit de procesengine houden.\nStartup refused: "
          + "keten.privacy.persoonssleutel is not set, and without that secret the application cannot keep BSNs and "
          + "names out of the process engine.");
    }
    if (waarde.strip().length() < MINIMALE_LENGTE) {
      throw new PersoonssleutelOntbreektException("Start geweigerd: keten.privacy.persoonssleutel is korter dan "
          + MINIMALE_LENGTE + " tekens en daarmee te raden.\nStartup refused: keten.privacy.persoonssleutel is "
          + "shorter than " + MINIMALE_LENGTE + " characters and so can be guessed.");
    }
    if (productie && DEMO_GEHEIM.equals(waarde.strip())) {
      throw new PersoonssleutelOntbreektException("Start geweigerd (profiel prod): keten.privacy.persoonssleutel is "
          + "het openbare demogeheim.\nStartup refused (profile prod): keten.privacy.persoonssleutel is the public "
          + "demo secret.");
    }
    this.geheim = new SecretKeySpec(waarde.strip().getBytes(StandardCharsets.UTF_8), ALGORITME);
  }

  /** The key of a person: by BSN when known, else by name and birth date; empty when there is neither. */
  public Optional<String> van(String bsn, String naam, LocalDate geboortedatum) {
    if (bsn != null && !bsn.isBlank()) {
      return Optional.of(sleutel("bsn:" + bsn.strip()));
    }
    if (naam != null && !naam.isBlank() && geboortedatum != null) {
      return Optional.of(sleutel("naam:" + Namen.normaliseer(naam) + "|" + geboortedatum));
    }
    return Optional.empty();
  }

  /**
   * The key the case file stores for a person: as {@link #van}, and for a person with neither BSN nor birth date a key
   * of the name within this one case, so that the engine still never needs the name; such a key matches nobody in
   * another case, as the radar would not either.
   */
  public String vanPersoonInZaak(String bsn, String naam, LocalDate geboortedatum, String zaaknummer) {
    return van(bsn, naam, geboortedatum)
        .orElseGet(() -> sleutel("zaak:" + zaaknummer + "|naam:" + Namen.normaliseer(naam)));
  }

  /** The key of a BSN alone (a data subject who asks with their BSN). */
  public String vanBsn(String bsn) {
    return sleutel("bsn:" + bsn.strip());
  }

  public static boolean isSleutel(String waarde) {
    return waarde != null && VORM.matcher(waarde).matches();
  }

  private String sleutel(String invoer) {
    try {
      Mac mac = Mac.getInstance(ALGORITME);
      mac.init(geheim);
      return PREFIX + HexFormat.of().formatHex(mac.doFinal(invoer.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 is niet beschikbaar in deze JVM", e);
    }
  }
}
