package nl.hgkm.keten.identiteit;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Prints a refused production start as Spring Boot's short "APPLICATION FAILED TO START" report instead of a stack
 * trace. Registered in META-INF/spring.factories.
 */
public class OnveiligeStartAnalyse extends AbstractFailureAnalyzer<OnveiligeStartException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, OnveiligeStartException oorzaak) {
    return new FailureAnalysis(oorzaak.getMessage(),
        "Herstel / fix: docs/rollen-en-rechten.md, 'Startcontrole in productie'.", oorzaak);
  }
}
