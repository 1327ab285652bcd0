package nl.hgkm.keten.gemeente;

import java.text.Normalizer;
import java.util.Locale;

/** How a typed municipality or region name becomes a slug: "Súdwest-Fryslân" and "'s-Gravenhage" as clients send them. */
public final class Spelling {

  private Spelling() {}

  public static String slug(String tekst) {
    String zonderTekens = Normalizer.normalize(tekst, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return zonderTekens.toLowerCase(Locale.ROOT)
        .replace("'", "").replace("’", "")
        .replaceAll("[^a-z0-9]+", "-")
        .replaceAll("^-+|-+$", "");
  }

  /** Levenshtein distance, for the near matches of an unknown name. */
  static int afstand(String a, String b) {
    int[] vorige = new int[b.length() + 1];
    int[] huidige = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      vorige[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      huidige[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int vervangen = vorige[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        huidige[j] = Math.min(vervangen, Math.min(vorige[j] + 1, huidige[j - 1] + 1));
      }
      int[] t = vorige;
      vorige = huidige;
      huidige = t;
    }
    return vorige[b.length()];
  }
}
