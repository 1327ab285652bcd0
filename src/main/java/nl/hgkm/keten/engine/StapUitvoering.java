package nl.hgkm.keten.engine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;

/**
 * Which run of a step this is, for what the step sends or writes outside the engine under a stable id (the
 * Idempotency-Key of a partner call, a mail's Message-ID, a document's request id): the same on every attempt of
 * the step, different for another pass through it.
 *
 * <p>That is the id of the job that runs the step, not the id of its execution. A job keeps its id through every retry
 * and every repeat after a lost lock or an optimistic-locking conflict, while its execution may change under it: when
 * a parallel branch ends while this step's job waits for its next attempt, the engine folds the remaining branch into
 * its parent execution and moves the job there. Keyed by execution, the retry would then be a new request to the
 * partner (a second lookup in the Veilig Thuis-register, a second registration at the police). A step that runs
 * outside a job (synchronously after a user task) has no job; then its execution, which cannot change during that
 * one transaction.
 *
 * <p>Reads the job the engine is executing from its command context: engine internals, hence in this package.
 */
public final class StapUitvoering {

  private StapUitvoering() {}

  /** The id of the job running this step, or else the execution's id. */
  public static String id(DelegateExecution execution) {
    CommandContext context = Context.getCommandContext();
    JobEntity job = context == null ? null : context.getCurrentJob();
    return job != null ? job.getId() : execution.getId();
  }
}
