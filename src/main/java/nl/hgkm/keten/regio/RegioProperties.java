package nl.hgkm.keten.regio;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The mailboxes of the Veilig Thuis regions and the mayors' offices. Which regions and municipalities exist comes from
 * the reference data ({@link Regios}, {@link nl.hgkm.keten.gemeente.Gemeenten}); this is only where mail goes. A
 * region or municipality without its own entry gets the pattern's address, {@code {regio}} or {@code {gemeente}}
 * replaced by its slug (demo: {@code teamleiders@vt-{regio}.example}); without a pattern it has no mailbox, and a
 * step that must mail it stops with an incident.
 *
 * @param regios       per region slug: its mailboxes (and optionally the organisation's name in letters)
 * @param postbussen   the patterns for regions and mayors without an entry
 * @param burgemeesters per CBS gemeentecode or slug: the mayor's office mailbox for huisverboden
 */
@ConfigurationProperties("keten")
public record RegioProperties(Map<String, Regio> regios, Postbussen postbussen, Map<String, String> burgemeesters) {

  public RegioProperties {
    regios = regios == null ? Map.of() : Map.copyOf(regios);
    postbussen = postbussen == null ? new Postbussen(null, null, null) : postbussen;
    burgemeesters = burgemeesters == null ? Map.of() : Map.copyOf(burgemeesters);
  }

  /**
   * @param naam            the organisation's name in letters and mails; optional, "Veilig Thuis" and the region's name
   * @param teamleiderEmail the team leaders' mailbox, which receives escalations of statutory terms
   * @param intakeEmail     the intake (meldpunt) mailbox, which hears of huisverboden in the region (Wth art. 2(8));
   *                        optional, the team leaders' mailbox when not set
   */
  public record Regio(String naam, String teamleiderEmail, String intakeEmail) {}

  /**
   * @param teamleider   pattern of a region's team leaders' mailbox, with {@code {regio}}
   * @param intake       pattern of a region's intake mailbox, with {@code {regio}}
   * @param burgemeester pattern of a mayor's office mailbox for huisverboden, with {@code {gemeente}}
   */
  public record Postbussen(String teamleider, String intake, String burgemeester) {}
}
