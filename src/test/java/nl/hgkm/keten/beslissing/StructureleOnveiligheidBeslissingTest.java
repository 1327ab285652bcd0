package nl.hgkm.keten.beslissing;

import static nl.hgkm.keten.beslissing.Beslissingstabel.invoer;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Decision {@code structurele-onveiligheid} (COLLECT): one ground per input that is true, named after that input. */
class StructureleOnveiligheidBeslissingTest {

  /** The inputs in rule order; each is also the ground it yields. */
  private static final List<String> GRONDEN =
      List.of(
          "ouderProblematiekHerhaaldBedreigendVoorKind",
          "zorgafhankelijkeVolwasseneHerhaaldBedreigd",
          "kindStelselmatigGetuigeHG",
          "escalerendeLangdurigeStalking",
          "herhalendeOfVoortdurendeOnveiligeGebeurtenissen");

  private static final Beslissingstabel TABEL = Beslissingstabel.laad("structurele-onveiligheid");

  static List<String> gronden() {
    return GRONDEN;
  }

  static List<List<String>> elkeCombinatie() {
    return Beslissingstabel.deelverzamelingen(GRONDEN);
  }

  @ParameterizedTest(name = "alleen {0}")
  @MethodSource("gronden")
  void elkeRegelGeeftDeNaamVanZijnInvoer(String grond) {
    assertThat(TABEL.verzamel("grond", metWaar(List.of(grond)))).containsExactly(grond);
  }

  @ParameterizedTest(name = "waar: {0}")
  @MethodSource("elkeCombinatie")
  void elkeCombinatieGeeftPreciesDeWareInvoerInRegelvolgorde(List<String> waar) {
    assertThat(TABEL.verzamel("grond", metWaar(waar))).containsExactlyElementsOf(waar);
  }

  @ParameterizedTest(name = "{0} niet beantwoord, de rest waar")
  @MethodSource("gronden")
  void eenOnbeantwoordeVraagIsGeenGrond(String onbeantwoord) {
    VariableMap variabelen = metWaar(GRONDEN);
    variabelen.putValue(onbeantwoord, null);

    assertThat(TABEL.verzamel("grond", variabelen))
        .hasSize(GRONDEN.size() - 1)
        .doesNotContain(onbeantwoord);
  }

  @Test
  void zonderAntwoordenGeenGronden() {
    assertThat(TABEL.verzamel("grond", invoer())).isEmpty();
  }

  @Test
  void ontbrekendeInvoerTeltAlsNietBeantwoord() {
    // The intake API passes only the signals a reporter gave; the others are simply absent.
    String gegeven = GRONDEN.get(GRONDEN.size() - 1);

    assertThat(TABEL.verzamel("grond", invoer(gegeven, true, GRONDEN.get(0), false))).containsExactly(gegeven);
  }

  private static VariableMap metWaar(List<String> waar) {
    VariableMap variabelen = invoer();
    GRONDEN.forEach(g -> variabelen.putValue(g, waar.contains(g)));
    return variabelen;
  }
}
