package nl.hgkm.keten.engine;

import java.util.Collection;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Turns the list a COLLECT decision returns into plain text for a process variable:
 * {@code ${lijst.tekst(decisionResult.collectEntries('grond'))}} gives {@code "directLevensgevaar, mensenhandel"}.
 * Lists would otherwise be stored as serialized Java objects, unreadable in Tasklist, Cockpit and the REST API.
 */
@Component("lijst")
@ProcesBean
public class LijstExpressies {

  public String tekst(Collection<?> waarden) {
    return waarden == null ? "" : waarden.stream().map(String::valueOf).collect(Collectors.joining(", "));
  }
}
