package nl.hgkm.keten.beslissing;

import static nl.hgkm.keten.beslissing.Beslissingstabel.invoer;
import static nl.hgkm.keten.beslissing.Beslissingstabel.rij;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Decision {@code vervolg-na-veiligheidsbeoordeling} (FIRST, rules D1-D11 in the order of research-notes §11(b)).
 * The neutral answer set is T,F,T,T,T,F,F,F,F,F,F (nothing fires before D11); each row changes what it tests. An empty
 * cell is null: an unanswered question matches only "-", so it never fires a rule.
 */
class VervolgNaVeiligheidsbeoordelingBeslissingTest {

  private static final Beslissingstabel TABEL = Beslissingstabel.laad("vervolg-na-veiligheidsbeoordeling");

  @ParameterizedTest(name = "[{index}] {11}")
  @CsvSource({
    // HGofKM, minderjarigMaatregel, aannemelijk, werkenMee, voldoendeInfo, anoniem, acuut, structureel, complex, lopendeHulp, zelfredzaam, vervolg
    // D1, and D1 first of all
    "false, false, true,  true,  true,  false, false, false, false, false, false, OMZETTEN_IN_ADVIES",
    "false, true,  false, false, false, true,  true,  true,  true,  true,  true,  OMZETTEN_IN_ADVIES",
    // D2 before D3-D10
    "true,  true,  true,  true,  true,  false, false, false, false, false, false, VERZOEK_ONDERZOEK_RVDK",
    "true,  true,  false, false, false, true,  true,  true,  true,  true,  true,  VERZOEK_ONDERZOEK_RVDK",
    // D3-D6, each alone and each before D7-D10
    "true,  false, false, true,  true,  false, false, false, false, false, false, ONDERZOEK_VT",
    "true,  false, true,  false, true,  false, false, false, false, false, false, ONDERZOEK_VT",
    "true,  false, true,  true,  false, false, false, false, false, false, false, ONDERZOEK_VT",
    "true,  false, true,  true,  true,  true,  false, false, false, false, false, ONDERZOEK_VT",
    "true,  false, false, true,  true,  false, true,  true,  true,  true,  true,  ONDERZOEK_VT",
    "true,  false, true,  true,  true,  true,  true,  true,  true,  true,  true,  ONDERZOEK_VT",
    // D7 needs structural unsafety and complexity, and comes before D8
    "true,  false, true,  true,  true,  false, false, true,  true,  false, false, MDA_PLUSPLUS",
    "true,  false, true,  true,  true,  false, true,  true,  true,  true,  true,  MDA_PLUSPLUS",
    "true,  false, true,  true,  true,  false, false, false, true,  false, false, OVERDRACHT_LOKAAL_TEAM",
    "true,  false, true,  true,  true,  false, true,  false, true,  false, false, VOORWAARDEN_EN_VERVOLG",
    // D8a, D8b, and D8 before D9
    "true,  false, true,  true,  true,  false, true,  false, false, false, false, VOORWAARDEN_EN_VERVOLG",
    "true,  false, true,  true,  true,  false, false, true,  false, false, false, VOORWAARDEN_EN_VERVOLG",
    "true,  false, true,  true,  true,  false, true,  false, false, true,  true,  VOORWAARDEN_EN_VERVOLG",
    // D9, before D10
    "true,  false, true,  true,  true,  false, false, false, false, true,  false, OVERDRACHT_LOPENDE_HULPVERLENING",
    "true,  false, true,  true,  true,  false, false, false, false, true,  true,  OVERDRACHT_LOPENDE_HULPVERLENING",
    // D10
    "true,  false, true,  true,  true,  false, false, false, false, false, true,  EINDE_BEMOEIENIS",
    // D11
    "true,  false, true,  true,  true,  false, false, false, false, false, false, OVERDRACHT_LOKAAL_TEAM",
    // null (not answered) fires no rule: not D1, not D3, not D8
    ",      ,      ,      ,      ,      ,      ,      ,      ,      ,      ,      OVERDRACHT_LOKAAL_TEAM",
    ",      false, true,  true,  true,  true,  false, false, false, false, false, ONDERZOEK_VT",
    "true,  false, ,      true,  true,  false, true,  false, false, false, false, VOORWAARDEN_EN_VERVOLG",
    "true,  false, true,  true,  true,  false, ,      true,  ,      false, false, VOORWAARDEN_EN_VERVOLG",
  })
  void vervolg(
      Boolean betreftHGofKM,
      Boolean minderjarigeErnstigBedreigdMaatregelNodig,
      Boolean hgkmAannemelijk,
      Boolean betrokkenenWerkenMee,
      Boolean voldoendeInformatie,
      Boolean anonimiteitToegezegd,
      Boolean acuut,
      Boolean structureel,
      Boolean complexHerhaaldMeerdereLeefgebieden,
      Boolean passendeLopendeHulpverlening,
      Boolean zelfredzaamGeenVervolgNodig,
      String vervolg) {
    assertThat(
            TABEL.evalueer(
                invoer(
                    "betreftHGofKM", betreftHGofKM,
                    "minderjarigeErnstigBedreigdMaatregelNodig", minderjarigeErnstigBedreigdMaatregelNodig,
                    "hgkmAannemelijk", hgkmAannemelijk,
                    "betrokkenenWerkenMee", betrokkenenWerkenMee,
                    "voldoendeInformatie", voldoendeInformatie,
                    "anonimiteitToegezegd", anonimiteitToegezegd,
                    "acuut", acuut,
                    "structureel", structureel,
                    "complexHerhaaldMeerdereLeefgebieden", complexHerhaaldMeerdereLeefgebieden,
                    "passendeLopendeHulpverlening", passendeLopendeHulpverlening,
                    "zelfredzaamGeenVervolgNodig", zelfredzaamGeenVervolgNodig)))
        .containsExactly(rij("vervolg", vervolg));
  }
}
