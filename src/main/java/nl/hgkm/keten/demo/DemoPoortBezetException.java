package nl.hgkm.keten.demo;

/**
 * <b>DEMO ONLY.</b> A demo port is taken, most often by a demo instance that already runs on this machine. The message
 * is one sentence in Dutch and one in English, naming the setting to change; {@link DemoPoortBezetAnalyse} prints it
 * as Spring Boot's short "APPLICATION FAILED TO START" report instead of a stack trace.
 */
public class DemoPoortBezetException extends IllegalStateException {

  private final DemoPoort demoPoort;
  private final int poort;

  public DemoPoortBezetException(DemoPoort demoPoort, int poort, Throwable oorzaak) {
    super(bericht(demoPoort, poort), oorzaak);
    this.demoPoort = demoPoort;
    this.poort = poort;
  }

  public DemoPoort demoPoort() {
    return demoPoort;
  }

  public int poort() {
    return poort;
  }

  private static String bericht(DemoPoort demoPoort, int poort) {
    return "Poort " + poort + " voor " + demoPoort.nederlands() + " is al in gebruik, misschien door een andere "
        + "demo-instantie: kies een vrije poort met " + demoPoort.instelling() + "=..., of verschuif alle demopoorten "
        + "tegelijk met " + DemoPoort.VERSCHUIVING + "=100.\n"
        + "Port " + poort + " for " + demoPoort.engels() + " is already in use, perhaps by another demo instance: "
        + "choose a free port with " + demoPoort.instelling() + "=..., or shift all demo ports at once with "
        + DemoPoort.VERSCHUIVING + "=100.";
  }
}
