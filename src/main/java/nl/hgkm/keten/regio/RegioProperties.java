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
   * @param intakeEmail     the intake (meldpunt) mailbox, which hears of huisverboden in the region (Wth art. 2(8));
   *                        optional, the team leaders' mailbox when not set
   */
  public record Regio(String naam, String teamleiderEmail, String intakeEmail) {

    /** Where Veilig Thuis takes in news about a case of the region: the intake, else the team leaders. */
    public String intakeOfTeamleiderEmail() {
      return intakeEmail != null && !intakeEmail.isBlank() ? intakeEmail : teamleiderEmail;
    }
  }

  public boolean bestaat(String code) {
    return code != null && regios.containsKey(code);
  }
}
