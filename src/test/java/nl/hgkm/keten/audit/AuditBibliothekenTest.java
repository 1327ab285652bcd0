package nl.hgkm.keten.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The diagram viewers the auditor's pages ship ({@code static/audit/vendor/}) are byte for byte what the npm registry
 * serves for the versions in {@code ops/audit-bibliotheken/package-lock.json} (npm ci checks the packages' integrity
 * hashes): nobody edited them, and {@code ops/audit-bibliotheken/bijwerken} was run after a version change. At run time
 * the application needs no npm: the files are in the jar.
 *
 * <p>Needs Node.js with npm and the registry; without them skipped with a loud message, with
 * {@code -Dlint.required=true} (as {@code .ci/run}) a failure, like the model lint.
 */
class AuditBibliothekenTest {

  private static final Path BRON = Path.of("ops", "audit-bibliotheken");
  private static final Path VENDOR = Path.of("src", "main", "resources", "static", "audit", "vendor");
  private static final Path WERKMAP = Path.of("target", "audit-bibliotheken");

  @BeforeAll
  static void installeer() throws Exception {
    if (!beschikbaar()) {
      String bericht = "\n\n*** AUDIT-BIBLIOTHEKEN NIET GECONTROLEERD: Node.js/npm ontbreekt. Installeer Node.js 20 "
          + "met npm om bpmn-js en dmn-js van de auditpagina's met het npm-register te vergelijken. ***\n";
      if (Boolean.getBoolean("lint.required")) {
        fail(bericht);
      }
      System.err.println(bericht);
      Assumptions.abort(bericht);
    }
    Files.createDirectories(WERKMAP);
    for (String bestand : List.of("package.json", "package-lock.json")) {
      Files.copy(BRON.resolve(bestand), WERKMAP.resolve(bestand), StandardCopyOption.REPLACE_EXISTING);
    }
    if (!Files.isDirectory(WERKMAP.resolve("node_modules/bpmn-js"))) {
      Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts")
          .directory(WERKMAP.toFile()).redirectErrorStream(true).start();
      String uitvoer = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(npm.waitFor(300, TimeUnit.SECONDS)).isTrue();
      assertThat(npm.exitValue()).as("npm ci:%n%s", uitvoer).isZero();
    }
  }

  @Test
  void elkMeegeleverdBestandIsWatDieVersieOpNpmLevert() throws IOException {
    List<String> bestanden = Files.readAllLines(BRON.resolve("bestanden.txt")).stream()
        .filter(r -> !r.isBlank() && !r.startsWith("#")).toList();
    assertThat(bestanden).contains("bpmn-js/dist/bpmn-navigated-viewer.production.min.js",
        "dmn-js/dist/dmn-viewer.production.min.js");
    for (String bestand : bestanden) {
      String pakket = bestand.substring(0, bestand.indexOf('/'));
      String pad = bestand.substring(bestand.indexOf('/') + 1).replaceFirst("^dist/", "");
      Path meegeleverd = VENDOR.resolve(pakket).resolve(pad);
      assertThat(meegeleverd).as("meegeleverd: %s", meegeleverd).exists();
      assertThat(Files.readAllBytes(meegeleverd)).as("%s gelijk aan npm", bestand)
          .isEqualTo(Files.readAllBytes(WERKMAP.resolve("node_modules").resolve(bestand)));
    }
  }

  @Test
  void versiesEnLicentieStaanErbij() throws IOException {
    String versies = Files.readString(VENDOR.resolve("VERSIES.txt"));
    JsonNode pakket = new ObjectMapper().readTree(BRON.resolve("package.json").toFile());
    pakket.get("dependencies").fields().forEachRemaining(d ->
        assertThat(versies).contains(d.getKey() + " " + d.getValue().asText()));
    assertThat(Files.readString(VENDOR.resolve("bpmn-js/LICENSE"))).contains("watermark");
    assertThat(Files.readString(VENDOR.resolve("dmn-js/LICENSE"))).contains("Permission is hereby granted");
  }

  private static boolean beschikbaar() {
    try {
      Process p = new ProcessBuilder("npm", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException fout) {
      return false;
    }
  }
}
