package nl.hgkm.keten.zaak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class BsnTest {

  @ParameterizedTest(name = "{0} voldoet aan de elfproef")
  // 111222333 (the contract's example): 9+8+7+12+10+8+9+6-3 = 66; 123456782: 156-2 = 154;
  // 999998456: 369-6 = 363; 999999990: 396; 111111110: 44.
  @ValueSource(strings = {"111222333", "123456782", "999999990", "111111110", "999998456"})
  void geldigeNummers(String nummer) {
    assertThat(Bsn.isGeldig(nummer)).isTrue();
    assertThat(new Bsn(nummer).waarde()).isEqualTo(nummer);
  }

  @ParameterizedTest(name = "{0} voldoet niet aan de elfproef")
  // One digit off, two digits swapped, and all zeros (sum 0 is a multiple of 11 but not a number).
  @ValueSource(strings = {"111222334", "123456789", "213456782", "000000000"})
  void ongeldigeNummers(String nummer) {
    assertThat(Bsn.heeftNegenCijfers(nummer)).isTrue();
    assertThat(Bsn.isGeldig(nummer)).isFalse();
    assertThat(Bsn.van(nummer)).isEmpty();
  }

  @ParameterizedTest(name = "\"{0}\" heeft geen negen cijfers")
  @NullAndEmptySource
  @ValueSource(strings = {"11122233", "1112223330", "11122233a", "111 22 333", "１１１２２２３３３"})
  void geenNegenCijfers(String nummer) {
    assertThat(Bsn.heeftNegenCijfers(nummer)).isFalse();
    assertThat(Bsn.isGeldig(nummer)).isFalse();
    assertThatThrownBy(() -> new Bsn(nummer)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toontHetNummerNietInLogs() {
    assertThat(new Bsn("111222333").toString()).doesNotContain("111222333");
  }

  @Test
  void gegenereerdeTestnummersZijnGeldigEnVerschillend() {
    String eerste = TestBsn.nieuw();
    String tweede = TestBsn.nieuw();
    assertThat(Bsn.isGeldig(eerste)).isTrue();
    assertThat(Bsn.isGeldig(tweede)).isTrue();
    assertThat(eerste).isNotEqualTo(tweede);
  }
}
