package nl.hgkm.keten.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * <b>DEMO ONLY.</b> The local ports the {@code demo} profile listens on besides the web server: the simulators of the
 * police and care systems and the Veilig Thuis-register, and the local SMTP server. Each is a setting; all of them
 * move together with {@value #VERSCHUIVING} (see {@link DemoPoortVerschuiving}), so that a second demo instance on one
 * machine needs one setting instead of four. A taken port stops the start with one sentence naming the setting
 * ({@link DemoPoortBezetException}).
 */
public enum DemoPoort {

  POLITIE("keten.demo.politie-poort", 8091, "de demo-simulator van het politiesysteem",
      "the demo simulator of the police system"),
  ZORG("keten.demo.zorg-poort", 8092, "de demo-simulator van het zorgsysteem", "the demo simulator of the care system"),
  REGISTER("keten.demo.register-poort", 8093, "de demo-simulator van het Veilig Thuis-register",
      "the demo simulator of the Veilig Thuis register"),
  SMTP("keten.demo.smtp-poort", 3025, "de demo-mailserver (SMTP)", "the demo mail server (SMTP)");

  /** Added to every demo port (default 0): {@code 100} moves 8091, 8092, 8093 and 3025 to 8191, 8192, 8193, 3125. */
  public static final String VERSCHUIVING = "keten.demo.poort-verschuiving";

  private final String instelling;
  private final int standaard;
  private final String nederlands;
  private final String engels;

  DemoPoort(String instelling, int standaard, String nederlands, String engels) {
    this.instelling = instelling;
    this.standaard = standaard;
    this.nederlands = nederlands;
    this.engels = engels;
  }

  /** The setting that holds this port, e.g. {@code keten.demo.politie-poort}. */
  public String instelling() {
    return instelling;
  }

  /** The port without any setting (application-demo.yaml says the same). */
  public int standaard() {
    return standaard;
  }

  /** What listens there, in Dutch ("de demo-mailserver (SMTP)"). */
  public String nederlands() {
    return nederlands;
  }

  /** What listens there, in English. */
  public String engels() {
    return engels;
  }

  /**
   * For a server that binds in a thread of its own and reports a failure only vaguely (GreenMail: "could not start
   * mail server ... try to set server startup timeout"): tries the port on the loopback address first.
   *
   * @throws DemoPoortBezetException when the port is taken
   */
  public void controleerVrij(int poort) {
    if (poort == 0) {
      return;
    }
    try (ServerSocket proef = new ServerSocket()) {
      proef.setReuseAddress(true);
      proef.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), poort));
    } catch (BindException bezet) {
      throw new DemoPoortBezetException(this, poort, bezet);
    } catch (IOException fout) {
      throw new UncheckedIOException(fout);
    }
  }
}
