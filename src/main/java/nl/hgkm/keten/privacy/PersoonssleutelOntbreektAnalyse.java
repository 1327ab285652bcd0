package nl.hgkm.keten.privacy;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints a start without a usable person-key secret as one sentence and its fix. META-INF/spring.factories. */
public class PersoonssleutelOntbreektAnalyse extends AbstractFailureAnalyzer<PersoonssleutelOntbreektException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, PersoonssleutelOntbreektException oorzaak) {
    return new FailureAnalysis(oorzaak.getMessage(),
        "Zet keten.privacy.persoonssleutel (productie: omgevingsvariabele KETEN_PERSOONSSLEUTEL) op een geheim van "
            + "minstens 32 tekens en start opnieuw; zie docs/privacy.md, 'De persoonssleutel'. / Set "
            + "keten.privacy.persoonssleutel (production: KETEN_PERSOONSSLEUTEL) to a secret of at least 32 characters "
            + "and start again; see docs/privacy.md.", oorzaak);
  }
}
