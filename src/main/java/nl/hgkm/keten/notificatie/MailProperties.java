package nl.hgkm.keten.notificatie;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param afzender the From address of every mail the chain sends */
@ConfigurationProperties("keten.mail")
public record MailProperties(String afzender) {
  public MailProperties {
    afzender = afzender == null ? "Veilig Thuis <noreply@veiligthuis.example>" : afzender;
  }
}
