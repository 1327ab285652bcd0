package nl.hgkm.keten.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** When the what-if replay counts an outcome as changed (docs/wat-als.md, "Vergelijken"). */
class WatAlsVergelijkingTest {

  @Test
  @DisplayName("Hetzelfde getal in een ander Java-type is geen wijziging")
  void getallen() {
    assertThat(WatAls.gelijkeWaarde(2, 2L)).isTrue();
    assertThat(WatAls.gelijkeWaarde(2.0d, 2)).isTrue();
    assertThat(WatAls.gelijkeWaarde(2.5d, 2)).isFalse();
    assertThat(WatAls.gelijkeWaarde(null, null)).isTrue();
    assertThat(WatAls.gelijkeWaarde(null, 0)).isFalse();
    assertThat(WatAls.gelijkeWaarde("2", 2)).isFalse();
  }

  @Test
  @DisplayName("Bij FIRST en de andere enkelvoudige hit policies telt de volgorde van de uitvoer")
  void volgordeTelt() {
    List<Map<String, Object>> ab = List.of(uit("grond", "a"), uit("grond", "b"));
    List<Map<String, Object>> ba = List.of(uit("grond", "b"), uit("grond", "a"));
    assertThat(WatAls.gelijkeUitkomst(ab, ba, false)).isFalse();
    assertThat(WatAls.gelijkeUitkomst(ab, List.of(uit("grond", "a"), uit("grond", "b")), false)).isTrue();
  }

  @Test
  @DisplayName("Bij COLLECT zonder aggregatie telt de verzameling, niet de volgorde; wel hoe vaak")
  void verzamelingBijCollect() {
    List<Map<String, Object>> ab = List.of(uit("grond", "a"), uit("grond", "b"));
    List<Map<String, Object>> ba = List.of(uit("grond", "b"), uit("grond", "a"));
    assertThat(WatAls.gelijkeUitkomst(ab, ba, true)).isTrue();
    assertThat(WatAls.gelijkeUitkomst(ab, List.of(uit("grond", "a")), true)).isFalse();
    assertThat(WatAls.gelijkeUitkomst(List.of(uit("grond", "a"), uit("grond", "a")), List.of(uit("grond", "a")),
        true)).isFalse();
  }

  @Test
  @DisplayName("Een andere uitvoernaam of een extra uitvoer is een wijziging; de volgorde van kolommen niet")
  void uitvoerNamen() {
    Map<String, Object> twee = new LinkedHashMap<>();
    twee.put("categorie", "HERMELDING");
    twee.put("radarSignaal", true);
    Map<String, Object> omgekeerd = new LinkedHashMap<>();
    omgekeerd.put("radarSignaal", true);
    omgekeerd.put("categorie", "HERMELDING");
    assertThat(WatAls.gelijkeUitkomst(List.of(twee), List.of(omgekeerd), false)).isTrue();
    assertThat(WatAls.gelijkeUitkomst(List.of(twee), List.of(uit("categorie", "HERMELDING")), false)).isFalse();
    assertThat(WatAls.gelijkeUitkomst(List.of(uit("advies", "X")), List.of(uit("uitkomst", "X")), false)).isFalse();
  }

  @Test
  @DisplayName("Geen regel geraakt, oud en nieuw: gelijk")
  void geenRegel() {
    assertThat(WatAls.gelijkeUitkomst(List.of(), List.of(), false)).isTrue();
    assertThat(WatAls.gelijkeUitkomst(List.of(), List.of(uit("grond", "a")), true)).isFalse();
  }

  private static Map<String, Object> uit(String naam, Object waarde) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(naam, waarde);
    return m;
  }
}
