package nl.hgkm.keten.notificatie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;
import nl.hgkm.keten.support.KetenIntegratieTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A mail goes out once per message id, whatever happens to the step that sends it: the step's transaction rolled back
 * after the send (as when its job loses an optimistic-locking conflict with a parallel branch and runs again), a second
 * run while the first is still sending, a node that crashed mid-send, and a mail server that is down for a while.
 */
@KetenIntegratieTest
class MailerIT {

  @Autowired Mailer mailer;
  @Autowired GreenMail smtp;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactionManager;

  @Test
  void eenStapDieNaHetVersturenMisluktEnOpnieuwLooptVerstuurtDeMailEenKeer() {
    Mail mail = mail();
    TransactionTemplate stap = new TransactionTemplate(transactionManager);

    assertThatThrownBy(() -> stap.executeWithoutResult(status -> {
      mailer.verstuur(mail);
      throw new IllegalStateException("optimistic locking: de stap wordt teruggedraaid");
    })).hasMessageContaining("optimistic locking");
    stap.executeWithoutResult(status -> mailer.verstuur(mail));

    assertThat(ontvangen(mail)).isEqualTo(1);
    assertThat(status(mail)).isEqualTo("VERZONDEN");
  }

  @Test
  void eenTweedeUitvoeringTerwijlDeEersteNogVerstuurtWachtEnVerstuurtNiets() {
    Mail mail = mail();
    claimDoorAndereNode(mail, OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(10));

    assertThatThrownBy(() -> mailer.verstuur(mail))
        .isInstanceOf(Mailer.MailNietVerstuurdException.class)
        .hasMessageContaining("wordt op dit moment al verstuurd");
    assertThat(ontvangen(mail)).isZero();
    assertThat(status(mail)).isEqualTo("BEZIG");
  }

  @Test
  void eenClaimVanEenGecrashteNodeWordtNaDeLeaseOvergenomen() {
    Mail mail = mail();
    claimDoorAndereNode(mail, OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(6));

    mailer.verstuur(mail);

    assertThat(ontvangen(mail)).isEqualTo(1);
    assertThat(status(mail)).isEqualTo("VERZONDEN");
  }

  @Test
  void eenOnbereikbareMailserverLaatGeenClaimAchterZodatDeRetryVerstuurt() {
    Mail mail = mail();
    smtp.stop();
    try {
      assertThatThrownBy(() -> mailer.verstuur(mail)).isInstanceOf(Mailer.MailNietVerstuurdException.class)
          .hasMessageContaining("kon niet worden verstuurd");
      assertThat(jdbc.sql("select count(*) from verzonden_mail where bericht_id = :id")
          .param("id", mail.berichtId()).query(Integer.class).single()).isZero();
    } finally {
      smtp.start();
    }

    mailer.verstuur(mail);

    assertThat(ontvangen(mail)).isEqualTo(1);
    assertThat(status(mail)).isEqualTo("VERZONDEN");
  }

  private static Mail mail() {
    return new Mail("teamleiders@vt-utrecht.example", "Termijn verstreken", "Zie Tasklist.",
        "VT-TEST." + UUID.randomUUID());
  }

  private void claimDoorAndereNode(Mail mail, OffsetDateTime op) {
    jdbc.sql("""
            insert into verzonden_mail (bericht_id, status, geclaimd_op, geclaimd_door)
            values (:id, 'BEZIG', :op, 'node-2-dood')""")
        .param("id", mail.berichtId()).param("op", op).update();
  }

  private String status(Mail mail) {
    return jdbc.sql("select status from verzonden_mail where bericht_id = :id")
        .param("id", mail.berichtId()).query(String.class).single();
  }

  private long ontvangen(Mail mail) {
    return Arrays.stream(smtp.getReceivedMessages()).filter(m -> messageId(m).contains(mail.berichtId())).count();
  }

  private static String messageId(MimeMessage bericht) {
    try {
      return String.valueOf(bericht.getMessageID());
    } catch (MessagingException fout) {
      throw new IllegalStateException(fout);
    }
  }
}
