package nl.hgkm.keten.notificatie;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * DEMO ONLY: a real local SMTP server (GreenMail) that receives every mail the application sends, so that
 * {@code ./mvnw spring-boot:run} needs no mail server. Mails are kept in memory and listed at
 * {@code /api/demo/mail} for users of group camunda-admin. The {@code prod} profile requires real mail settings.
 */
@Configuration
@Profile("demo")
class DemoSmtpServer {

  @Bean(initMethod = "start", destroyMethod = "stop")
  GreenMail demoSmtp(@Value("${keten.demo.smtp-poort:3025}") int poort) {
    return new GreenMail(new ServerSetup(poort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
  }
}
