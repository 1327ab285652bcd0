package nl.hgkm.keten.engine;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * This node's name in a cluster ({@code keten.node.naam}, e.g. from {@code KETEN_NODE_NAAM}): the engine's hostname
 * in the job log (ACT_HI_JOB_LOG.HOSTNAME_) and the start of the job executor's lock owner (ACT_RU_JOB.LOCK_OWNER_),
 * so an operator sees which node ran a job and which jobs a crashed node still holds (ops/cluster/README.md).
 * Without a name Camunda's defaults apply: the node's IP address and engine name, and a random lock owner.
 */
@ConfigurationProperties("keten.node")
public record NodeProperties(String naam) {

  public NodeProperties {
    naam = naam == null || naam.isBlank() ? null : naam.strip();
  }
}
