package nl.hgkm.keten.integratie.register;

import java.time.LocalDate;
import nl.hgkm.keten.integratie.HttpKoppeling;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** {@link VeiligThuisRegister} over the register's REST API described in this package's {@code package-info}. */
@Component
public class RegisterHttpAdapter implements VeiligThuisRegister {

  static final String SYSTEEM = "Veilig Thuis-register";
  static final String RAADPLEGINGEN = "/api/v1/raadplegingen";
  static final String BETROKKENHEDEN = "/api/v1/betrokkenheden";

  private final HttpKoppeling koppeling;

  public RegisterHttpAdapter(RegisterProperties properties, RestClient.Builder builder) {
    this.koppeling = new HttpKoppeling(SYSTEEM, properties.register(), builder);
  }

  @Override
  public Raadpleging raadpleeg(RegisterPersoon persoon, String regio, String verzoekId) {
    return koppeling.postVoorAntwoord("raadpleeg", verzoekId, new RaadplegingBody(regio, body(persoon)),
        Raadpleging.class, RAADPLEGINGEN);
  }

  @Override
  public String registreerBetrokkenheid(RegisterPersoon persoon, String regio, String referentie, String verzoekId) {
    return koppeling.postVoorId("registreerBetrokkenheid", verzoekId,
        new BetrokkenheidBody(regio, referentie, body(persoon)), BETROKKENHEDEN);
  }

  private static PersoonBody body(RegisterPersoon persoon) {
    return new PersoonBody(persoon.bsn(), persoon.naam(), persoon.geboortedatum());
  }

  // The JSON bodies, field by field as documented in package-info.

  record PersoonBody(String bsn, String naam, LocalDate geboortedatum) {}

  record RaadplegingBody(String regio, PersoonBody persoon) {}

  record BetrokkenheidBody(String regio, String referentie, PersoonBody persoon) {}
}
