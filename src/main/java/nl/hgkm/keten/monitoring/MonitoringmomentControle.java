package nl.hgkm.keten.monitoring;

import static nl.hgkm.keten.monitoring.MonitoringPlanVastleggen.jaNee;

import java.util.ArrayList;
import java.util.List;
import nl.hgkm.keten.engine.OngeldigeTaakInvoerException;
import nl.hgkm.keten.engine.ProcesBean;
import nl.hgkm.keten.zaak.AuditLog;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Checks a check-in ({@code monitoring-moment}) before it counts and records it in the case's audit trail. Refused
 * (the task stays open, nothing changes): a missing answer to {@code voorwaardenNageleefd} or {@code stabielVeilig}
 * (Booleans, contract §3), an empty {@code toelichting}, and "stably safe" while the worker states that there was no
 * contact with the family or with the professionals involved ({@code contactGezin}, {@code contactProfessionals}:
 * optional Booleans of the form; stably safe is judged after contact with both, HP 2019 monitoring [S50]).
 *
 * <p>The audit line names the moment and the answers, never the explanation: that may name persons and stays in the
 * engine's history.
 */
@Component("monitoringmomentControle")
@ProcesBean
class MonitoringmomentControle implements TaskListener {

  private final AuditLog audit;

  MonitoringmomentControle(AuditLog audit) {
    this.audit = audit;
  }

  @Override
  public void notify(DelegateTask taak) {
    Object nageleefd = taak.getVariable("voorwaardenNageleefd");
    Object stabielVeilig = taak.getVariable("stabielVeilig");
    Object contactGezin = taak.getVariable("contactGezin");
    Object contactProfessionals = taak.getVariable("contactProfessionals");
    List<String> fouten = new ArrayList<>();
    if (!(nageleefd instanceof Boolean)) {
      fouten.add("Geef aan of de veiligheidsvoorwaarden worden nageleefd (voorwaardenNageleefd: ja of nee).");
    }
    if (!(stabielVeilig instanceof Boolean)) {
      fouten.add("Geef aan of het huishouden stabiel veilig is (stabielVeilig: ja of nee).");
    }
    if (MonitoringVariabelen.optioneleTekst(taak, "toelichting").isEmpty()) {
      fouten.add("Een toelichting is verplicht: wat bleek uit het contact met het gezin en de professionals?");
    }
    if (!(contactGezin == null || contactGezin instanceof Boolean)
        || !(contactProfessionals == null || contactProfessionals instanceof Boolean)) {
      fouten.add("Contact met het gezin en met de professionals is ja of nee.");
    } else if (Boolean.TRUE.equals(stabielVeilig)
        && (Boolean.FALSE.equals(contactGezin) || Boolean.FALSE.equals(contactProfessionals))) {
      fouten.add("Stabiel veilig kunt u alleen vaststellen na contact met het gezin en met de betrokken "
          + "professionals.");
    }
    if (!fouten.isEmpty()) {
      throw new OngeldigeTaakInvoerException(String.join(" ", fouten));
    }

    String zaaknummer = MonitoringVariabelen.tekst(taak, "zaaknummer");
    var gebruiker = taak.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String actor = gebruiker != null && gebruiker.getUserId() != null ? gebruiker.getUserId()
        : taak.getAssignee() != null ? taak.getAssignee() : MonitoringVariabelen.SYSTEEM;
    audit.schrijf(zaaknummer, actor, "MONITORINGSMOMENT", "Monitoringsmoment " + taak.getVariable("momentNummer")
        + " (gepland " + taak.getVariable("momentDatum") + ") vastgelegd: voorwaarden nageleefd: " + jaNee(nageleefd)
        + "; stabiel veilig: " + jaNee(stabielVeilig) + "; contact met het gezin: " + jaNee(contactGezin)
        + "; contact met de professionals: " + jaNee(contactProfessionals)
        + (Boolean.TRUE.equals(nageleefd) && Boolean.TRUE.equals(stabielVeilig) ? "" : "; opnieuw onveilig"));
  }
}
