package nl.hgkm.keten.integratie.politie;

import java.util.List;
import nl.hgkm.keten.demo.DemoPoort;
import nl.hgkm.keten.integratie.DemoSimulator;

/**
 * <b>DEMO ONLY.</b> A stand-in police system on localhost (default port 8091) that accepts the resources of
 * {@link PolitieHttpAdapter}; see {@link DemoSimulator} for what it checks and what it does not. Started by
 * {@code DemoSimulatoren} in the {@code demo} profile only.
 */
public class PolitieSimulator extends DemoSimulator {

  private static final String ZAAK = "/api/v1/huisverboden/[^/]+";

  public PolitieSimulator(int poort, String gebruiker, String wachtwoord) {
    super("Politiesysteem (demo-simulator)", DemoPoort.POLITIE, poort, gebruiker, wachtwoord, List.of(
        Route.post("HUISVERBOD", "/api/v1/huisverboden", "POL-HV",
            "zaaknummer", "gemeente", "woning", "uithuisgeplaatste", "opgelegdOp", "eindigtOp", "opgelegdDoor"),
        Route.post("UITREIKING", ZAAK + "/uitreikingen", "UITR", "documentId", "inhoud"),
        Route.post("VERLENGING", ZAAK + "/verlengingen", "VERL", "eindigtOp"),
        Route.post("OVERTREDING", ZAAK + "/overtredingen", "PV", "overtredingOp", "omschrijving"),
        Route.post("BEEINDIGING", ZAAK + "/beeindigingen", "BEEI", "beeindigdOp", "reden")));
  }
}
