package nl.hgkm.keten.radar;

import static nl.hgkm.keten.integratie.ProcesVariabelen.tekst;
import static nl.hgkm.keten.integratie.ProcesVariabelen.verzoekId;
import static nl.hgkm.keten.integratie.ProcesVariabelen.zaaknummer;

import java.util.Optional;
import nl.hgkm.keten.engine.ProcesBean;
import nl.hgkm.keten.integratie.register.VeiligThuisRegister;
import nl.hgkm.keten.zaak.AuditLog;
import nl.hgkm.keten.zaak.Betrokkene;
import nl.hgkm.keten.zaak.DossierRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Makes our region's involvement with every person of a melding visible in the national Veilig Thuis-register, with
 * the zaaknummer as our own reference. Reads {@code zaaknummer}, {@code regio}, {@code meldingId} and the melding's
 * persons (those without BSN and without name plus birth date are skipped). Sets {@code registerRegistraties}
 * (Integer). Use with {@code camunda:asyncBefore} and {@code ${retry.register}}; one request per person with
 * {@code Idempotency-Key <verzoekId>.<betrokkene id>}.
 */
@Component("registerBetrokkenheidRegistreren")
@ProcesBean
class RegisterBetrokkenheidRegistreren implements JavaDelegate {

  private final VeiligThuisRegister register;
  private final DossierRepository dossiers;
  private final AuditLog audit;

  RegisterBetrokkenheidRegistreren(VeiligThuisRegister register, DossierRepository dossiers, AuditLog audit) {
    this.register = register;
    this.dossiers = dossiers;
    this.audit = audit;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String zaaknummer = zaaknummer(execution);
    String regio = tekst(execution, "regio");
    long meldingId = RegisterRaadplegen.meldingId(execution);
    String verzoekId = verzoekId(execution);
    int geregistreerd = 0;
    for (Betrokkene persoon : RegisterRaadplegen.personen(dossiers, zaaknummer, meldingId)) {
      Optional<VeiligThuisRegister.RegisterPersoon> registreer =
          VeiligThuisRegister.RegisterPersoon.van(persoon.bsn(), persoon.naam(), persoon.geboortedatum());
      if (registreer.isPresent()) {
        register.registreerBetrokkenheid(registreer.get(), regio, zaaknummer, verzoekId + "." + persoon.id());
        geregistreerd++;
      }
    }
    execution.setVariable("registerRegistraties", geregistreerd);
    audit.schrijf(zaaknummer, RadarSignalen.SYSTEEM, "REGISTER_BETROKKENHEID", "Betrokkenheid van " + regio
        + " bij melding " + meldingId + " zichtbaar gemaakt in het Veilig Thuis-register (" + geregistreerd
        + " persoon/personen)");
  }
}
