package nl.hgkm.keten.huisverbod;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param tasklistUrl where the burgemeester finds the case's tasks; named in the mails */
@ConfigurationProperties("keten.huisverbod")
public record HuisverbodProperties(String tasklistUrl) {
  public HuisverbodProperties {
    tasklistUrl = tasklistUrl == null ? "/camunda/app/tasklist/" : tasklistUrl;
  }
}
