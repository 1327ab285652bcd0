package nl.hgkm.keten.engine;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Adds one task listener to every user task of every deployed model, after the listeners the model names itself:
 * what every task needs (its card and the words of its form, {@code tasklist.TaakWeergave}) without a line in any
 * diagram, so process owners do not have to remember it and running cases need no migration for it.
 */
final class ListenerOpElkeGebruikerstaak extends AbstractBpmnParseListener {

  private final String gebeurtenis;
  private final TaskListener listener;

  ListenerOpElkeGebruikerstaak(String gebeurtenis, TaskListener listener) {
    this.gebeurtenis = gebeurtenis;
    this.listener = listener;
  }

  @Override
  public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
    if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior gebruikerstaak) {
      gebruikerstaak.getTaskDefinition().addTaskListener(gebeurtenis, listener);
    }
  }
}
