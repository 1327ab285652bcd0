package nl.hgkm.keten.demo;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Prints a taken demo port as Spring Boot's short "APPLICATION FAILED TO START" report: the sentence of
 * {@link DemoPoortBezetException} and how to start a second demo instance, instead of a BindException's stack trace
 * deep inside bean creation. Registered in META-INF/spring.factories.
 */
public class DemoPoortBezetAnalyse extends AbstractFailureAnalyzer<DemoPoortBezetException> {

  static final String TWEEDE_INSTANTIE = "Een tweede demo-instantie naast de eerste / a second demo instance beside "
      + "the first (README, 'A second demo instance'):\n"
      + "  java -jar target/keten-hgkm-*.jar --server.port=8081 --" + DemoPoort.VERSCHUIVING + "=100 "
      + "--spring.datasource.url=jdbc:h2:file:./data/keten-8081";

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, DemoPoortBezetException oorzaak) {
    return new FailureAnalysis(oorzaak.getMessage(), TWEEDE_INSTANTIE, oorzaak);
  }
}
