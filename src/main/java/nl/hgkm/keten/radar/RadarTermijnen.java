package nl.hgkm.keten.radar;

import nl.hgkm.keten.engine.ProcesBean;
import org.springframework.stereotype.Component;

/** The radar's parameters as the models read them: {@code camunda:dueDate="${radar.beoordelingstermijn}"}. */
@Component("radar")
@ProcesBean
public class RadarTermijnen {

  private final RadarProperties properties;

  public RadarTermijnen(RadarProperties properties) {
    this.properties = properties;
  }

  /** ISO-8601 period, resolved by the engine relative to the moment the task is created. */
  public String getBeoordelingstermijn() {
    return properties.beoordelingstermijn().toString();
  }
}
