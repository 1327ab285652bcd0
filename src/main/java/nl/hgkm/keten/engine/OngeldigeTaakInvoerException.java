package nl.hgkm.keten.engine;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A task completion that the law or the contract does not allow. Thrown from a task listener on "complete", it rolls
 * the completion back: the task stays open and nothing in the case changes. The engine REST API answers 400 with the
 * message ("Cannot complete task ...: <bericht>") and Tasklist shows the message under the form.
 *
 * <p>Extends the engine's form validation exception, the one type the REST API maps to 400 for task completion.
 */
public class OngeldigeTaakInvoerException extends FormFieldValidationException {
  public OngeldigeTaakInvoerException(String bericht) {
    super(null, bericht);
  }
}
