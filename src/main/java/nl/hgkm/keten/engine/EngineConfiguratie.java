package nl.hgkm.keten.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import nl.hgkm.keten.kalender.Klok;
import nl.hgkm.keten.regio.Regios;
import nl.hgkm.keten.tasklist.TaakWeergave;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The seam between the project and the Camunda 7 engine. Engine-internal classes are used here and in this
 * package only, so that moving to the Operaton fork stays a package rename.
 */
@Configuration
public class EngineConfiguratie {

  @Bean
  AbstractCamundaConfiguration ketenEngineInstellingen(ApplicationContext context, HistorieProperties historie,
      Regios regios, TaakWeergave taakWeergave) {
    return new AbstractCamundaConfiguration() {
      @Override
      public void preInit(SpringProcessEngineConfiguration configuration) {
        configuration.setBeans(new ProcesBeanMap(context));
        // A tenant per Veilig Thuis region; tenant checks stay on (the engine's default), so a user sees only the
        // cases of the regions whose tenant they are a member of.
        configuration.setTenantIdProvider(new RegioTenantIdProvider(regios));
        configuration.setTenantCheckEnabled(true);
        // Every user task's card and the words of its form, without a listener in any model.
        List<BpmnParseListener> parseListeners = new ArrayList<>(
            configuration.getCustomPostBPMNParseListeners() == null ? List.of()
                : configuration.getCustomPostBPMNParseListeners());
        parseListeners.add(new ListenerOpElkeGebruikerstaak(TaskListener.EVENTNAME_CREATE, taakWeergave));
        configuration.setCustomPostBPMNParseListeners(parseListeners);
        // The history goes to the database through one handler that leaves out configured personal data.
        configuration.setEnableDefaultDbHistoryEventHandler(false);
        List<HistoryEventHandler> handlers = new ArrayList<>(
            configuration.getCustomHistoryEventHandlers() == null ? List.of()
                : configuration.getCustomHistoryEventHandlers());
        handlers.add(new PersoonsgegevensBuitenHistorie(historie.nietBewaren()));
        configuration.setCustomHistoryEventHandlers(handlers);
      }
    };
  }

  /**
   * A named node ({@link NodeProperties}): its name as the engine's hostname, and as the prefix of the job executor's
   * lock owner. The lock owner stays unique per start (a random suffix), so a restarted node never takes the locks of
   * its previous life for its own.
   */
  @Bean
  AbstractCamundaConfiguration ketenNode(NodeProperties node) {
    return new AbstractCamundaConfiguration() {
      @Override
      public void preInit(SpringProcessEngineConfiguration configuration) {
        if (node.naam() != null) {
          configuration.setHostname(node.naam());
        }
      }

      @Override
      public void postInit(SpringProcessEngineConfiguration configuration) {
        if (node.naam() != null && configuration.getJobExecutor() != null) {
          configuration.getJobExecutor().setLockOwner(node.naam() + "-" + UUID.randomUUID());
        }
      }
    };
  }

  /** Refused task completions are 400 in the engine REST API, not 500 (see {@link OngeldigeTaakInvoerRestMapper}). */
  @Bean
  ResourceConfigCustomizer ongeldigeTaakInvoerAlsBadRequest() {
    return config -> {
      config.register(OngeldigeTaakInvoerRestMapper.class);
      config.register(AndereTenantRestMapper.class);
    };
  }

  /**
   * The engine schema by Flyway, before the engine starts (see {@link EngineSchemaMigratie}); the engine itself does
   * not touch its schema ({@code camunda.bpm.database.schema-update: false} in application.yaml).
   */
  @Bean
  EngineSchemaMigratie engineSchemaMigratie(DataSource dataSource) {
    return new EngineSchemaMigratie(dataSource);
  }

  /**
   * The project's tables (Spring Boot's Flyway, spring.flyway.*) migrate holding the same lock as the engine schema,
   * so that nodes starting together on an empty database do not both create or baseline its history table.
   */
  @Bean
  FlywayMigrationStrategy ketenSchemaMigratieOnderSlot() {
    return flyway -> SchemaMigratieSlot.onder(flyway.getConfiguration().getDataSource(), flyway::migrate);
  }

  /** The engine clock: tests move it with {@code ClockUtil.setCurrentTime}, and deadlines move with it. */
  @Bean
  Klok klok() {
    return () -> ClockUtil.getCurrentTime().toInstant();
  }

  @Bean("retry")
  @ProcesBean
  Map<String, String> retry(RetryProperties properties) {
    return properties.retry();
  }
}
