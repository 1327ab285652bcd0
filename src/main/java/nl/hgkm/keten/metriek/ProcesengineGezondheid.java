package nl.hgkm.keten.metriek;

import nl.hgkm.keten.metriek.EngineStand.EngineInfo;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Health {@code procesengine}: the engine answers a query on its own tables and has models deployed. Without
 * deployments nothing can start (a database emptied or a deployment that failed): DOWN.
 */
@Component("procesengineHealthIndicator")
class ProcesengineGezondheid extends AbstractHealthIndicator {

  private final EngineStand engineStand;

  ProcesengineGezondheid(EngineStand engineStand) {
    super("De procesengine geeft geen antwoord");
    this.engineStand = engineStand;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    EngineInfo info = engineStand.engineInfo();
    builder.withDetail("naam", info.naam())
        .withDetail("deployments", info.deployments())
        .withDetail("procesdefinities", info.procesdefinities());
    if (info.deployments() == 0 || info.procesdefinities() == 0) {
      builder.down().withDetail("toelichting", "Geen processen gedeployed: er kan geen zaak starten.");
    } else {
      builder.up();
    }
  }
}
