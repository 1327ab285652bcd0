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
 *
 * <p>Once per message id: the {@link MailJournaal} records each message the SMTP server accepted, so a step that runs
 * again after a failure later in its transaction (or on a second node) does not send the same mail twice. The one
 * window left is a node crash between the SMTP server's acceptance and the journal's record: then the mail goes out
 * again after the claim's lease. A duplicate mail in that rare case, never a lost one.
 */
@Component
public class Mailer {

  private static final Logger LOG = LoggerFactory.getLogger(Mailer.class);

  private final JavaMailSender sender;
  private final MailProperties properties;
  private final MailJournaal journaal;

  public Mailer(JavaMailSender sender, MailProperties properties, MailJournaal journaal) {
    this.sender = sender;
    this.properties = properties;
    this.journaal = journaal;
  }

  public void verstuur(Mail mail) {
    switch (journaal.claim(mail.berichtId())) {
      case AL_VERZONDEN -> LOG.info("Mail {} was al verstuurd; niet opnieuw", mail.berichtId());
      case BEZIG_ELDERS -> throw new MailNietVerstuurdException("Mail " + mail.berichtId()
          + " wordt op dit moment al verstuurd door een andere uitvoering van deze stap; later opnieuw", null);
      case GECLAIMD -> {
        try {
          verstuurNu(mail);
        } catch (RuntimeException fout) {
          journaal.vrijgeven(mail.berichtId());
          throw fout;
        }
        journaal.verzonden(mail.berichtId());
      }
    }
  }

  private void verstuurNu(Mail mail) {
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
