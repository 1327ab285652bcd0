package nl.hgkm.keten.integratie;

import nl.hgkm.keten.integratie.politie.PolitieSimulator;
import nl.hgkm.keten.integratie.register.RegisterProperties;
import nl.hgkm.keten.integratie.register.RegisterSimulator;
import nl.hgkm.keten.integratie.zorg.ZorgSimulator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * <b>DEMO ONLY:</b> starts the police, care and Veilig Thuis-register simulators as real local HTTP servers with the
 * application and stops them with it, so that {@code ./mvnw spring-boot:run} needs nothing else. Ports
 * {@code keten.demo.politie-poort} (8091), {@code keten.demo.zorg-poort} (8092) and {@code keten.demo.register-poort}
 * (8093), all moved at once by {@code keten.demo.poort-verschuiving} ({@link nl.hgkm.keten.demo.DemoPoort}); a taken
 * port stops the start with one sentence naming its setting. They accept the credentials configured for the adapters
 * ({@code keten.integratie.*.gebruiker/wachtwoord}). Off with {@code keten.demo.simulatoren=false} (the tests do
 * this and use WireMock instead). Outside the {@code demo} profile they never start.
 */
@Configuration
@Profile("demo")
@ConditionalOnProperty(name = "keten.demo.simulatoren", havingValue = "true", matchIfMissing = true)
public class DemoSimulatoren {

  @Bean(initMethod = "start", destroyMethod = "stop")
  PolitieSimulator politieSimulator(@Value("${keten.demo.politie-poort:8091}") int poort,
      IntegratieProperties properties) {
    return new PolitieSimulator(poort, properties.politie().gebruiker(), properties.politie().wachtwoord());
  }

  @Bean(initMethod = "start", destroyMethod = "stop")
  ZorgSimulator zorgSimulator(@Value("${keten.demo.zorg-poort:8092}") int poort, IntegratieProperties properties) {
    return new ZorgSimulator(poort, properties.zorg().gebruiker(), properties.zorg().wachtwoord());
  }

  @Bean(initMethod = "start", destroyMethod = "stop")
  RegisterSimulator registerSimulator(@Value("${keten.demo.register-poort:8093}") int poort,
      RegisterProperties properties) {
    return new RegisterSimulator(poort, properties.register().gebruiker(), properties.register().wachtwoord());
  }
}
