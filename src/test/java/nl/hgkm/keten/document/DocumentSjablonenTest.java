package nl.hgkm.keten.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DocumentSjablonenTest {

  private final DocumentSjablonen sjablonen = new DocumentSjablonen();

  private Map<String, Object> waarden() {
    Map<String, Object> waarden = new HashMap<>();
    waarden.put("nummer", "HV-2027-000001");
    waarden.put("naam", "P. Pleger");
    waarden.put("moment", "23 april 2027");
    return waarden;
  }

  @Test
  void secties_weggelaten_laten_geen_gaten_achter() {
    DocumentSjablonen.Opgemaakt document = sjablonen.maakOp("test-secties", waarden());

    assertThat(document.titel()).isEqualTo("Testdocument HV-2027-000001");
    assertThat(document.tekst()).isEqualTo("Aanhef voor P. Pleger.\n\nGeen personen.\n\nSlot.\n");
  }

  @Test
  void secties_getoond_bij_waar_niet_lege_tekst_en_genest() {
    Map<String, Object> waarden = waarden();
    waarden.put("mondeling", true);
    waarden.put("lijst", "   - A\n   - B");
    waarden.put("buiten", "ja");
    waarden.put("binnen", List.of("x"));

    assertThat(sjablonen.maakOp("test-secties", waarden).tekst()).isEqualTo("""
        Aanhef voor P. Pleger.

        Mondeling opgelegd op 23 april 2027.

        Personen:
           - A
           - B

        Buiten en binnen.

        Slot.
        """);
  }

  @Test
  void lege_tekst_en_false_tellen_als_niet_waar() {
    Map<String, Object> waarden = waarden();
    waarden.put("mondeling", false);
    waarden.put("lijst", "  ");
    waarden.put("buiten", true);
    waarden.put("binnen", List.of());

    assertThat(sjablonen.maakOp("test-secties", waarden).tekst())
        .doesNotContain("Mondeling").contains("Geen personen.").contains("Buiten.");
  }

  @Test
  void ontbrekende_waarde_is_een_fout() {
    Map<String, Object> waarden = waarden();
    waarden.remove("naam");
    assertThatThrownBy(() -> sjablonen.maakOp("test-secties", waarden))
        .hasMessageContaining("mist een waarde voor {{naam}}");
  }

  @Test
  void waarden_worden_niet_als_sjabloon_gelezen() {
    Map<String, Object> waarden = waarden();
    waarden.put("naam", "{{nummer}} {{#x}}");
    assertThat(sjablonen.maakOp("test-secties", waarden).tekst()).startsWith("Aanhef voor {{nummer}} {{#x}}.");
  }

  @Test
  void de_beschikkingen_van_het_project_bestaan_en_beginnen_met_een_titel() {
    for (String sjabloon : List.of("beschikking-oplegging", "beschikking-verlenging", "beschikking-intrekking")) {
      assertThatThrownBy(() -> sjablonen.maakOp(sjabloon, Map.of()))
          .as(sjabloon).hasMessageContaining("mist een waarde voor {{zaaknummer}}");
    }
  }
}
