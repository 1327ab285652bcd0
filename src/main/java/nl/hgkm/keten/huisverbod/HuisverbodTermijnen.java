package nl.hgkm.keten.huisverbod;

import nl.hgkm.keten.engine.ProcesBean;
import org.springframework.stereotype.Component;

/** Due times of the huisverbod models: {@code camunda:dueDate="${huisverbodTermijnen.besluit}"} (ISO-8601). */
@Component("huisverbodTermijnen")
@ProcesBean
public class HuisverbodTermijnen {

  private final HuisverbodProperties properties;

  public HuisverbodTermijnen(HuisverbodProperties properties) {
    this.properties = properties;
  }

  public String getBesluit() {
    return properties.besluit().toString();
  }

  public String getOverleg() {
    return properties.overleg().toString();
  }
}
