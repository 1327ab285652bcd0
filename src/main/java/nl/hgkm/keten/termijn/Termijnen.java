package nl.hgkm.keten.termijn;

import nl.hgkm.keten.engine.ProcesBean;
import org.springframework.stereotype.Component;

/**
 * The configured terms as the models read them: {@code camunda:dueDate="${termijnen.directeVeiligheid}"}. Values are
 * ISO-8601 durations, which the engine resolves relative to the moment a task is created.
 */
@Component("termijnen")
@ProcesBean
public class Termijnen {

  private final TermijnProperties properties;

  public Termijnen(TermijnProperties properties) {
    this.properties = properties;
  }

  public String getDirecteVeiligheid() {
    return properties.directeVeiligheid().toString();
  }

  public String getVervolgmeldingWegen() {
    return properties.vervolgmeldingWegen().toString();
  }

  public String getOverdracht() {
    return properties.overdracht().toString();
  }

  public String getEscalatie() {
    return properties.escalatie().toString();
  }
}
