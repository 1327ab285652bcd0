package nl.hgkm.keten.support;

import java.util.Map;

/**
 * The police and care systems and the national Veilig Thuis-register in tests: WireMock servers on the free ports
 * of {@link TestPoorten}, which every test context points the adapters to, started lazily once per JVM and shared by
 * every test class (stopped at JVM exit).
 * By default they answer like the real systems ({@code 201 {"id": ...}}, see the id constants). Use:
 * <pre>
 * &#64;BeforeEach void buitensystemen() { Buitensystemen.reset(); }
 * ...
 * Buitensystemen.politie().plat();            // police down (503) until weerOp()
 * execute(job()) ... fails, retries count down
 * Buitensystemen.politie().weerOp();
 * assertThat(Buitensystemen.politie().geslaagd("/api/v1/huisverboden")).isEqualTo(1);
 * </pre>
 */
public final class Buitensystemen {

  public static final int POLITIE_POORT = TestPoorten.POLITIE;
  public static final int ZORG_POORT = TestPoorten.ZORG;
  public static final int REGISTER_POORT = TestPoorten.REGISTER;

  /** What the default stubs answer, by resource. */
  public static final String POLITIE_REGISTRATIE_ID = "POL-HV-2026-000001";
  public static final String POLITIE_UITREIKING_ID = "UITR-2026-000001";
  public static final String POLITIE_VERLENGING_ID = "VERL-2026-000001";
  public static final String POLITIE_OVERTREDING_ID = "PV-2026-000123";
  public static final String POLITIE_BEEINDIGING_ID = "BEEI-2026-000001";
  public static final String ZORG_VERWIJZING_ID = "VW-2026-000001";
  public static final String ZORG_BEEINDIGING_ID = "VWB-2026-000001";
  public static final String REGISTER_RAADPLEGING_ID = "RPL-2026-000001";
  public static final String REGISTER_BETROKKENHEID_ID = "BTK-2026-000001";
  public static final String REGISTER_RAADPLEGINGEN = "/api/v1/raadplegingen";
  public static final String REGISTER_BETROKKENHEDEN = "/api/v1/betrokkenheden";

  private static Buitensysteem politie;
  private static Buitensysteem zorg;
  private static Buitensysteem register;

  private Buitensystemen() {}

  /** The police system (credentials keten-test / test-politie, as in application-test.yaml). */
  public static synchronized Buitensysteem politie() {
    if (politie == null) {
      politie = Buitensysteem.start("Politiesysteem", POLITIE_POORT, "keten-test", "test-politie", Map.of(
          "/api/v1/huisverboden", POLITIE_REGISTRATIE_ID,
          "/api/v1/huisverboden/[^/]+/uitreikingen", POLITIE_UITREIKING_ID,
          "/api/v1/huisverboden/[^/]+/verlengingen", POLITIE_VERLENGING_ID,
          "/api/v1/huisverboden/[^/]+/overtredingen", POLITIE_OVERTREDING_ID,
          "/api/v1/huisverboden/[^/]+/beeindigingen", POLITIE_BEEINDIGING_ID));
    }
    return politie;
  }

  /** The care system (credentials keten-test / test-zorg). */
  public static synchronized Buitensysteem zorg() {
    if (zorg == null) {
      zorg = Buitensysteem.start("Zorgsysteem", ZORG_POORT, "keten-test", "test-zorg", Map.of(
          "/api/v1/verwijzingen", ZORG_VERWIJZING_ID,
          "/api/v1/verwijzingen/[^/]+/beeindiging", ZORG_BEEINDIGING_ID));
    }
    return zorg;
  }

  /**
   * The national Veilig Thuis-register (credentials keten-test / test-register). By default no other region knows
   * anyone (a lookup answers an empty list) and every registration is accepted.
   */
  public static synchronized Buitensysteem register() {
    if (register == null) {
      register = Buitensysteem.startMetAntwoorden("Veilig Thuis-register", REGISTER_POORT, "keten-test",
          "test-register", Map.of(
              REGISTER_RAADPLEGINGEN, new Buitensysteem.Standaard(201,
                  "{\"id\":\"" + REGISTER_RAADPLEGING_ID + "\",\"betrokkenheden\":[]}"),
              REGISTER_BETROKKENHEDEN, Buitensysteem.Standaard.id(REGISTER_BETROKKENHEID_ID)));
    }
    return register;
  }

  /** Every system up, default answers, empty journals. Call it before each test that uses them. */
  public static void reset() {
    politie().reset();
    zorg().reset();
    register().reset();
  }
}
