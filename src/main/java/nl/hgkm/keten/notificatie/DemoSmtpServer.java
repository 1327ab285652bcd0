package nl.hgkm.keten.notificatie;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import nl.hgkm.keten.demo.DemoPoort;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * DEMO ONLY: a real local SMTP server (GreenMail) that receives every mail the application sends, so that
 * {@code ./mvnw spring-boot:run} needs no mail server. Mails are kept in memory and listed at
 * {@code /api/demo/mail} for users of group camunda-admin. The {@code prod} profile requires real mail settings.
 * Port {@code keten.demo.smtp-poort} (3025), moved with the other demo ports by {@code keten.demo.poort-verschuiving};
 * the demo profile points the mail client at it.
 */
@Configuration
@Profile("demo")
class DemoSmtpServer {

  @Bean(initMethod = "start", destroyMethod = "stop")
  GreenMail demoSmtp(@Value("${keten.demo.smtp-poort:3025}") int poort) {
    // GreenMail binds in a thread of its own and reports a taken port only as a start-up time-out: look first.
    DemoPoort.SMTP.controleerVrij(poort);
    return new GreenMail(new ServerSetup(poort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
  }
}
