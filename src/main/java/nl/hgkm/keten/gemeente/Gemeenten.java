package nl.hgkm.keten.gemeente;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import nl.hgkm.keten.kalender.Klok;
import nl.hgkm.keten.kalender.Werkdagenkalender;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every Dutch municipality, from the reference data tables (V60/V61 and later merger migrations): by CBS code, slug
 * or a usual spelling, for a given day. A municipality that merged into another answers as its successor from the
 * merger's date, so that its cases move to the successor's region on that day and not before. Read once and kept:
 * the tables change only with a migration, that is with a new release.
 */
@Component
public class Gemeenten {

  private static final Pattern CODE = Pattern.compile("(?i)GM\\d{4}");
  private static final int MAXIMAAL_SUGGESTIES = 5;

  private final JdbcClient jdbc;
  private final Klok klok;
  private final Werkdagenkalender kalender;
  private volatile Stand stand;

  Gemeenten(JdbcClient jdbc, Klok klok, Werkdagenkalender kalender) {
    this.jdbc = jdbc;
    this.klok = klok;
    this.kalender = kalender;
  }

  /** The municipality a client means today: a CBS code ({@code GM0518}), its slug or a usual spelling. */
  public Optional<Gemeente> vind(String invoer) {
    return vind(invoer, vandaag());
  }

  /** As {@link #vind(String)}, on a given day; a merged municipality answers as its successor. */
  public Optional<Gemeente> vind(String invoer, LocalDate dag) {
    if (invoer == null || invoer.isBlank()) {
      return Optional.empty();
    }
    Stand s = stand();
    String tekst = invoer.trim();
    List<String> codes;
    if (CODE.matcher(tekst).matches()) {
      codes = List.of(tekst.toUpperCase(Locale.ROOT));
    } else {
      String slug = Spelling.slug(tekst);
      codes = s.codesPerSpelling.getOrDefault(slug, List.of());
    }
    // A slug can name two rows over time (a new municipality taking an old name): the one of that day first.
    return codes.stream()
        .map(code -> opDatum(code, dag))
        .flatMap(Optional::stream)
        .min(Comparator.comparing((Gemeente g) -> !g.geldigOp(dag)));
  }

  /** The municipality with this code on that day, following mergers; before the earliest row, the earliest row. */
  public Optional<Gemeente> opDatum(String code, LocalDate dag) {
    List<Gemeente> rijen = stand().rijenPerCode.get(code);
    if (rijen == null) {
      return Optional.empty();
    }
    for (Gemeente g : rijen) {
      if (g.geldigOp(dag)) {
        return Optional.of(g);
      }
    }
    Gemeente eerste = rijen.get(0);
    if (dag.isBefore(eerste.geldigVanaf())) {
      return Optional.of(eerste);
    }
    Gemeente laatste = rijen.get(rijen.size() - 1);
    if (laatste.opgegaanIn() != null && !laatste.opgegaanIn().equals(code)) {
      return opDatum(laatste.opgegaanIn(), dag);
    }
    return Optional.empty();
  }

  /** The Veilig Thuis region of a case in this municipality (code or name) on that day. */
  public Optional<String> regioOp(String gemeente, LocalDate dag) {
    return vind(gemeente, dag).map(Gemeente::regio);
  }

  /** Every municipality that exists on that day. */
  public List<Gemeente> alle(LocalDate dag) {
    return stand().rijenPerCode.values().stream().flatMap(List::stream).filter(g -> g.geldigOp(dag)).toList();
  }

  /**
   * Near matches of an unknown name, best first, as "slug (Naam, code)": a small edit distance or a common start,
   * at most five; none when nothing is near.
   */
  public List<String> bijna(String invoer) {
    if (invoer == null || invoer.isBlank()) {
      return List.of();
    }
    String slug = Spelling.slug(invoer);
    LocalDate vandaag = vandaag();
    int grens = Math.max(2, slug.length() / 4);
    Map<String, Double> score = new HashMap<>();
    stand().codesPerSpelling.forEach((spelling, codes) -> {
      double s = Spelling.afstand(slug, spelling);
      if (slug.length() >= 3 && (spelling.startsWith(slug) || slug.startsWith(spelling))) {
        s = Math.min(s, 0.5);
      }
      if (s <= grens) {
        for (String code : codes) {
          score.merge(code, s, Math::min);
        }
      }
    });
    return score.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
        .map(e -> opDatum(e.getKey(), vandaag))
        .flatMap(Optional::stream)
        .distinct()
        .limit(MAXIMAAL_SUGGESTIES)
        .map(g -> g.slug() + " (" + g.naam() + ", " + g.code() + ")")
        .toList();
  }

  /** Reads the tables again (tests that add a merger; the application itself changes them only by migration). */
  public void herlees() {
    stand = null;
  }

  private LocalDate vandaag() {
    return kalender.lokaleDatum(klok.nu());
  }

  private Stand stand() {
    Stand s = stand;
    if (s == null) {
      s = lees();
      stand = s;
    }
    return s;
  }

  private record Stand(Map<String, List<Gemeente>> rijenPerCode, Map<String, List<String>> codesPerSpelling) {}

  private Stand lees() {
    List<Gemeente> rijen = jdbc.sql("""
            select g.gemeentecode, g.naam, g.slug, g.regio, r.politie_eenheid, g.burgemeester, g.geldig_vanaf,
                   g.geldig_tot, g.opgegaan_in
            from gemeente g join vt_regio r on r.slug = g.regio
            order by g.gemeentecode, g.geldig_vanaf""")
        .query((rs, i) -> new Gemeente(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class),
            rs.getString(9)))
        .list();
    Map<String, List<Gemeente>> perCode = new LinkedHashMap<>();
    Map<String, List<String>> perSpelling = new HashMap<>();
    for (Gemeente g : rijen) {
      perCode.computeIfAbsent(g.code(), c -> new ArrayList<>()).add(g);
      voegToe(perSpelling, g.slug(), g.code());
    }
    jdbc.sql("select spelling, gemeentecode from gemeente_spelling")
        .query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2)))
        .list()
        .forEach(e -> voegToe(perSpelling, e.getKey(), e.getValue()));
    return new Stand(Map.copyOf(perCode), Map.copyOf(perSpelling));
  }

  private static void voegToe(Map<String, List<String>> perSpelling, String spelling, String code) {
    List<String> codes = perSpelling.computeIfAbsent(spelling, k -> new ArrayList<>());
    if (!codes.contains(code)) {
      codes.add(code);
    }
  }
}
