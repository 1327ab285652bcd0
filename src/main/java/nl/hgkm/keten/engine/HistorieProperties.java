package nl.hgkm.keten.engine;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param nietBewaren per process key, the variables whose values never go into the engine history (personal data
 *                    that a start form passes on to the case file)
 */
@ConfigurationProperties("keten.historie")
public record HistorieProperties(Map<String, List<String>> nietBewaren) {
  public HistorieProperties {
    nietBewaren = nietBewaren == null ? Map.of() : Map.copyOf(nietBewaren);
  }
}
