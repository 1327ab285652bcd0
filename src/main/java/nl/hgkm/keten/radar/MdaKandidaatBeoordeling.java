package nl.hgkm.keten.radar;

import java.util.ArrayList;
import java.util.List;
import nl.hgkm.keten.engine.OngeldigeTaakInvoerException;
import nl.hgkm.keten.engine.ProcesBean;
import nl.hgkm.keten.kalender.Klok;
import nl.hgkm.keten.zaak.AuditLog;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Complete listener of {@code mda-kandidaat-beoordelen}: checks the team leader's answer ({@code mdaAanmelden}
 * Boolean, {@code toelichting} text, both required) and records it on the case's radar signals and in its audit
 * trail. The case worker's registration for MDA++ itself stays in process {@code melding}; this assessment tells
 * the team whether the team leader recommends it. An invalid answer is refused: the task stays open.
 */
@Component("mdaKandidaatBeoordeling")
@ProcesBean
class MdaKandidaatBeoordeling implements TaskListener {

  static final int MAXIMALE_TOELICHTING = 4000;

  private final RadarRepository radar;
  private final AuditLog audit;
  private final Klok klok;

  MdaKandidaatBeoordeling(RadarRepository radar, AuditLog audit, Klok klok) {
    this.radar = radar;
    this.audit = audit;
    this.klok = klok;
  }

  @Override
  public void notify(DelegateTask taak) {
    Object mdaAanmelden = taak.getVariable("mdaAanmelden");
    Object toelichting = taak.getVariable("toelichting");
    List<String> fouten = new ArrayList<>();
    if (!(mdaAanmelden instanceof Boolean)) {
      fouten.add("mdaAanmelden: geef aan of u aanmelden voor MDA++ aanbeveelt (ja of nee)");
    }
    if (!(toelichting instanceof String tekst) || tekst.isBlank()) {
      fouten.add("toelichting: licht uw beoordeling toe");
    } else if (tekst.length() > MAXIMALE_TOELICHTING) {
      fouten.add("toelichting: hoogstens " + MAXIMALE_TOELICHTING + " tekens");
    }
    if (!fouten.isEmpty()) {
      throw new OngeldigeTaakInvoerException(String.join("; ", fouten));
    }
    boolean aanmelden = (Boolean) mdaAanmelden;
    String door = beoordelaar(taak);
    String zaaknummer = taak.getExecution().getProcessBusinessKey();
    radar.beoordeling(taak.getProcessInstanceId(), aanmelden, ((String) toelichting).strip(), door, klok.nu());
    // The explanation may name people: it stays in radar_signaal, not in the audit line.
    audit.schrijf(zaaknummer, door, "RADARSIGNAAL_BEOORDEELD", "Kandidaat voor MDA++ beoordeeld door de teamleider: "
        + (aanmelden ? "aanmelden voor MDA++ aanbevolen" : "geen aanmelding voor MDA++")
        + " (toelichting in de radar van het dossier)");
  }

  private static String beoordelaar(DelegateTask taak) {
    Authentication ingelogd = taak.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (ingelogd != null && ingelogd.getUserId() != null) {
      return ingelogd.getUserId();
    }
    return taak.getAssignee() != null ? taak.getAssignee() : RadarSignalen.SYSTEEM;
  }
}
