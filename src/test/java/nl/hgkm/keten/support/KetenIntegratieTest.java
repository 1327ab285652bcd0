package nl.hgkm.keten.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The real application with its demo data on an in-memory H2 database, on a random port, job executor off.
 * Every integration test uses exactly this annotation so that Spring reuses one context for all of them.
 * Tests create their own cases and assert on those only; they never assume an empty database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
public @interface KetenIntegratieTest {}
