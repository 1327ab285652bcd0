package nl.hgkm.keten.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The person key: stable per person and secret, never the BSN or the name itself. */
class PersoonssleutelsTest {

  private final Persoonssleutels sleutels = Persoonssleutels.met("een-geheim-van-ruim-tweeendertig-tekens-lang");

  @Test
  void eenBsnGeeftAltijdDezelfdeSleutelEnGaatVoorNaamEnGeboortedatum() {
    String sleutel = sleutels.vanBsn("111222333");
    assertThat(sleutel).matches("ps-[0-9a-f]{64}").doesNotContain("111222333");
    assertThat(sleutels.van("111222333", "Anna Jansen", LocalDate.of(1990, 1, 31))).contains(sleutel);
    assertThat(sleutels.van(" 111222333 ", null, null)).contains(sleutel);
    assertThat(Persoonssleutels.isSleutel(sleutel)).isTrue();
    assertThat(Persoonssleutels.isSleutel("111222333")).isFalse();
  }

  @Test
  void zonderBsnTeltDeGenormaliseerdeNaamMetGeboortedatum() {
    LocalDate datum = LocalDate.of(1990, 1, 31);
    assertThat(sleutels.van(null, "  Anna   JANSEN ", datum)).isEqualTo(sleutels.van(null, "anna jansen", datum));
    assertThat(sleutels.van(null, "Anna Jansen", datum)).isNotEqualTo(sleutels.van(null, "Anna Jansen",
        datum.plusDays(1)));
    assertThat(sleutels.van(null, "Anna Jansen", null)).isEmpty();
    // Without a birth date the key holds within the one case only.
    assertThat(sleutels.vanPersoonInZaak(null, "Anna Jansen", null, "VT-2027-000001"))
        .isNotEqualTo(sleutels.vanPersoonInZaak(null, "Anna Jansen", null, "VT-2027-000002"))
        .matches("ps-[0-9a-f]{64}");
  }

  @Test
  void eenAnderGeheimGeeftAndereSleutels() {
    assertThat(Persoonssleutels.met("een-ander-geheim-van-ruim-tweeendertig-tekens").vanBsn("111222333"))
        .isNotEqualTo(sleutels.vanBsn("111222333"));
  }

  @Test
  void geenOfEenTeKortGeheimWeigertDeStart() {
    assertThatThrownBy(() -> Persoonssleutels.met(null)).isInstanceOf(PersoonssleutelOntbreektException.class)
        .hasMessageContaining("keten.privacy.persoonssleutel is niet gezet");
    assertThatThrownBy(() -> Persoonssleutels.met("kort")).isInstanceOf(PersoonssleutelOntbreektException.class)
        .hasMessageContaining("korter dan 32 tekens");
  }
}
