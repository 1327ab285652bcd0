package nl.hgkm.keten.radar;

import static nl.hgkm.keten.integratie.ProcesVariabelen.tekst;
import static nl.hgkm.keten.integratie.ProcesVariabelen.verzoekId;
import static nl.hgkm.keten.integratie.ProcesVariabelen.zaaknummer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.hgkm.keten.engine.ProcesBean;
import nl.hgkm.keten.integratie.register.VeiligThuisRegister;
import nl.hgkm.keten.zaak.Betrokkene;
import nl.hgkm.keten.zaak.DossierRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Looks every person of a melding up in the national Veilig Thuis-register: is another region involved? Reads
 * {@code zaaknummer}, {@code regio}, {@code meldingId} and, from the case file, the melding's persons (a person
 * without BSN and without name plus birth date cannot be looked up and is skipped). Sets {@code registerTreffers}
 * (Integer: persons known elsewhere). Use with {@code camunda:asyncBefore} and {@code ${retry.register}}.
 *
 * <p>One request per person with {@code Idempotency-Key <verzoekId>.<betrokkene id>}: a retry after a failure halfway
 * repeats the same keys, and the register does not notify the other regions twice.
 */
@Component("registerRaadplegen")
@ProcesBean
class RegisterRaadplegen implements JavaDelegate {

  private final VeiligThuisRegister register;
  private final DossierRepository dossiers;
  private final RegisterRaadpleging raadpleging;

  RegisterRaadplegen(VeiligThuisRegister register, DossierRepository dossiers, RegisterRaadpleging raadpleging) {
    this.register = register;
    this.dossiers = dossiers;
    this.raadpleging = raadpleging;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String zaaknummer = zaaknummer(execution);
    String regio = tekst(execution, "regio");
    long meldingId = meldingId(execution);
    String verzoekId = verzoekId(execution);
    List<RegisterRaadpleging.Treffer> treffers = new ArrayList<>();
    int geraadpleegd = 0;
    for (Betrokkene persoon : personen(dossiers, zaaknummer, meldingId)) {
      Optional<VeiligThuisRegister.RegisterPersoon> zoek =
          VeiligThuisRegister.RegisterPersoon.van(persoon.bsn(), persoon.naam(), persoon.geboortedatum());
      if (zoek.isEmpty()) {
        continue;
      }
      geraadpleegd++;
      VeiligThuisRegister.Raadpleging antwoord = register.raadpleeg(zoek.get(), regio, verzoekId + "." + persoon.id());
      antwoord.betrokkenheden().stream()
          .filter(b -> b.regio() != null && !b.regio().equals(regio))
          .forEach(b -> treffers.add(new RegisterRaadpleging.Treffer(persoon.id(), b)));
    }
    raadpleging.verwerk(zaaknummer, meldingId, geraadpleegd, treffers);
    execution.setVariable("registerTreffers", (int) treffers.stream()
        .mapToLong(RegisterRaadpleging.Treffer::betrokkeneId).distinct().count());
  }

  static long meldingId(DelegateExecution execution) {
    Object waarde = execution.getVariable("meldingId");
    if (waarde instanceof Number nummer) {
      return nummer.longValue();
    }
    throw new IllegalStateException("Procesvariabele meldingId ontbreekt of is geen getal");
  }

  static List<Betrokkene> personen(DossierRepository dossiers, String zaaknummer, long meldingId) {
    return dossiers.betrokkenen(zaaknummer).stream().filter(b -> b.meldingId() == meldingId).toList();
  }
}
