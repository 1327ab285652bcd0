package nl.hgkm.keten.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Free ports for the test peers (SMTP, police, care, Veilig Thuis-register), chosen once per test JVM, so that
 * several builds on one machine (CI, a developer's second checkout) never fight over fixed ports. Registered as a Spring test context
 * customizer in {@code META-INF/spring.factories}: every test context points mail and the adapters at these ports.
 */
public final class TestPoorten implements ContextCustomizerFactory {

  public static final int SMTP = vrijePoort();
  public static final int POLITIE = vrijePoort();
  public static final int ZORG = vrijePoort();
  public static final int REGISTER = vrijePoort();

  private static int vrijePoort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException fout) {
      throw new UncheckedIOException(fout);
    }
  }

  @Override
  public ContextCustomizer createContextCustomizer(Class<?> testClass,
      List<ContextConfigurationAttributes> configAttributes) {
    return new Aanpassing();
  }

  private static final class Aanpassing implements ContextCustomizer {
    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
      context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testpoorten", Map.of(
          "spring.mail.port", SMTP,
          "keten.demo.smtp-poort", SMTP,
          "keten.integratie.politie.basis-url", "http://localhost:" + POLITIE,
          "keten.integratie.zorg.basis-url", "http://localhost:" + ZORG,
          "keten.integratie.register.basis-url", "http://localhost:" + REGISTER)));
    }

    @Override
    public boolean equals(Object ander) {
      return ander instanceof Aanpassing;
    }

    @Override
    public int hashCode() {
      return Aanpassing.class.hashCode();
    }
  }
}
