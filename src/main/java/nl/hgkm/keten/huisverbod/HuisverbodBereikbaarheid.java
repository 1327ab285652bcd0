package nl.hgkm.keten.huisverbod;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wth art. 2(6): the uithuisgeplaatste states where or how they can be reached, at once or within 24 hours. The
 * address goes into the case file (never into process variables); the running {@code huisverbod} instance hears of
 * it through message {@value #BERICHT} with variable {@code bereikbaarheidVastgelegdOp}, if it waits for it.
 */
@Service
class HuisverbodBereikbaarheid {

  static final String BERICHT = "BereikbaarheidVastgelegd";

  /** @param procesInstanties the instances (with this zaaknummer as business key) that received the message */
  record Vastgelegd(String zaaknummer, String adres, Instant vastgelegdOp, List<String> procesInstanties) {}

  private final HuisverbodRepository dossiers;
  private final RuntimeService runtimeService;
  private final TransactionTemplate transactie;

  HuisverbodBereikbaarheid(HuisverbodRepository dossiers, RuntimeService runtimeService,
      PlatformTransactionManager transactionManager) {
    this.dossiers = dossiers;
    this.runtimeService = runtimeService;
    this.transactie = new TransactionTemplate(transactionManager);
  }

  Vastgelegd leg(String zaaknummer, HuisverbodValidatie.BereikbaarheidVerzoek verzoek, String gebruiker) {
    return transactie.execute(status -> {
      if (!dossiers.bereikbaarheid(zaaknummer, verzoek.adres(), verzoek.vastgelegdOp())) {
        throw new OnbekendeZaakException("Er is geen huisverbod met zaaknummer " + zaaknummer + ".");
      }
      String regio = dossiers.huisverbod(zaaknummer).orElseThrow().regio();
      // correlateAll: no waiting instance is no error (the model may not, or no longer, wait for it).
      List<String> instanties = runtimeService.createMessageCorrelation(BERICHT)
          .processInstanceBusinessKey(zaaknummer)
          .tenantId(regio)
          .setVariable("bereikbaarheidVastgelegdOp", Date.from(verzoek.vastgelegdOp()))
          .correlateAllWithResult().stream()
          .map(HuisverbodBereikbaarheid::procesInstantie)
          .distinct()
          .toList();
      dossiers.audit(zaaknummer, gebruiker, "BEREIKBAARHEID_VASTGELEGD",
          "Bereikbaarheid van de uithuisgeplaatste vastgelegd (art. 2 lid 6 Wth), opgegeven op "
              + verzoek.vastgelegdOp() + "; "
              + (instanties.isEmpty() ? "geen wachtend proces" : "bericht " + BERICHT + " afgeleverd bij "
                  + String.join(", ", instanties)));
      return new Vastgelegd(zaaknummer, verzoek.adres(), verzoek.vastgelegdOp(), instanties);
    });
  }

  private static String procesInstantie(MessageCorrelationResult resultaat) {
    return resultaat.getExecution() != null
        ? resultaat.getExecution().getProcessInstanceId()
        : resultaat.getProcessInstance().getId();
  }
}
