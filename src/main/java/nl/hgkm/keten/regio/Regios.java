package nl.hgkm.keten.regio;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.hgkm.keten.gemeente.Gemeente;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The 25 Veilig Thuis regions from the reference data (table vt_regio), with the mailboxes of
 * {@link RegioProperties}. Read once: the table changes only with a migration.
 */
@Component
public class Regios {

  private final JdbcClient jdbc;
  private final RegioProperties properties;
  private volatile Map<String, Regio> regios;

  Regios(JdbcClient jdbc, RegioProperties properties) {
    this.jdbc = jdbc;
    this.properties = properties;
  }

  public boolean bestaat(String slug) {
    return slug != null && alle().containsKey(slug);
  }

  public Optional<Regio> regio(String slug) {
    return Optional.ofNullable(slug == null ? null : alle().get(slug));
  }

  /** Every region's slug, sorted. */
  public List<String> slugs() {
    return alle().keySet().stream().sorted().toList();
  }

  /** The mailbox of the mayor's office of a municipality for huisverboden; empty when none is configured. */
  public Optional<String> burgemeesterEmail(Gemeente gemeente) {
    String eigen = properties.burgemeesters().getOrDefault(gemeente.code(),
        properties.burgemeesters().get(gemeente.slug()));
    if (eigen != null) {
      return Optional.of(eigen);
    }
    return Optional.ofNullable(properties.postbussen().burgemeester())
        .map(patroon -> patroon.replace("{gemeente}", gemeente.slug()));
  }

  private Map<String, Regio> alle() {
    Map<String, Regio> r = regios;
    if (r == null) {
      r = jdbc.sql("select slug, naam, veiligheidsregio, politie_eenheid from vt_regio")
          .query((rs, i) -> regio(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
          .list().stream()
          .collect(Collectors.toUnmodifiableMap(Regio::slug, Function.identity()));
      regios = r;
    }
    return r;
  }

  private Regio regio(String slug, String naam, String veiligheidsregio, String politieEenheid) {
    RegioProperties.Regio eigen = properties.regios().get(slug);
    RegioProperties.Postbussen patronen = properties.postbussen();
    String teamleider = eigen != null && eigen.teamleiderEmail() != null ? eigen.teamleiderEmail()
        : patroon(patronen.teamleider(), slug);
    String intake = eigen != null && eigen.intakeEmail() != null ? eigen.intakeEmail()
        : patroon(patronen.intake(), slug);
    String organisatie = eigen != null && eigen.naam() != null ? eigen.naam() : naam;
    return new Regio(slug, organisatie, veiligheidsregio, politieEenheid, teamleider, intake);
  }

  private static String patroon(String patroon, String slug) {
    return patroon == null ? null : patroon.replace("{regio}", slug);
  }
}
