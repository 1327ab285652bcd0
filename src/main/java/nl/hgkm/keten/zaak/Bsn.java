package nl.hgkm.keten.zaak;

import java.util.Optional;

/**
 * A burgerservicenummer: nine digits that pass the 11-proef (Wet algemene bepalingen burgerservicenummer; the check
 * of Logius' "Logisch ontwerp BSN"): 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 is a multiple of 11 and not 0.
 */
public record Bsn(String waarde) {

  public Bsn {
    if (!isGeldig(waarde)) {
      throw new IllegalArgumentException("geen geldig burgerservicenummer");
    }
  }

  public static Optional<Bsn> van(String waarde) {
    return isGeldig(waarde) ? Optional.of(new Bsn(waarde)) : Optional.empty();
  }

  public static boolean heeftNegenCijfers(String waarde) {
    return waarde != null && waarde.length() == 9 && waarde.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  public static boolean isGeldig(String waarde) {
    if (!heeftNegenCijfers(waarde)) {
      return false;
    }
    int som = 0;
    for (int i = 0; i < 8; i++) {
      som += (9 - i) * (waarde.charAt(i) - '0');
    }
    som -= waarde.charAt(8) - '0';
    return som != 0 && som % 11 == 0;
  }

  /** Never the number itself: a BSN does not belong in logs. */
  @Override
  public String toString() {
    return "Bsn[*********]";
  }
}
