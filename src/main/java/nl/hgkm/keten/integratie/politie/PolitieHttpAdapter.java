package nl.hgkm.keten.integratie.politie;

import java.time.Instant;
import java.util.List;
import nl.hgkm.keten.integratie.HttpKoppeling;
import nl.hgkm.keten.integratie.IntegratieProperties;
import nl.hgkm.keten.integratie.Persoon;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** {@link PolitieSysteem} over the police REST API described in this package's {@code package-info}. */
@Component
public class PolitieHttpAdapter implements PolitieSysteem {

  static final String SYSTEEM = "Politiesysteem";
  static final String HUISVERBODEN = "/api/v1/huisverboden";
  static final String UITREIKINGEN = "/api/v1/huisverboden/{zaaknummer}/uitreikingen";
  static final String VERLENGINGEN = "/api/v1/huisverboden/{zaaknummer}/verlengingen";
  static final String OVERTREDINGEN = "/api/v1/huisverboden/{zaaknummer}/overtredingen";
  static final String BEEINDIGINGEN = "/api/v1/huisverboden/{zaaknummer}/beeindigingen";

  private final HttpKoppeling koppeling;

  public PolitieHttpAdapter(IntegratieProperties properties, RestClient.Builder builder) {
    this.koppeling = new HttpKoppeling(SYSTEEM, properties.politie(), builder);
  }

  @Override
  public String registreerHuisverbod(HuisverbodRegistratie r, String verzoekId) {
    return koppeling.postVoorId("registreerHuisverbod", verzoekId,
        new HuisverbodBody(r.zaaknummer(), r.gemeente(), r.woning(), r.uithuisgeplaatste(), r.contactverbod(),
            r.opgelegdOp(), r.eindigtOp(), r.opgelegdDoor()),
        HUISVERBODEN);
  }

  @Override
  public String vraagUitreikingAan(Uitreiking u, String verzoekId) {
    return koppeling.postVoorId("vraagUitreikingAan", verzoekId,
        new UitreikingBody(u.documentId(), u.titel(), u.inhoud()), UITREIKINGEN, u.zaaknummer());
  }

  @Override
  public void registreerVerlenging(Verlenging v, String verzoekId) {
    koppeling.post("registreerVerlenging", verzoekId, new VerlengingBody(v.eindigtOp()), VERLENGINGEN,
        v.zaaknummer());
  }

  @Override
  public String meldOvertreding(Overtreding o, String verzoekId) {
    return koppeling.postVoorId("meldOvertreding", verzoekId,
        new OvertredingBody(o.overtredingOp(), o.omschrijving()), OVERTREDINGEN, o.zaaknummer());
  }

  @Override
  public void meldEinde(Einde e, String verzoekId) {
    koppeling.post("meldEinde", verzoekId, new BeeindigingBody(e.beeindigdOp(), e.reden()), BEEINDIGINGEN,
        e.zaaknummer());
  }

  // The JSON bodies, field by field as documented in package-info.

  record HuisverbodBody(String zaaknummer, String gemeente, String woning, Persoon uithuisgeplaatste,
      List<Persoon> contactverbod, Instant opgelegdOp, Instant eindigtOp, String opgelegdDoor) {}

  record UitreikingBody(long documentId, String titel, String inhoud) {}

  record VerlengingBody(Instant eindigtOp) {}

  record OvertredingBody(Instant overtredingOp, String omschrijving) {}

  record BeeindigingBody(Instant beeindigdOp, String reden) {}
}
