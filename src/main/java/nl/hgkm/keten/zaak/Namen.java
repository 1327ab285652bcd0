package nl.hgkm.keten.zaak;

import java.util.Locale;

/** How the radar compares names: trimmed, lower case, runs of white space collapsed to one space. */
public final class Namen {

  private Namen() {}

  public static String normaliseer(String naam) {
    return naam == null ? null : naam.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
