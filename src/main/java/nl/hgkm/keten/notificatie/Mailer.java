package nl.hgkm.keten.notificatie;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends mail through Spring Mail. Failures are thrown, never swallowed: called from an asynchronous step, they
 * become job retries and, after the last one, an incident.
 */
@Component
public class Mailer {

  private static final Logger LOG = LoggerFactory.getLogger(Mailer.class);

  private final JavaMailSender sender;
  private final MailProperties properties;

  public Mailer(JavaMailSender sender, MailProperties properties) {
    this.sender = sender;
    this.properties = properties;
  }

  public void verstuur(Mail mail) {
    try {
      MimeMessage bericht = new VasteMessageIdMimeMessage(null, "<" + mail.berichtId() + "@keten-hgkm>");
      bericht.setFrom(new InternetAddress(properties.afzender(), true));
      bericht.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(mail.aan(), true));
      bericht.setSubject(mail.onderwerp(), StandardCharsets.UTF_8.name());
      bericht.setText(mail.tekst(), StandardCharsets.UTF_8.name());
      sender.send(bericht);
      LOG.info("Mail {} verstuurd: {}", mail.berichtId(), mail.onderwerp());
    } catch (MessagingException fout) {
      throw new MailNietVerstuurdException("Mail " + mail.berichtId() + " is onjuist samengesteld", fout);
    } catch (MailException fout) {
      throw new MailNietVerstuurdException("Mail " + mail.berichtId() + " kon niet worden verstuurd", fout);
    }
  }

  /** Keeps our Message-ID; JavaMail would otherwise generate a fresh one on every send. */
  private static final class VasteMessageIdMimeMessage extends MimeMessage {
    private final String messageId;

    VasteMessageIdMimeMessage(Session sessie, String messageId) {
      super(sessie);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }

  public static class MailNietVerstuurdException extends RuntimeException {
    public MailNietVerstuurdException(String bericht, Throwable oorzaak) {
      super(bericht, oorzaak);
    }
  }
}
