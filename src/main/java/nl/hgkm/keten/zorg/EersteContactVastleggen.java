package nl.hgkm.keten.zorg;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import nl.hgkm.keten.engine.OngeldigeTaakInvoerException;
import nl.hgkm.keten.engine.ProcesBean;
import nl.hgkm.keten.kalender.Klok;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Records per person whether contact was made and whether help was accepted or refused. */
@Component("eersteContactVastleggen")
@ProcesBean
class EersteContactVastleggen implements TaskListener {

  private final JdbcClient jdbc;
  private final Klok klok;
  private final IdentityService identityService;

  EersteContactVastleggen(JdbcClient jdbc, Klok klok, IdentityService identityService) {
    this.jdbc = jdbc;
    this.klok = klok;
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateTask taak) {
    if (!(taak.getVariable("contactGelegd") instanceof Boolean contact)
        || !(taak.getVariable("hulpAanvaard") instanceof Boolean aanvaard)) {
      throw new OngeldigeTaakInvoerException("contactGelegd en hulpAanvaard moeten ja of nee zijn");
    }
    if (aanvaard && !contact) {
      throw new OngeldigeTaakInvoerException("hulp kan niet aanvaard zijn zonder contact");
    }
    Object toelichting = taak.getVariable("toelichting");
    Authentication gebruiker = identityService.getCurrentAuthentication();
    jdbc.sql("""
            insert into hulpaanbod_contact (zaaknummer, persoon_id, contact_gelegd, hulp_aanvaard, toelichting,
              vastgelegd_op, vastgelegd_door)
            values (:zaak, :persoon, :contact, :aanvaard, :toelichting, :op, :door)""")
        .param("zaak", taak.getVariable("zaaknummer"))
        .param("persoon", ((Number) taak.getVariable("persoonId")).longValue())
        .param("contact", contact)
        .param("aanvaard", aanvaard)
        .param("toelichting", toelichting instanceof String s ? s : null)
        .param("op", OffsetDateTime.ofInstant(klok.nu(), ZoneOffset.UTC))
        .param("door", gebruiker == null ? "systeem" : gebruiker.getUserId())
        .update();
  }
}
