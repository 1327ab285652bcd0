package nl.hgkm.keten.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The machine the benchmark runs on, as Linux and the JVM describe it. */
final class Machine {

  private Machine() {}

  static String cpu() {
    return regel(Path.of("/proc/cpuinfo"), "model name").orElse(System.getProperty("os.arch"));
  }

  static int kernen() {
    return Runtime.getRuntime().availableProcessors();
  }

  static String geheugen() {
    return regel(Path.of("/proc/meminfo"), "MemTotal")
        .map(kb -> String.format("%.1f GiB", Long.parseLong(kb.replaceAll("\\D", "")) / 1024.0 / 1024.0))
        .orElse("onbekend");
  }

  static String os() {
    String naam = System.getProperty("os.name") + " " + System.getProperty("os.version");
    try {
      for (String r : Files.readAllLines(Path.of("/etc/os-release"))) {
        if (r.startsWith("PRETTY_NAME=")) {
          return r.substring(12).replace("\"", "") + " (" + naam + ")";
        }
      }
    } catch (IOException geenLinux) {
      // fall through
    }
    return naam;
  }

  static String java() {
    return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
        + System.getProperty("java.vendor") + "), max heap " + Runtime.getRuntime().maxMemory() / 1024 / 1024
        + " MiB";
  }

  /** The 1-, 5- and 15-minute load averages. */
  static String belasting() {
    try {
      String[] delen = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return delen[0] + " / " + delen[1] + " / " + delen[2];
    } catch (IOException geenLinux) {
      return "onbekend";
    }
  }

  private static java.util.Optional<String> regel(Path bestand, String sleutel) {
    try {
      List<String> regels = Files.readAllLines(bestand);
      return regels.stream().filter(r -> r.startsWith(sleutel)).findFirst()
          .map(r -> r.substring(r.indexOf(':') + 1).trim());
    } catch (IOException geenLinux) {
      return java.util.Optional.empty();
    }
  }
}
