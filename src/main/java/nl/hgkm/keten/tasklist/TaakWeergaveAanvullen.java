package nl.hgkm.keten.tasklist;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import nl.hgkm.keten.engine.SchemaMigratieSlot;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tasks that were already open before this release have no card and no form words ({@link TaakWeergave} runs when a
 * task is created). At start this gives every open task without them its card and words, once: a task that has its
 * card is left alone, so a second start or a second node does nothing. Nodes starting together take turns (the
 * lock of the schema migrations). Off with {@code keten.tasklist.weergave-aanvullen=false}.
 */
@Component
public class TaakWeergaveAanvullen {

  private static final Logger LOG = LoggerFactory.getLogger(TaakWeergaveAanvullen.class);
  private static final int PAGINA = 500;

  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final TaakWeergave weergave;
  private final DataSource dataSource;
  private final boolean bijStart;

  TaakWeergaveAanvullen(TaskService taskService, RuntimeService runtimeService, TaakWeergave weergave,
      DataSource dataSource, @Value("${keten.tasklist.weergave-aanvullen:true}") boolean bijStart) {
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.weergave = weergave;
    this.dataSource = dataSource;
    this.bijStart = bijStart;
  }

  @EventListener(ApplicationReadyEvent.class)
  void bijStart() {
    if (bijStart) {
      int aangevuld = SchemaMigratieSlot.onder(dataSource, this::aanvullen);
      if (aangevuld > 0) {
        LOG.info("Kaart en formulierteksten aangevuld voor {} open taken van voor deze versie", aangevuld);
      }
    }
  }

  /** Gives every open, active task without a card its card and form words; answers how many it did. */
  public int aanvullen() {
    int aangevuld = 0;
    for (int eerste = 0; ; eerste += PAGINA) {
      List<Task> taken = taskService.createTaskQuery().active().orderByTaskId().asc().listPage(eerste, PAGINA);
      for (Task taak : taken) {
        if (taskService.getVariableLocal(taak.getId(), TaakWeergave.KAART_ZAAK) == null) {
          Map<String, Object> variabelen = taskService.getVariables(taak.getId());
          String bedrijfssleutel = null;
          if (variabelen.get("zaaknummer") == null && taak.getProcessInstanceId() != null) {
            ProcessInstance instantie = runtimeService.createProcessInstanceQuery()
                .processInstanceId(taak.getProcessInstanceId()).singleResult();
            bedrijfssleutel = instantie == null ? null : instantie.getBusinessKey();
          }
          taskService.setVariablesLocal(taak.getId(),
              weergave.weergave(variabelen::get, bedrijfssleutel, taak.getDueDate()));
          aangevuld++;
        }
      }
      if (taken.size() < PAGINA) {
        return aangevuld;
      }
    }
  }
}
