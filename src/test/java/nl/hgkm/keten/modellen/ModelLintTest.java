package nl.hgkm.keten.modellen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The BPMN models pass Camunda Modeler's own lint rules for Camunda 7.24 (bpmnlint {@code recommended} plus
 * {@code bpmnlint-plugin-camunda-compat}), so a process owner opens them without a single warning.
 *
 * <p>Needs Node.js with npm and the npm registry. Without them the test is skipped with a loud message; with
 * {@code -Dlint.required=true} (as {@code .ci/run} does) a missing Node.js is a failure.
 */
class ModelLintTest {

  private static final Path LINT = Path.of("lint");
  private static final Path WERKMAP = Path.of("target", "modellint");

  @BeforeAll
  static void installeerBpmnlint() throws Exception {
    if (!beschikbaar("npm")) {
      String bericht = "\n\n*** MODEL-LINT OVERGESLAGEN: Node.js/npm ontbreekt. Installeer Node.js 20 met npm "
          + "(Debian: apt-get install nodejs npm) om de BPMN-modellen te controleren. ***\n";
      if (Boolean.getBoolean("lint.required")) {
        fail(bericht);
      }
      System.err.println(bericht);
      Assumptions.abort(bericht);
    }
    Files.createDirectories(WERKMAP);
    for (String bestand : List.of("package.json", "package-lock.json", ".bpmnlintrc")) {
      Files.copy(LINT.resolve(bestand), WERKMAP.resolve(bestand), StandardCopyOption.REPLACE_EXISTING);
    }
    if (!Files.isDirectory(WERKMAP.resolve("node_modules/bpmnlint"))) {
      Resultaat npm = voerUit(WERKMAP, List.of("npm", "ci", "--no-audit", "--no-fund"), 300);
      assertThat(npm.code()).as("npm ci in %s:%n%s", WERKMAP, npm.uitvoer()).isZero();
    }
  }

  @Test
  void bpmnModellenVoldoenAanDeRegelsVanCamundaModeler() throws Exception {
    List<String> commando = new ArrayList<>(List.of("npx", "--no-install", "bpmnlint", "--max-warnings", "0"));
    try (Stream<Path> modellen = Files.list(Path.of("processes"))) {
      modellen.filter(p -> p.toString().endsWith(".bpmn")).sorted()
          .forEach(p -> commando.add(p.toAbsolutePath().toString()));
    }
    assertThat(commando).hasSizeGreaterThan(5);
    Resultaat lint = voerUit(WERKMAP, commando, 120);
    assertThat(lint.code()).as("bpmnlint meldt:%n%s", lint.uitvoer()).isZero();
  }

  private static boolean beschikbaar(String programma) {
    try {
      return voerUit(Path.of("."), List.of(programma, "--version"), 30).code() == 0;
    } catch (IOException | InterruptedException fout) {
      return false;
    }
  }

  private static Resultaat voerUit(Path map, List<String> commando, int seconden)
      throws IOException, InterruptedException {
    Process proces = new ProcessBuilder(commando).directory(map.toFile()).redirectErrorStream(true).start();
    byte[] uitvoer = proces.getInputStream().readAllBytes();
    if (!proces.waitFor(seconden, TimeUnit.SECONDS)) {
      proces.destroyForcibly();
      fail("%s duurde langer dan %d s", commando, seconden);
    }
    return new Resultaat(proces.exitValue(), new String(uitvoer, StandardCharsets.UTF_8));
  }

  private record Resultaat(int code, String uitvoer) {}
}
