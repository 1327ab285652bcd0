package nl.hgkm.keten.bench;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Measures {@link Beslissingen#meetGeisoleerd} once per FEEL engine jar: each jar in {@code bench.feel.jars} (1.19.3,
 * what Camunda 7.24 brings, and 1.19.5) and the one on the classpath if it is another, each in a class loader of
 * its own that sees the whole test classpath except the classpath's FEEL jar, so both run in one JVM on the same
 * tables.
 */
final class FeelVergelijking {

  private FeelVergelijking() {}

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> meet(Path extraJars, long opwarmMs, long meetMs) throws Exception {
    List<String> classpath = List.of(System.getProperty("java.class.path").split(File.pathSeparator));
    String eigenFeel = classpath.stream().filter(FeelVergelijking::isFeelJar).findFirst()
        .orElseThrow(() -> new IllegalStateException("Geen feel-engine op het classpath"));
    List<String> jars = new ArrayList<>();
    if (Files.isDirectory(extraJars)) {
      try (Stream<Path> inhoud = Files.list(extraJars)) {
        inhoud.map(Path::toString).filter(FeelVergelijking::isFeelJar).sorted().forEach(jars::add);
      }
    }
    if (jars.stream().noneMatch(j -> Path.of(j).getFileName().equals(Path.of(eigenFeel).getFileName()))) {
      jars.add(eigenFeel);
    }
    List<Map<String, Object>> uitkomsten = new ArrayList<>();
    for (String feel : jars) {
      List<URL> urls = new ArrayList<>();
      for (String entry : classpath) {
        if (!isFeelJar(entry)) {
          urls.add(url(entry));
        }
      }
      urls.add(url(feel));
      try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
        Thread huidige = Thread.currentThread();
        ClassLoader vorige = huidige.getContextClassLoader();
        huidige.setContextClassLoader(loader);
        try {
          Method meet = loader.loadClass(Beslissingen.class.getName())
              .getMethod("meetGeisoleerd", long.class, long.class);
          uitkomsten.add((Map<String, Object>) meet.invoke(null, opwarmMs, meetMs));
        } finally {
          huidige.setContextClassLoader(vorige);
        }
      } catch (IOException fout) {
        throw new IllegalStateException(fout);
      }
    }
    return uitkomsten;
  }

  private static boolean isFeelJar(String pad) {
    return Path.of(pad).getFileName().toString().matches("feel-engine-[0-9.]+(-scala-shaded)?\\.jar");
  }

  private static URL url(String pad) {
    try {
      return Path.of(pad).toUri().toURL();
    } catch (MalformedURLException fout) {
      throw new IllegalStateException(fout);
    }
  }
}
