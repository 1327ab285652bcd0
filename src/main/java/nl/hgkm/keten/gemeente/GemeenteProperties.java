package nl.hgkm.keten.gemeente;

import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The municipalities this installation serves (demo: amsterdam, amstelveen, utrecht, nieuwegein), keyed by a code
 * that clients send ({@code gemeente} in {@code POST /api/huisverboden}). The burgemeester of the municipality where
 * the home lies decides on a tijdelijk huisverbod (Wth art. 2(1)).
 */
@ConfigurationProperties("keten")
public record GemeenteProperties(Map<String, Gemeente> gemeenten) {

  public GemeenteProperties {
    gemeenten = gemeenten == null ? Map.of() : Map.copyOf(gemeenten);
  }

  /**
   * @param naam              the municipality's name as letters and beschikkingen write it ("Amsterdam")
   * @param burgemeesterEmail the mailbox of the burgemeester's office for huisverboden (informed without delay after
   *                          an order under mandate, Wth art. 3(2); told when an order ends)
   * @param regio             the Veilig Thuis region (key of {@code keten.regios}) the municipality belongs to;
   *                          when set, a proposal naming another region is refused
   */
  public record Gemeente(String naam, String burgemeesterEmail, String regio) {}

  public boolean bestaat(String code) {
    return code != null && gemeenten.containsKey(code);
  }

  public Optional<Gemeente> gemeente(String code) {
    return Optional.ofNullable(code == null ? null : gemeenten.get(code));
  }
}
