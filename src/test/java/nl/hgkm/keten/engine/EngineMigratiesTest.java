package nl.hgkm.keten.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ProductPropertiesUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The upgrade path of the engine schema: for every database the project runs on there is a migration up to the
 * Camunda version on the classpath. Bumping {@code camunda.version} in pom.xml fails here until Camunda's upgrade
 * script for that version is copied into a new migration ({@code V7_25_0__camunda_7_25_0.sql}); see
 * docs/productie-postgresql.md.
 */
class EngineMigratiesTest {

  private static final Pattern VERSIE = Pattern.compile("V(\\d+)_(\\d+)_(\\d+)__camunda_\\1_\\2_\\3\\.sql");

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void deNieuwsteMigratieMaaktHetSchemaVanDeCamundaVersieOpHetClasspath(String vendor) throws IOException {
    List<String> versies = versies(vendor);
    String camunda = ProductPropertiesUtil.getProductVersion().replaceAll("-.*", "");

    assertThat(versies).as("engine migrations for %s", vendor).isNotEmpty();
    assertThat(versies.get(versies.size() - 1))
        .as("Camunda %s is on the classpath: copy its upgrade script for %s from the camunda-engine jar "
            + "(org/camunda/bpm/engine/db/upgrade/) into a migration V%s__camunda_%s.sql in %s%s",
            camunda, vendor, camunda.replace('.', '_'), camunda.replace('.', '_'), EngineSchemaMigratie.LOCATIE,
            vendor)
        .isEqualTo(camunda);
    assertThat(camunda).isEqualTo(EngineSchemaMigratie.VERSIE);
  }

  @Test
  void h2EnPostgresqlHebbenDezelfdeVersies() throws IOException {
    assertThat(versies("h2")).isEqualTo(versies("postgresql"));
  }

  private static List<String> versies(String vendor) throws IOException {
    Resource[] scripts = new PathMatchingResourcePatternResolver()
        .getResources(EngineSchemaMigratie.LOCATIE + vendor + "/*.sql");
    return Arrays.stream(scripts).map(script -> {
      Matcher naam = VERSIE.matcher(script.getFilename());
      assertThat(naam.matches()).as("%s: engine migrations are named V<x>_<y>_<z>__camunda_<x>_<y>_<z>.sql",
          script.getFilename()).isTrue();
      return naam.group(1) + "." + naam.group(2) + "." + naam.group(3);
    }).sorted(java.util.Comparator.comparing(org.flywaydb.core.api.MigrationVersion::fromVersion)).toList();
  }
}
