package nl.hgkm.keten.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The real application with its demo data on an in-memory H2 database, on a random port, job executor off.
 * Every integration test uses exactly this annotation so that Spring reuses one context for all of them.
 * Tests create their own cases and assert on those only; they never assume an empty database.
 * Process test coverage (camunda-process-test-coverage) is recorded for every test class and written as HTML to
 * {@code target/process-test-coverage/}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@Import(ProcessEngineCoverageConfiguration.class)
public @interface KetenIntegratieTest {}
