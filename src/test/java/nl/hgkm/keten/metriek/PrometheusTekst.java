package nl.hgkm.keten.metriek;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The samples of a scrape in the Prometheus text format (0.0.4): {@code naam{label="waarde",...} 3.0}. Comments
 * ({@code # HELP}, {@code # TYPE}) are skipped; label values are unescaped ({@code \\}, {@code \"}, {@code \n}).
 */
final class PrometheusTekst {

  /** One series: name and labels (sorted, so equal series compare equal). */
  record Reeks(String naam, Map<String, String> labels) {
    Reeks {
      labels = new TreeMap<>(labels);
    }
  }

  private final Map<Reeks, Double> waarden;

  private PrometheusTekst(Map<Reeks, Double> waarden) {
    this.waarden = waarden;
  }

  static PrometheusTekst lees(String tekst) {
    Map<Reeks, Double> waarden = new HashMap<>();
    for (String regel : tekst.split("\n")) {
      if (regel.isBlank() || regel.startsWith("#")) {
        continue;
      }
      int i = 0;
      while (i < regel.length() && regel.charAt(i) != '{' && regel.charAt(i) != ' ') {
        i++;
      }
      String naam = regel.substring(0, i);
      Map<String, String> labels = new TreeMap<>();
      if (i < regel.length() && regel.charAt(i) == '{') {
        i++;
        while (regel.charAt(i) != '}') {
          int is = regel.indexOf('=', i);
          String label = regel.substring(i, is).trim();
          i = is + 2; // past ="
          StringBuilder waarde = new StringBuilder();
          while (regel.charAt(i) != '"') {
            char c = regel.charAt(i);
            if (c == '\\') {
              char volgende = regel.charAt(++i);
              waarde.append(volgende == 'n' ? '\n' : volgende);
            } else {
              waarde.append(c);
            }
            i++;
          }
          labels.put(label, waarde.toString());
          i++; // past the closing quote
          if (regel.charAt(i) == ',') {
            i++;
          }
        }
        i++; // past }
      }
      String[] rest = regel.substring(i).trim().split(" ");
      waarden.put(new Reeks(naam, labels), Double.parseDouble(rest[0].replace("Inf", "Infinity")));
    }
    return new PrometheusTekst(waarden);
  }

  /** The value of the series with exactly these labels ({@code "naam", "waarde", ...}); 0 when absent. */
  double waarde(String naam, String... labelsEnWaarden) {
    return waarden.getOrDefault(reeks(naam, labelsEnWaarden), 0.0);
  }

  boolean bevat(String naam, String... labelsEnWaarden) {
    return waarden.containsKey(reeks(naam, labelsEnWaarden));
  }

  private static Reeks reeks(String naam, String... labelsEnWaarden) {
    Map<String, String> labels = new TreeMap<>();
    for (int i = 0; i < labelsEnWaarden.length; i += 2) {
      labels.put(labelsEnWaarden[i], labelsEnWaarden[i + 1]);
    }
    return new Reeks(naam, labels);
  }

  @Override
  public String toString() {
    return waarden.toString();
  }
}
