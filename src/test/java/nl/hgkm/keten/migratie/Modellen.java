package nl.hgkm.keten.migratie;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The two sets of models a migration test needs: the previous release's (test resources
 * {@code vorige-release/modellen/}, as on main at {@code 3167c7c}, outside the deployment pattern
 * {@code processes/*.bpmn} so the application never deploys them) and the current ones ({@code processes/},
 * {@code decisions/}, whatever they hold at build time). Each is deployed as one deployment with its forms and
 * decisions, as the application deploys them: the models bind both by deployment.
 */
final class Modellen {

  static final String VORIGE_RELEASE = "3167c7c";
  static final String RELEASE = "0.2.0";

  private static final PathMatchingResourcePatternResolver BRONNEN = new PathMatchingResourcePatternResolver();

  private Modellen() {}

  /** Deploys the previous release's models, forms and decisions; answers the definition per process key. */
  static Map<String, ProcessDefinition> deployVorige(RepositoryService repositoryService) {
    return deploy(repositoryService, "keten-hgkm vorige release (" + VORIGE_RELEASE + ", test)",
        "classpath:vorige-release/modellen/");
  }

  /** Deploys the current models again, so they are the newest version (as a release's deployment makes them). */
  static Map<String, ProcessDefinition> deployHuidige(RepositoryService repositoryService) {
    return deploy(repositoryService, "keten-hgkm huidige release (test)", "classpath:");
  }

  private static Map<String, ProcessDefinition> deploy(RepositoryService repositoryService, String naam,
      String basis) {
    DeploymentBuilder deployment = repositoryService.createDeployment().name(naam);
    for (String patroon : List.of("processes/*.bpmn", "processes/forms/*.form", "decisions/*.dmn")) {
      for (Resource bron : bronnen(basis + patroon)) {
        String map = patroon.substring(0, patroon.lastIndexOf('/') + 1);
        try (InputStream in = bron.getInputStream()) {
          deployment.addInputStream(map + bron.getFilename(), new java.io.ByteArrayInputStream(in.readAllBytes()));
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    Deployment gedaan = deployment.deploy();
    Map<String, ProcessDefinition> perSleutel = new LinkedHashMap<>();
    repositoryService.createProcessDefinitionQuery().deploymentId(gedaan.getId()).orderByProcessDefinitionKey().asc()
        .list().forEach(d -> perSleutel.put(d.getKey(), d));
    return perSleutel;
  }

  /** The process keys of the current models (one file per key, processes/<key>.bpmn). */
  static List<String> huidigeSleutels() {
    List<String> sleutels = new ArrayList<>();
    for (Resource bron : bronnen("classpath:processes/*.bpmn")) {
      sleutels.add(bron.getFilename().replace(".bpmn", ""));
    }
    return sleutels;
  }

  private static List<Resource> bronnen(String patroon) {
    try {
      return List.of(BRONNEN.getResources(patroon));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
