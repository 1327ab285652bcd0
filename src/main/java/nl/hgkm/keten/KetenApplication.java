package nl.hgkm.keten;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class KetenApplication {
  public static void main(String[] args) {
    SpringApplication.run(KetenApplication.class, args);
  }
}
