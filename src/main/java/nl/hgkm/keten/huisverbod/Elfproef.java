package nl.hgkm.keten.huisverbod;

/**
 * The 11-proef of a burgerservicenummer (Logius, "Logisch ontwerp BSN"): nine digits d1..d9 with
 * 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 a multiple of 11, and not 0 (which would let 000000000 pass).
 */
final class Elfproef {

  private Elfproef() {}

  static boolean negenCijfers(String waarde) {
    return waarde != null && waarde.length() == 9 && waarde.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  static boolean geldig(String bsn) {
    if (!negenCijfers(bsn)) {
      return false;
    }
    int som = 0;
    for (int i = 0; i < 8; i++) {
      som += (9 - i) * (bsn.charAt(i) - '0');
    }
    som -= bsn.charAt(8) - '0';
    return som != 0 && som % 11 == 0;
  }
}
