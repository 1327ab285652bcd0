package nl.hgkm.keten.monitoring;

import java.time.Period;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Parameters of process {@code monitoring} (domain §4: the monitoring moments are a parameter). How often and how long
 * a household is monitored is not here: decision {@code monitoring-plan} owns that, so that the process owner changes
 * it in one table.
 *
 * @param uiterlijkNa     how long after its moment a check-in may take before it is late and escalates to the team
 *                        leader (calendar days; default 10 days); the task's due date is the end of that last day
 * @param lokaalTeamEmail per Veilig Thuis region (key of {@code keten.regios}), the mailbox of the lokale teams that
 *                        hear that a monitored case they took over is closed; optional per region
 */
@ConfigurationProperties("keten.monitoring")
public record MonitoringProperties(Period uiterlijkNa, Map<String, String> lokaalTeamEmail) {

  public MonitoringProperties {
    uiterlijkNa = uiterlijkNa == null ? Period.ofDays(10) : uiterlijkNa;
    lokaalTeamEmail = lokaalTeamEmail == null ? Map.of() : Map.copyOf(lokaalTeamEmail);
  }

  public Optional<String> lokaalTeamEmail(String regio) {
    return Optional.ofNullable(regio == null ? null : lokaalTeamEmail.get(regio)).filter(adres -> !adres.isBlank());
  }
}
