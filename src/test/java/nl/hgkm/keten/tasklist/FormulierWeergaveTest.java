package nl.hgkm.keten.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every form speaks in words: a text in a form shows a code, date, period or yes/no only through the words that
 * {@link TaakWeergave} gives the task ({@code {{melderTypeTekst}}}, never {@code {{melderType}}}). What a form may
 * still show as it is stored: numbers, names and texts that people typed or the chain wrote in Dutch.
 */
class FormulierWeergaveTest {

  /** Stored as people or the chain wrote them (free text in Dutch, names, numbers, case numbers). */
  private static final Set<String> ZOALS_OPGESLAGEN = Set.of("zaaknummer", "roodPleger", "roodIncident",
      "roodGezin", "persoonNaam", "omschrijving", "overdrachtAan", "toelichtingOverdracht", "veiligheidsvoorwaarden",
      "momentNummer", "aantalMeldingen", "drempelAantalMeldingen", "periodeTekst", "signaalRedenen", "melderTypen",
      "radarVerhaal", "registerVerhaal", "bevestigdDoor", "termijn");
  private static final Pattern PLAATSHOUDER = Pattern.compile("\\{\\{\\s*([A-Za-z]+)\\s*\\}\\}");

  @Test
  void formulierenTonenGeenCodesMaarWoorden() throws Exception {
    Set<String> woorden = teksten();
    List<String> fouten = new ArrayList<>();
    for (Path formulier : WeergaveTest.formulieren()) {
      for (String tekst : teksten(new ObjectMapper().readTree(formulier.toFile()))) {
        Matcher m = PLAATSHOUDER.matcher(tekst);
        while (m.find()) {
          String naam = m.group(1);
          if (!woorden.contains(naam) && !ZOALS_OPGESLAGEN.contains(naam)) {
            fouten.add(formulier.getFileName() + ": {{" + naam + "}}");
          }
        }
      }
    }
    assertThat(fouten).as("toon in plaats hiervan de woorden ({{naamTekst}}) van TaakWeergave").isEmpty();
  }

  @Test
  void grondenStaanInEenGelabeldeLijst() throws Exception {
    for (String formulier : List.of("veiligheidsbeoordeling.form", "directe-veiligheid.form")) {
      String tekst = String.join("\n", teksten(new ObjectMapper().readTree(Path.of("processes", "forms",
          formulier).toFile())));
      assertThat(tekst).as(formulier).contains("**Gronden uit de melding**\n\n{{grondenTekst}}")
          .doesNotContain("{{acuteGronden}}", "{{structureleGronden}}");
    }
  }

  /** Every variable name TaakWeergave writes. */
  private static Set<String> teksten() {
    Set<String> namen = new LinkedHashSet<>();
    Stream.of(TaakWeergave.CODES, TaakWeergave.LIJSTEN, TaakWeergave.JA_NEE, TaakWeergave.TIJDSTIPPEN,
            TaakWeergave.PERIODES, List.of("regio", "gemeente"))
        .flatMap(List::stream).forEach(n -> namen.add(n + TaakWeergave.ACHTERVOEGSEL));
    namen.add(TaakWeergave.GRONDEN);
    return namen;
  }

  private static List<String> teksten(JsonNode knoop) {
    List<String> teksten = new ArrayList<>();
    if (knoop.isObject() && "text".equals(knoop.path("type").asText())) {
      teksten.add(knoop.path("text").asText());
    }
    knoop.elements().forEachRemaining(kind -> teksten.addAll(teksten(kind)));
    return teksten;
  }
}
