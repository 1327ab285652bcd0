package nl.hgkm.keten.integratie.zorg;

import java.util.List;
import nl.hgkm.keten.demo.DemoPoort;
import nl.hgkm.keten.integratie.DemoSimulator;

/**
 * <b>DEMO ONLY.</b> A stand-in care system on localhost (default port 8092) that accepts the resources of
 * {@link ZorgHttpAdapter}; see {@link DemoSimulator} for what it checks and what it does not. Started by
 * {@code DemoSimulatoren} in the {@code demo} profile only.
 */
public class ZorgSimulator extends DemoSimulator {

  public ZorgSimulator(int poort, String gebruiker, String wachtwoord) {
    super("Zorgsysteem (demo-simulator)", DemoPoort.ZORG, poort, gebruiker, wachtwoord, List.of(
        Route.post("VERWIJZING", "/api/v1/verwijzingen", "VW",
            "zaaknummer", "gemeente", "personen", "huisverbodEindigtOp"),
        Route.post("BEEINDIGING", "/api/v1/verwijzingen/[^/]+/beeindiging", "VWB",
            "zaaknummer", "beeindigdOp", "reden")));
  }
}
