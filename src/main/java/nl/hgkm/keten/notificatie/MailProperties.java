package nl.hgkm.keten.notificatie;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param afzender  the From address of every mail the chain sends
 * @param claimDuur how long a node's claim on a message (it is sending it) keeps other runs of the same step from
 *                  sending it too; after that the claim counts as left by a crashed node and is taken over. Longer
 *                  than one SMTP exchange at its time-outs (spring.mail.properties.mail.smtp.*timeout); default 5
 *                  minutes, as the job lock time.
 */
@ConfigurationProperties("keten.mail")
public record MailProperties(String afzender, Duration claimDuur) {
  public MailProperties {
    afzender = afzender == null ? "Veilig Thuis <noreply@veiligthuis.example>" : afzender;
    claimDuur = claimDuur == null ? MailJournaal.standaardClaimDuur() : claimDuur;
  }
}
