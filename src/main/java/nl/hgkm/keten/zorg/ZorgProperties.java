package nl.hgkm.keten.zorg;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param instelling the care agency that confirms an accepted care offer (Wth art. 2(9)) */
@ConfigurationProperties("keten.zorg")
public record ZorgProperties(String instelling) {
  public ZorgProperties {
    instelling = instelling == null ? "Lokaal team" : instelling;
  }
}
