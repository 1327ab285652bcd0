package nl.hgkm.keten.radar;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.hgkm.keten.kalender.Klok;
import nl.hgkm.keten.kalender.Werkdagenkalender;
import nl.hgkm.keten.zaak.Betrokkene;
import nl.hgkm.keten.zaak.DossierRepository;
import nl.hgkm.keten.zaak.DossierWeergave;
import nl.hgkm.keten.zaak.RadarOverzicht;
import nl.hgkm.keten.zaak.Zaak;
import org.springframework.stereotype.Component;

/**
 * The radar section of a Veilig Thuis case file: the meldingen about its persons in the region within the radar's
 * period counted back from now (one story across every case they are in), the register's matches, the signals.
 */
@Component
class RadarVerhaal implements RadarOverzicht {

  private final RadarRepository radar;
  private final RadarSignalen signalen;
  private final DossierRepository dossiers;
  private final Werkdagenkalender kalender;
  private final Klok klok;
  private final RadarProperties properties;

  RadarVerhaal(RadarRepository radar, RadarSignalen signalen, DossierRepository dossiers, Werkdagenkalender kalender,
      Klok klok, RadarProperties properties) {
    this.radar = radar;
    this.signalen = signalen;
    this.dossiers = dossiers;
    this.kalender = kalender;
    this.klok = klok;
    this.properties = properties;
  }

  @Override
  public DossierWeergave.RadarWeergave verhaal(Zaak zaak) {
    Instant vanaf = signalen.terug(klok.nu());
    List<DossierWeergave.RadarMeldingWeergave> meldingen = radar
        .meldingenOverPersonen(zaak.zaaknummer(), zaak.regio(), vanaf).stream()
        .map(m -> new DossierWeergave.RadarMeldingWeergave(m.zaaknummer(), lokaal(m.ontvangenOp()), m.melderType(),
            m.categorie()))
        .toList();
    Map<Long, Betrokkene> personen = dossiers.betrokkenen(zaak.zaaknummer()).stream()
        .collect(Collectors.toMap(Betrokkene::id, Function.identity()));
    List<DossierWeergave.RegisterTrefferWeergave> treffers = radar.treffers(zaak.zaaknummer()).stream()
        .map(t -> new DossierWeergave.RegisterTrefferWeergave(t.regio(), t.regioNaam(), t.actueel(),
            persoon(personen.get(t.betrokkeneId())), lokaal(t.gevondenOp())))
        .toList();
    List<DossierWeergave.RadarSignaalWeergave> signaalWeergaven = radar.signalen(zaak.zaaknummer()).stream()
        .map(s -> new DossierWeergave.RadarSignaalWeergave(s.reden().name(), lokaal(s.gesignaleerdOp()),
            s.aantalMeldingen(), s.mdaAanmelden(), s.toelichting(), s.beoordeeldDoor(), lokaal(s.beoordeeldOp())))
        .toList();
    return new DossierWeergave.RadarWeergave(properties.periode().toString(), kalender.lokaleDatum(vanaf),
        meldingen.size(), meldingen, treffers, signaalWeergaven);
  }

  private static String persoon(Betrokkene persoon) {
    return persoon == null ? null : persoon.rol() + " " + persoon.naam();
  }

  private OffsetDateTime lokaal(Instant moment) {
    return moment == null ? null : kalender.lokaal(moment).toOffsetDateTime();
  }
}
