package nl.hgkm.keten.demo;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * <b>DEMO ONLY.</b> {@value DemoPoort#VERSCHUIVING}: adds one number to every demo port ({@link DemoPoort}), after the
 * configuration files and the command line are read and before anything binds them, so that whatever refers to a
 * port by its setting follows: the simulators, the adapters' base URLs of application-demo.yaml
 * ({@code http://localhost:${keten.demo.politie-poort}}) and the mail client's port. A port set to 0 (any free
 * port) stays 0. Registered in META-INF/spring.factories.
 */
public class DemoPoortVerschuiving implements EnvironmentPostProcessor, Ordered {

  static final String BRON = "demo-poort-verschuiving";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    int verschuiving = environment.getProperty(DemoPoort.VERSCHUIVING, Integer.class, 0);
    if (verschuiving == 0) {
      return;
    }
    Map<String, Object> verschoven = new LinkedHashMap<>();
    for (DemoPoort poort : DemoPoort.values()) {
      int ingesteld = environment.getProperty(poort.instelling(), Integer.class, poort.standaard());
      if (ingesteld != 0) {
        verschoven.put(poort.instelling(), ingesteld + verschuiving);
      }
    }
    environment.getPropertySources().addFirst(new MapPropertySource(BRON, verschoven));
  }

  @Override
  public int getOrder() {
    return ConfigDataEnvironmentPostProcessor.ORDER + 1;
  }
}
