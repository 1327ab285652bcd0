package nl.hgkm.keten.meldcode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import nl.hgkm.keten.kalender.Werkdagenkalender;
import nl.hgkm.keten.zaak.DossierInzage;
import nl.hgkm.keten.zaak.DossierWeergave;
import nl.hgkm.keten.zaak.MeldcodeAfwegingBron;
import org.springframework.stereotype.Component;

/**
 * The weighings linked to a case, for its case file: the answers each stood on when the melding was filed (a filed
 * weighing no longer changes), each with the professional's reasoning. Earlier, changed answers stay in the
 * professional's own record.
 */
@Component
class AfwegingenInDossier implements MeldcodeAfwegingBron {

  private final AfwegingRepository afwegingen;
  private final Werkdagenkalender kalender;

  AfwegingenInDossier(AfwegingRepository afwegingen, Werkdagenkalender kalender) {
    this.afwegingen = afwegingen;
    this.kalender = kalender;
  }

  @Override
  public List<DossierWeergave.MeldcodeAfwegingWeergave> vanZaak(String zaaknummer, boolean identiteitZichtbaar) {
    return afwegingen.vanZaak(zaaknummer).stream()
        .map(afweging -> new DossierWeergave.MeldcodeAfwegingWeergave(
            afweging.id(),
            Boolean.TRUE.equals(afweging.anoniemNaarGezin()) && !identiteitZichtbaar
                ? DossierInzage.ANONIEM : afweging.eigenaar(),
            lokaal(afweging.gemeldOp()),
            afweging.besluit().name(),
            afweging.besluit().tekst(),
            antwoorden(afweging.id())))
        .toList();
  }

  private List<DossierWeergave.AfwegingsantwoordWeergave> antwoorden(String afwegingId) {
    Map<Afwegingsvraag, GegevenAntwoord> huidig = new EnumMap<>(Afwegingsvraag.class);
    afwegingen.geschiedenis(afwegingId).forEach(rij -> huidig.put(rij.vraag(), rij));
    return huidig.values().stream()
        .filter(rij -> rij.antwoord() != null)
        .map(rij -> new DossierWeergave.AfwegingsantwoordWeergave(rij.vraag().nummer(), rij.vraag().vraag(),
            rij.antwoord(), rij.toelichting(), lokaal(rij.gegevenOp())))
        .toList();
  }

  private OffsetDateTime lokaal(Instant moment) {
    return moment == null ? null : kalender.lokaal(moment).toOffsetDateTime();
  }
}
