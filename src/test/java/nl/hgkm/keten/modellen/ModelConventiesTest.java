package nl.hgkm.keten.modellen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.hgkm.keten.engine.ProcesBean;
import nl.hgkm.keten.integratie.politie.PolitieSysteem;
import nl.hgkm.keten.integratie.zorg.ZorgSysteem;
import nl.hgkm.keten.notificatie.Mailer;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TimeDate;
import org.camunda.bpm.model.bpmn.instance.TimeDuration;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.Yaml;

/**
 * The project's own rules for models (style.md), checked on every build so that a process owner's edit in Camunda
 * Modeler cannot quietly break them: every process versioned and with a retention; every user task with candidate
 * groups, a deployed Camunda Form and a computed due date; delegates only through whitelisted beans; every step
 * that leaves the application asynchronous with a named retry profile; no scripts, no classes, no literal terms.
 */
class ModelConventiesTest {

  private static final Pattern BEAN = Pattern.compile("\\$\\{([a-zA-Z][a-zA-Z0-9]*)}");
  private static final Pattern RETRY = Pattern.compile("\\$\\{retry\\.([a-zA-Z]+)}");

  private static Map<String, BpmnModelInstance> modellen;
  private static Map<String, Class<?>> procesBeans;
  private static Set<String> formulieren;
  private static Set<String> retryProfielen;

  @BeforeAll
  static void lees() throws Exception {
    modellen = new TreeMap<>();
    try (Stream<Path> bestanden = Files.list(Path.of("processes"))) {
      for (Path bestand : bestanden.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
        modellen.put(bestand.getFileName().toString(), Bpmn.readModelFromFile(bestand.toFile()));
      }
    }
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> bestanden = Files.list(Path.of("processes", "forms"))) {
      formulieren = bestanden.filter(p -> p.toString().endsWith(".form"))
          .map(p -> {
            try {
              return json.readTree(p.toFile()).get("id").asText();
            } catch (Exception fout) {
              throw new IllegalStateException(p + " is geen geldig formulier", fout);
            }
          }).collect(Collectors.toSet());
    }
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(ProcesBean.class));
    procesBeans = new TreeMap<>();
    for (BeanDefinition definitie : scanner.findCandidateComponents("nl.hgkm.keten")) {
      Class<?> klasse = Class.forName(definitie.getBeanClassName());
      Component component = klasse.getAnnotation(Component.class);
      if (component != null && !component.value().isEmpty()) {
        procesBeans.put(component.value(), klasse);
      }
    }
    Map<String, Object> configuratie = new Yaml().load(Files.readString(Path.of("src/main/resources/application.yaml")));
    @SuppressWarnings("unchecked")
    Map<String, Object> keten = (Map<String, Object>) configuratie.get("keten");
    @SuppressWarnings("unchecked")
    Map<String, Object> retry = (Map<String, Object>) keten.get("retry");
    retryProfielen = retry.keySet();
  }

  @Test
  void elkProcesIsUitvoerbaarGeversioneerdEnHeeftEenBewaartermijn() {
    assertThat(modellen).isNotEmpty();
    modellen.forEach((bestand, model) -> {
      for (Process proces : model.getModelElementsByType(Process.class)) {
        assertThat(proces.isExecutable()).as("%s executable", bestand).isTrue();
        assertThat(proces.getCamundaVersionTag()).as("%s versionTag", bestand).isNotBlank();
        assertThat(proces.getCamundaHistoryTimeToLiveString()).as("%s historyTimeToLive", bestand).isNotBlank();
        assertThat(bestand).as("een bestand per proces-key").isEqualTo(proces.getId() + ".bpmn");
      }
    });
  }

  @Test
  void elkeGebruikerstaakHeeftGroepenEenFormulierEnEenVervaldatum() {
    List<String> fouten = new ArrayList<>();
    elk(UserTask.class, (bestand, taak) -> {
      String waar = bestand + "#" + taak.getId();
      if (taak.getCamundaCandidateGroups() == null || taak.getCamundaCandidateGroups().isBlank()) {
        fouten.add(waar + ": geen candidate groups");
      }
      if (!"deployment".equals(taak.getCamundaFormRefBinding()) || !formulieren.contains(taak.getCamundaFormRef())) {
        fouten.add(waar + ": geen Camunda Form met formRefBinding deployment (" + taak.getCamundaFormRef() + ")");
      }
      if (taak.getCamundaDueDate() == null || !taak.getCamundaDueDate().startsWith("${")) {
        fouten.add(waar + ": vervaldatum moet uit een berekende variabele of termijn komen, is " + taak.getCamundaDueDate());
      }
    });
    assertThat(fouten).isEmpty();
  }

  @Test
  void delegatesEnListenersAlleenViaProcesBeans() {
    List<String> fouten = new ArrayList<>();
    modellen.forEach((bestand, model) -> {
      for (ServiceTask taak : model.getModelElementsByType(ServiceTask.class)) {
        if (taak.getCamundaClass() != null || taak.getCamundaExpression() != null) {
          fouten.add(bestand + "#" + taak.getId() + ": alleen camunda:delegateExpression");
        }
        controleerBean(bestand + "#" + taak.getId(), taak.getCamundaDelegateExpression(), fouten);
      }
      for (CamundaTaskListener listener : model.getModelElementsByType(CamundaTaskListener.class)) {
        if (listener.getCamundaClass() != null || listener.getCamundaScript() != null) {
          fouten.add(bestand + ": task listener met class of script");
        }
        if (listener.getCamundaDelegateExpression() != null) {
          controleerBean(bestand + " task listener", listener.getCamundaDelegateExpression(), fouten);
        }
      }
      for (CamundaExecutionListener listener : model.getModelElementsByType(CamundaExecutionListener.class)) {
        if (listener.getCamundaClass() != null || listener.getCamundaScript() != null) {
          fouten.add(bestand + ": execution listener met class of script");
        }
        if (listener.getCamundaDelegateExpression() != null) {
          controleerBean(bestand + " execution listener", listener.getCamundaDelegateExpression(), fouten);
        }
      }
      if (!model.getModelElementsByType(ScriptTask.class).isEmpty()) {
        fouten.add(bestand + ": script tasks zijn niet toegestaan");
      }
    });
    assertThat(fouten).isEmpty();
  }

  @Test
  void elkeStapNaarBuitenIsAsynchroonMetEenBenoemdRetryprofiel() {
    List<String> fouten = new ArrayList<>();
    int naarBuiten = 0;
    for (Map.Entry<String, BpmnModelInstance> model : modellen.entrySet()) {
      for (ServiceTask taak : model.getValue().getModelElementsByType(ServiceTask.class)) {
        Matcher bean = BEAN.matcher(String.valueOf(taak.getCamundaDelegateExpression()));
        if (!bean.matches() || !gaatNaarBuiten(procesBeans.get(bean.group(1)))) {
          continue;
        }
        naarBuiten++;
        String waar = model.getKey() + "#" + taak.getId();
        if (!taak.isCamundaAsyncBefore()) {
          fouten.add(waar + ": roept een extern systeem aan en moet asyncBefore zijn");
        }
        String cyclus = retryCyclus(taak);
        Matcher profiel = RETRY.matcher(String.valueOf(cyclus));
        if (!profiel.matches() || !retryProfielen.contains(profiel.group(1))) {
          fouten.add(waar + ": geen benoemd retryprofiel ${retry.<naam>} uit keten.retry, maar " + cyclus);
        }
      }
    }
    assertThat(naarBuiten).as("stappen naar politie, zorg en mail").isGreaterThan(10);
    assertThat(fouten).isEmpty();
  }

  @Test
  void timersKomenUitBerekendeTermijnenNietUitLetterlijkeWaarden() {
    List<String> fouten = new ArrayList<>();
    modellen.forEach((bestand, model) -> {
      Stream.concat(model.getModelElementsByType(TimeDate.class).stream(),
              model.getModelElementsByType(TimeDuration.class).stream())
          .forEach(timer -> {
            if (!timer.getTextContent().strip().startsWith("${")) {
              fouten.add(bestand + ": letterlijke timer " + timer.getTextContent());
            }
          });
    });
    assertThat(fouten).isEmpty();
  }

  @Test
  void elementTemplatesVerwijzenNaarBestaandeBeansEnZijnAsynchroonWaarNodig() throws Exception {
    var templates = new ObjectMapper().readTree(Path.of("processes/.camunda/element-templates/keten-hgkm.json").toFile());
    assertThat(templates.size()).isGreaterThan(10);
    for (var template : templates) {
      String delegate = null;
      boolean asynchroon = false;
      for (var eigenschap : template.get("properties")) {
        String naam = eigenschap.path("binding").path("name").asText();
        if (naam.equals("camunda:delegateExpression")) {
          delegate = eigenschap.get("value").asText();
        }
        if (naam.equals("camunda:asyncBefore")) {
          asynchroon = eigenschap.get("value").asBoolean();
        }
      }
      Matcher bean = BEAN.matcher(String.valueOf(delegate));
      assertThat(bean.matches() && procesBeans.containsKey(bean.group(1))).as(template.get("name").asText()).isTrue();
      if (gaatNaarBuiten(procesBeans.get(bean.group(1)))) {
        assertThat(asynchroon).as(template.get("name").asText() + " moet asyncBefore zetten").isTrue();
      }
    }
  }

  private static boolean gaatNaarBuiten(Class<?> delegate) {
    if (delegate == null) {
      return false;
    }
    Set<Class<?>> buiten = Set.of(Mailer.class, PolitieSysteem.class, ZorgSysteem.class);
    return Arrays.stream(delegate.getDeclaredConstructors()).map(Constructor::getParameterTypes)
        .flatMap(Arrays::stream).anyMatch(buiten::contains);
  }

  private static String retryCyclus(Activity taak) {
    if (taak.getExtensionElements() == null) {
      return null;
    }
    return taak.getExtensionElements().getElementsQuery().filterByType(CamundaFailedJobRetryTimeCycle.class).list()
        .stream().map(ModelElementInstance::getTextContent).findFirst().orElse(null);
  }

  private static void controleerBean(String waar, String expressie, List<String> fouten) {
    Matcher bean = BEAN.matcher(String.valueOf(expressie));
    if (!bean.matches()) {
      fouten.add(waar + ": delegateExpression moet ${beanNaam} zijn, is " + expressie);
    } else if (!procesBeans.containsKey(bean.group(1))) {
      fouten.add(waar + ": " + bean.group(1) + " is geen @ProcesBean");
    }
  }

  private static <T extends BaseElement> void elk(Class<T> type, java.util.function.BiConsumer<String, T> controle) {
    modellen.forEach((bestand, model) -> model.getModelElementsByType(type).forEach(e -> controle.accept(bestand, e)));
  }
}
