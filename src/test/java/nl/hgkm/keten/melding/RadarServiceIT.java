package nl.hgkm.keten.melding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.hgkm.keten.support.KetenIntegratieTest;
import nl.hgkm.keten.zaak.AuditLog;
import nl.hgkm.keten.zaak.Bsn;
import nl.hgkm.keten.zaak.DossierRepository;
import nl.hgkm.keten.zaak.TestBsn;
import nl.hgkm.keten.zaak.TestDossiers;
import nl.hgkm.keten.zaak.Zaaktype;
import nl.hgkm.keten.zaak.ZaaknummerGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The radar's lookups and classification on case files written straight into the tables. These cases have no
 * running process, so Veilig Thuis is not involved any more: a match is earlier involvement (hermelding).
 */
@KetenIntegratieTest
class RadarServiceIT {

  static final String AMSTERDAM = "amsterdam-amstelland";
  static final String UTRECHT = "utrecht";

  @Autowired RadarService radar;
  @Autowired DossierRepository dossierRepository;
  @Autowired ZaaknummerGenerator zaaknummers;
  @Autowired AuditLog audit;

  TestDossiers dossiers;
  String naam;
  LocalDate geboortedatum = LocalDate.of(1988, 2, 29);

  @BeforeEach
  void uniekePersoon() {
    dossiers = new TestDossiers(dossierRepository, zaaknummers, audit);
    naam = "Radar " + UUID.randomUUID();
  }

  @Test
  void eenOnbekendePersoonGeeftEenNieuweMelding() {
    RadarUitkomst uitkomst = radar.bevraag(AMSTERDAM, List.of(persoon(naam, geboortedatum, TestBsn.nieuw())));

    assertThat(uitkomst.categorie()).isEqualTo("NIEUWE_MELDING");
    assertThat(uitkomst.fase()).isEqualTo(LopendeBetrokkenheidFase.GEEN);
    assertThat(uitkomst.eerderBekendBijVT()).isFalse();
    assertThat(uitkomst.radarSignaal()).isFalse();
    assertThat(uitkomst.bundelMetLopendDossier()).isFalse();
    assertThat(uitkomst.lopendeZaak()).isNull();
  }

  @Test
  void zelfdeBsnInEenAfgeslotenZaakVanDeRegioIsEenHermelding() {
    String bsn = TestBsn.nieuw();
    String eerder = dossiers.zaakMetPersoon(Zaaktype.MELDING, AMSTERDAM, "Iemand Anders", null, bsn);

    RadarUitkomst uitkomst = radar.bevraag(AMSTERDAM, List.of(persoon(naam, null, bsn)));

    assertThat(uitkomst.categorie()).isEqualTo("HERMELDING");
    assertThat(uitkomst.fase()).isEqualTo(LopendeBetrokkenheidFase.GEEN);
    assertThat(uitkomst.eerderBekendBijVT()).isTrue();
    assertThat(uitkomst.radarSignaal()).isTrue();
    assertThat(uitkomst.bundelMetLopendDossier()).isFalse();
    assertThat(uitkomst.bekendeZakenInRegio()).containsExactly(eerder);
    assertThat(uitkomst.andereRegios()).isEmpty();
    assertThat(uitkomst.samenvatting()).contains("HERMELDING", eerder).doesNotContain(bsn);
  }

  @Test
  void zonderBsnTeltDeGenormaliseerdeNaamMetDeGeboortedatum() {
    String eerder = dossiers.zaakMetPersoon(Zaaktype.MELDING, AMSTERDAM, naam, geboortedatum, null);
    String anders = "  " + naam.toUpperCase().replace(" ", "   ") + " ";

    RadarUitkomst uitkomst = radar.bevraag(AMSTERDAM, List.of(persoon(anders, geboortedatum, null)));

    assertThat(uitkomst.categorie()).isEqualTo("HERMELDING");
    assertThat(uitkomst.bekendeZakenInRegio()).containsExactly(eerder);
  }

  @Test
  void zelfdeNaamMetEenAndereOfOnbekendeGeboortedatumIsNietDezelfdePersoon() {
    dossiers.zaakMetPersoon(Zaaktype.MELDING, AMSTERDAM, naam, geboortedatum, null);

    assertThat(radar.bevraag(AMSTERDAM, List.of(persoon(naam, geboortedatum.plusDays(1), null))).categorie())
        .isEqualTo("NIEUWE_MELDING");
    assertThat(radar.bevraag(AMSTERDAM, List.of(persoon(naam, null, null))).categorie())
        .isEqualTo("NIEUWE_MELDING");
  }

  @Test
  void eenZaakInEenAndereRegioIsEerdereBetrokkenheidZonderInzage() {
    String bsn = TestBsn.nieuw();
    String elders = dossiers.zaakMetPersoon(Zaaktype.MELDING, UTRECHT, naam, geboortedatum, bsn);

    RadarUitkomst uitkomst = radar.bevraag(AMSTERDAM, List.of(persoon(naam, geboortedatum, bsn)));

    assertThat(uitkomst.categorie()).isEqualTo("HERMELDING");
    assertThat(uitkomst.eerderBekendBijVT()).isTrue();
    assertThat(uitkomst.bekendeZakenInRegio()).isEmpty();
    assertThat(uitkomst.andereRegios()).containsExactly(UTRECHT);
    assertThat(uitkomst.samenvatting()).doesNotContain(elders);
  }

  @Test
  void eenHuisverbodIsGeenVeiligThuisZaak() {
    String bsn = TestBsn.nieuw();
    dossiers.zaakMetPersoon(Zaaktype.HUISVERBOD, AMSTERDAM, naam, geboortedatum, bsn);

    assertThat(radar.bevraag(AMSTERDAM, List.of(persoon(naam, geboortedatum, bsn))).categorie())
        .isEqualTo("NIEUWE_MELDING");
  }

  @Test
  void elkeBetrokkeneVanDeMeldingTelt() {
    String bsn = TestBsn.nieuw();
    String eerder = dossiers.zaakMetPersoon(Zaaktype.MELDING, AMSTERDAM, "Kind " + naam, null, bsn);

    RadarUitkomst uitkomst = radar.bevraag(AMSTERDAM,
        List.of(persoon(naam, geboortedatum, TestBsn.nieuw()), persoon("Kind " + naam, null, bsn)));

    assertThat(uitkomst.bekendeZakenInRegio()).containsExactly(eerder);
  }

  @Test
  void eenZaakZonderLopendProcesHeeftGeenLopendeBetrokkenheid() {
    String zaaknummer = dossiers.zaakMetPersoon(Zaaktype.MELDING, AMSTERDAM, naam, geboortedatum, null);

    assertThat(radar.lopendeBetrokkenheid(zaaknummer)).isEmpty();
  }

  private static MeldingVerzoek.Persoon persoon(String naam, LocalDate geboortedatum, String bsn) {
    return new MeldingVerzoek.Persoon(BetrokkeneRol.SLACHTOFFER, naam, geboortedatum, bsn == null ? null : new Bsn(bsn));
  }
}
