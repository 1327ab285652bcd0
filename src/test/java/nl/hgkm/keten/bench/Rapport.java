package nl.hgkm.keten.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the benchmark found: Markdown ({@code rapport.md}) for people, one CSV ({@code resultaten.csv}) with one figure
 * per row for tools, both written again after every part so that an aborted run still leaves what it measured.
 */
final class Rapport {

  private final Path map;
  private final StringBuilder md = new StringBuilder();
  private final List<String> csv = new ArrayList<>();

  Rapport(Path map) {
    this.map = map;
    csv.add("meting,database,grootheid,waarde,eenheid,doel,gehaald");
  }

  Rapport tekst(String regel) {
    md.append(regel).append('\n');
    return this;
  }

  Rapport kop(String kop) {
    return tekst("").tekst("## " + kop).tekst("");
  }

  /** A figure: in the CSV always, in the Markdown through the tables the caller writes. */
  void cijfer(String meting, String database, String grootheid, double waarde, String eenheid, String doel,
      Boolean gehaald) {
    csv.add(String.join(",", meting, database, grootheid, getal(waarde), eenheid, doel == null ? "" : doel,
        gehaald == null ? "" : gehaald.toString()));
  }

  /** The CSV rows gathered so far, for a report that is written anew. */
  void kopieerCijfersNaar(Rapport ander) {
    ander.csv.clear();
    ander.csv.addAll(csv);
  }

  static String getal(double waarde) {
    if (Double.isNaN(waarde)) {
      return "";
    }
    if (Math.abs(waarde) >= 100) {
      return String.format(Locale.ROOT, "%.0f", waarde);
    }
    return String.format(Locale.ROOT, Math.abs(waarde) >= 10 ? "%.1f" : "%.2f", waarde);
  }

  void schrijf() {
    try {
      Files.createDirectories(map);
      Files.writeString(map.resolve("rapport.md"), md.toString(), StandardCharsets.UTF_8);
      Files.write(map.resolve("resultaten.csv"), csv, StandardCharsets.UTF_8);
    } catch (IOException fout) {
      throw new IllegalStateException(fout);
    }
  }
}
