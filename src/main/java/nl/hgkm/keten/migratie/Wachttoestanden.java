package nl.hgkm.keten.migratie;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.ConditionalEventDefinition;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.SignalEventDefinition;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;

/**
 * Every wait state of a model, read from the BPMN itself, so that a new one cannot slip past the migration plan:
 * user and receive tasks, external tasks, timers and message, signal and conditional catch events (also on a
 * boundary and as the start of an event subprocess), event-based gateways, call activities (the case waits for the
 * called one), asynchronous continuations, the body of a multi-instance activity, and every embedded subprocess
 * that holds one of these (a migration must move the scope together with what waits in it).
 */
public final class Wachttoestanden {

  public static final String MI_BODY = "#multiInstanceBody";

  private Wachttoestanden() {}

  public static List<Wachttoestand> van(BpmnModelInstance model, String proces) {
    Process definitie = model.getModelElementById(proces);
    if (definitie == null) {
      throw new IllegalArgumentException("Het model bevat geen proces '" + proces + "'");
    }
    Map<String, Wachttoestand> gevonden = new LinkedHashMap<>();
    verzamel(definitie.getFlowElements(), gevonden);
    return List.copyOf(gevonden.values());
  }

  /** Collects the wait states of these elements; answers whether there was any (so a subprocess knows it holds one). */
  private static boolean verzamel(Collection<FlowElement> elementen, Map<String, Wachttoestand> gevonden) {
    boolean iets = false;
    for (FlowElement element : elementen) {
      if (!(element instanceof FlowNode knoop)) {
        continue;
      }
      List<String> soorten = new ArrayList<>();
      if (knoop instanceof SubProcess deelproces) {
        Map<String, Wachttoestand> binnen = new LinkedHashMap<>();
        if (verzamel(deelproces.getFlowElements(), binnen)) {
          soorten.add(deelproces.triggeredByEvent() ? "gebeurtenis-deelproces" : "deelproces");
        }
        voegToe(knoop, soorten, gevonden);
        gevonden.putAll(binnen);
        // What waits inside (also an event subprocess's start) waits in this scope's enclosing scope too.
        iets |= !binnen.isEmpty() || !soorten.isEmpty();
        continue;
      }
      if (knoop instanceof UserTask) {
        soorten.add("gebruikerstaak");
      } else if (knoop instanceof ReceiveTask) {
        soorten.add("ontvangsttaak");
      } else if (extern(knoop)) {
        soorten.add("externe taak");
      } else if (knoop instanceof CallActivity) {
        soorten.add("aanroep: wacht op het aangeroepen proces");
      } else if (knoop instanceof EventBasedGateway) {
        soorten.add("gebeurtenisgateway");
      } else if (knoop instanceof IntermediateCatchEvent vangen) {
        soortVan(vangen.getEventDefinitions(), "tussengebeurtenis").ifPresent(soorten::add);
      } else if (knoop instanceof BoundaryEvent grens) {
        soortVan(grens.getEventDefinitions(), "grensgebeurtenis").ifPresent(soorten::add);
      } else if (knoop instanceof StartEvent start && start.getParentElement() instanceof SubProcess ouder
          && ouder.triggeredByEvent()) {
        soortVan(start.getEventDefinitions(), "start gebeurtenis-deelproces").ifPresent(soorten::add);
      }
      if (knoop.isCamundaAsyncBefore()) {
        soorten.add("asynchroon ervoor");
      }
      // The model API refuses to read asyncAfter of an event-based gateway (the engine does not support it there).
      if (!(knoop instanceof EventBasedGateway) && knoop.isCamundaAsyncAfter()) {
        soorten.add("asynchroon erna");
      }
      voegToe(knoop, soorten, gevonden);
      // The start of an event subprocess waits in the enclosing scope, not in its own subprocess.
      boolean eigenStart = knoop instanceof StartEvent && knoop.getParentElement() instanceof SubProcess ouder
          && ouder.triggeredByEvent();
      iets |= !soorten.isEmpty() && !eigenStart;
    }
    return iets;
  }

  private static void voegToe(FlowNode knoop, List<String> soorten, Map<String, Wachttoestand> gevonden) {
    if (knoop instanceof Activity activiteit
        && activiteit.getLoopCharacteristics() instanceof MultiInstanceLoopCharacteristics) {
      String body = knoop.getId() + MI_BODY;
      gevonden.put(body, new Wachttoestand(body, "meervoudige activiteit (alle exemplaren samen)", knoop.getName()));
      if (soorten.isEmpty()) {
        soorten.add("exemplaar van een meervoudige activiteit");
      }
    }
    if (!soorten.isEmpty()) {
      gevonden.put(knoop.getId(), new Wachttoestand(knoop.getId(), String.join(", ", soorten), knoop.getName()));
    }
  }

  private static java.util.Optional<String> soortVan(Collection<EventDefinition> definities, String plek) {
    for (EventDefinition definitie : definities) {
      if (definitie instanceof TimerEventDefinition) {
        return java.util.Optional.of("timer (" + plek + ")");
      }
      if (definitie instanceof MessageEventDefinition) {
        return java.util.Optional.of("bericht (" + plek + ")");
      }
      if (definitie instanceof SignalEventDefinition) {
        return java.util.Optional.of("signaal (" + plek + ")");
      }
      if (definitie instanceof ConditionalEventDefinition) {
        return java.util.Optional.of("voorwaarde (" + plek + ")");
      }
    }
    return java.util.Optional.empty();
  }

  private static boolean extern(FlowNode knoop) {
    String type = null;
    if (knoop instanceof ServiceTask taak) {
      type = taak.getCamundaType();
    } else if (knoop instanceof SendTask taak) {
      type = taak.getCamundaType();
    } else if (knoop instanceof BusinessRuleTask taak) {
      type = taak.getCamundaType();
    }
    return "external".equals(type);
  }
}
