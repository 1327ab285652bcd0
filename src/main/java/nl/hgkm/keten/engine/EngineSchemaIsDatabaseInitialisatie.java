package nl.hgkm.keten.engine;

import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Makes {@link EngineSchemaMigratie} a database initializer for Spring Boot, as its own Flyway bean is: every bean
 * that waits for database initialization (the process engine through {@link EngineWachtOpFlyway}, JDBC templates,
 * Spring Session) starts after the engine schema is migrated. Registered in {@code META-INF/spring.factories}.
 */
public class EngineSchemaIsDatabaseInitialisatie extends AbstractBeansOfTypeDatabaseInitializerDetector {

  @Override
  protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
    return Set.of(EngineSchemaMigratie.class);
  }

  /**
   * Before Spring Boot's Flyway (order 1): initializers of a later detector wait for those of earlier ones, so the
   * engine schema is migrated first and the project's Flyway then finds it (see its baseline in application.yaml).
   */
  @Override
  public int getOrder() {
    return 0;
  }
}
