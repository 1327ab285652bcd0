package nl.hgkm.keten.regio;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The Veilig Thuis regions this installation serves (demo: amsterdam-amstelland, utrecht). */
@ConfigurationProperties("keten")
public record RegioProperties(Map<String, Regio> regios) {

  public RegioProperties {
    regios = regios == null ? Map.of() : Map.copyOf(regios);
  }

  /**
   * @param naam            the organisation's name, used in letters and mails
   * @param teamleiderEmail the team leaders' mailbox, which receives escalations of statutory terms
   */
  public record Regio(String naam, String teamleiderEmail) {}

  public boolean bestaat(String code) {
    return code != null && regios.containsKey(code);
  }
}
