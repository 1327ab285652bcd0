package nl.hgkm.keten.huisverbod;

import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * A process instance that already ended within the call that started it (a proposal the law does not allow), so
 * that camunda-bpm-assert can look it up in history.
 */
record BeeindigdeInstantie(String getId, String getBusinessKey) implements ProcessInstance {
  @Override
  public String getProcessDefinitionId() {
    return null;
  }

  @Override
  public String getProcessDefinitionKey() {
    return "huisverbod";
  }

  @Override
  public String getRootProcessInstanceId() {
    return getId;
  }

  @Override
  public String getCaseInstanceId() {
    return null;
  }

  @Override
  public boolean isSuspended() {
    return false;
  }

  @Override
  public boolean isEnded() {
    return true;
  }

  @Override
  public String getProcessInstanceId() {
    return getId;
  }

  @Override
  public String getTenantId() {
    return null;
  }
}
