package nl.hgkm.keten.integratie.zorg;

import java.time.Instant;
import java.util.List;
import nl.hgkm.keten.integratie.HttpKoppeling;
import nl.hgkm.keten.integratie.IntegratieProperties;
import nl.hgkm.keten.integratie.Persoon;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** {@link ZorgSysteem} over the care REST API described in this package's {@code package-info}. */
@Component
public class ZorgHttpAdapter implements ZorgSysteem {

  static final String SYSTEEM = "Zorgsysteem";
  static final String VERWIJZINGEN = "/api/v1/verwijzingen";
  static final String BEEINDIGING = "/api/v1/verwijzingen/{verwijzingId}/beeindiging";

  private final HttpKoppeling koppeling;

  public ZorgHttpAdapter(IntegratieProperties properties, RestClient.Builder builder) {
    this.koppeling = new HttpKoppeling(SYSTEEM, properties.zorg(), builder);
  }

  @Override
  public String verwijs(Verwijzing v, String verzoekId) {
    return koppeling.postVoorId("verwijs", verzoekId,
        new VerwijzingBody(v.zaaknummer(), v.gemeente(), v.personen(), v.huisverbodEindigtOp()), VERWIJZINGEN);
  }

  @Override
  public void meldEinde(EindeHuisverbod e, String verzoekId) {
    koppeling.post("meldEinde", verzoekId, new BeeindigingBody(e.zaaknummer(), e.beeindigdOp(), e.reden()),
        BEEINDIGING, e.verwijzingId());
  }

  record VerwijzingBody(String zaaknummer, String gemeente, List<Persoon> personen, Instant huisverbodEindigtOp) {}

  record BeeindigingBody(String zaaknummer, Instant beeindigdOp, String reden) {}
}
