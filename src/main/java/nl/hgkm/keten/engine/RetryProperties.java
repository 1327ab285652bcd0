package nl.hgkm.keten.engine;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Named retry profiles per outside system, used in models as
 * {@code camunda:failedJobRetryTimeCycle="${retry.mail}"}; values are ISO-8601 repeating intervals.
 */
@ConfigurationProperties("keten")
public record RetryProperties(Map<String, String> retry) {
  public RetryProperties {
    retry = retry == null ? Map.of() : Map.copyOf(retry);
  }
}
