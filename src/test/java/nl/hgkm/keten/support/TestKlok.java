package nl.hgkm.keten.support;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * "Now" in the tests: the engine clock (Camunda's {@code ClockUtil}), which the application's own clock
 * ({@code kalender.Klok}) reads too. A test that needs the application's now asks {@link #nu()}, never
 * {@code Instant.now()}, so that the two agree whatever the clock says; a test that moves the clock sets it with
 * {@code ClockUtil.setCurrentTime} and puts it back with {@link #terug()}, never {@code ClockUtil.reset()}.
 *
 * <p>With {@code -Dketen.test.nu=2027-12-31T23:30:00+01:00} (any ISO-8601 date-time with offset) every test JVM
 * starts its clock at that moment and lets it run from there: the whole suite as if it ran late on New Year's Eve,
 * on a Friday evening or in the night of a daylight-saving change, which is how date-dependent tests are found.
 * Without it the clock is the machine's. Registered as a JUnit launcher session listener
 * ({@code META-INF/services}), so the clock is set before the first test starts the application.
 *
 * <p>What runs on real time on purpose stays on it: the mail journal's claims ({@code notificatie.MailJournaal}),
 * Spring Session, the browser's own clock, the nodes of the cluster test (JVMs of their own).
 */
public final class TestKlok implements LauncherSessionListener {

  /** The system property that moves the tests' clock. */
  public static final String EIGENSCHAP = "keten.test.nu";

  private static final Long VERSCHUIVING = verschuiving(System.getProperty(EIGENSCHAP));

  /** The application's now: the engine clock as it stands. */
  public static Instant nu() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  /** The application's now as a local date-time with offset, e.g. in Europe/Amsterdam. */
  public static OffsetDateTime nu(ZoneId zone) {
    return nu().atZone(zone).toOffsetDateTime();
  }

  /** The clock as the test JVM started it: running, at the machine's time or at {@value #EIGENSCHAP}. */
  public static void terug() {
    if (VERSCHUIVING == null) {
      ClockUtil.reset();
    } else {
      ClockUtil.offset(VERSCHUIVING);
    }
  }

  /** True when {@value #EIGENSCHAP} moved the clock away from the machine's. */
  public static boolean verschoven() {
    return VERSCHUIVING != null;
  }

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    terug();
    if (VERSCHUIVING != null) {
      System.err.println("*** Testklok verschoven (-D" + EIGENSCHAP + "): de tests lopen vanaf " + nu() + " ***");
    }
  }

  private static Long verschuiving(String waarde) {
    if (waarde == null || waarde.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(waarde.strip()).toInstant().toEpochMilli() - System.currentTimeMillis();
    } catch (DateTimeParseException fout) {
      throw new IllegalArgumentException("-D" + EIGENSCHAP + "=" + waarde
          + ": een ISO-8601 datum-tijd met offset, zoals 2027-12-31T23:30:00+01:00", fout);
    }
  }
}
