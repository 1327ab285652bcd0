package nl.hgkm.keten.engine;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/**
 * Moves a waiting timer to a new moment, for legal terms that change while they run (an extended huisverbod).
 * Camunda 7 evaluates a timer's date once, when the timer is created.
 */
@Component
public class TimerVerzetter {

  private final ManagementService managementService;

  public TimerVerzetter(ManagementService managementService) {
    this.managementService = managementService;
  }

  /** @throws IllegalStateException when the process instance has no such waiting timer */
  public void verzet(String processInstanceId, String timerActivityId, Instant nieuwMoment) {
    List<Job> timers = managementService.createJobQuery().processInstanceId(processInstanceId)
        .activityId(timerActivityId).timers().list();
    if (timers.size() != 1) {
      throw new IllegalStateException("Verwacht precies één wachtende timer " + timerActivityId + " in "
          + processInstanceId + ", gevonden: " + timers.size());
    }
    managementService.setJobDuedate(timers.get(0).getId(), Date.from(nieuwMoment));
  }
}
