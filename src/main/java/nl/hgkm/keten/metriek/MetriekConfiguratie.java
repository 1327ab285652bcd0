package nl.hgkm.keten.metriek;

import nl.hgkm.keten.integratie.IntegratieProperties;
import nl.hgkm.keten.kalender.Klok;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import nl.hgkm.keten.integratie.register.RegisterProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.context.annotation.Configuration;

/**
 * The health of the outside systems ({@code politiesysteem}, {@code zorgsysteem}; group {@code buitensystemen}) and how
 * often the engine writes its counters. The rest of this package consists of components.
 */
@Configuration
class MetriekConfiguratie {

  @Bean
  Bereikbaarheid politiesysteemHealthIndicator(IntegratieProperties integratie, MetriekProperties properties,
      Klok klok) {
    return new Bereikbaarheid("Politiesysteem", integratie.politie(), properties, klok);
  }

  @Bean
  Bereikbaarheid zorgsysteemHealthIndicator(IntegratieProperties integratie, MetriekProperties properties,
      Klok klok) {
    return new Bereikbaarheid("Zorgsysteem", integratie.zorg(), properties, klok);
  }

  @Bean
  Bereikbaarheid registersysteemHealthIndicator(RegisterProperties register, MetriekProperties properties,
      Klok klok) {
    return new Bereikbaarheid("Veilig Thuis-register", register.register(), properties, klok);
  }

  @Bean
  MailBereikbaarheid mailserverHealthIndicator(JavaMailSenderImpl mail, MetriekProperties properties, Klok klok) {
    return new MailBereikbaarheid(mail, properties, klok);
  }

  @Bean
  AbstractCamundaConfiguration ketenCamundaRapportage(MetriekProperties properties) {
    return EngineStand.rapportageInterval(properties.camundaRapportage());
  }
}
