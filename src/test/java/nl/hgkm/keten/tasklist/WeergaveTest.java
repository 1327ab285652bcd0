package nl.hgkm.keten.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import nl.hgkm.keten.melding.BetrokkeneRol;
import nl.hgkm.keten.melding.LopendeBetrokkenheidFase;
import nl.hgkm.keten.melding.MelderType;
import nl.hgkm.keten.meldcode.Besluit;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;

/** Every code a case manager can meet has words, and dates, periods and yes/no read as a Dutch reader writes them. */
class WeergaveTest {

  /** The grounds: the inputs of these tables are the signal names that COLLECT returns as grond. */
  private static final Set<String> GRONDEN_TABELLEN = Set.of("acute-onveiligheid", "structurele-onveiligheid");

  @Test
  void elkeUitkomstVanElkeBeslissingstabelHeeftWoorden() throws Exception {
    List<String> zonderWoorden = new ArrayList<>();
    for (String code : codesUitDeBeslissingen()) {
      if (!Weergave.woorden().containsKey(code)) {
        zonderWoorden.add(code);
      }
    }
    assertThat(zonderWoorden).as("codes uit decisions/*.dmn zonder woorden in Weergave").isEmpty();
  }

  @Test
  void elkeCodeVanDeDomeinenHeeftWoorden() {
    Set<String> codes = new LinkedHashSet<>();
    Stream.of(MelderType.values(), BetrokkeneRol.values(), LopendeBetrokkenheidFase.values(), Besluit.values())
        .flatMap(Stream::of).map(Enum::name).forEach(codes::add);
    // Contract §3: the decision to impose, who imposed it, the court's ruling.
    codes.addAll(List.of("OPLEGGEN", "NIET_OPLEGGEN", "BURGEMEESTER", "LOCOBURGEMEESTER", "HULPOFFICIER",
        "AFGEWEZEN", "TOEGEWEZEN", "NA_VEILIGHEIDSBEOORDELING", "NA_ONDERZOEK"));
    assertThat(codes).allSatisfy(code -> assertThat(Weergave.woorden()).as(code).containsKey(code));
  }

  @Test
  void elkeKeuzeInEenFormulierHeeftWoorden() throws Exception {
    List<String> zonderWoorden = new ArrayList<>();
    for (Path formulier : formulieren()) {
      var matcher = java.util.regex.Pattern.compile("\"value\": \"([A-Z][A-Z_]+)\"")
          .matcher(Files.readString(formulier));
      while (matcher.find()) {
        if (!Weergave.woorden().containsKey(matcher.group(1))) {
          zonderWoorden.add(formulier.getFileName() + ": " + matcher.group(1));
        }
      }
    }
    assertThat(zonderWoorden).isEmpty();
  }

  @Test
  void geenWoordIsNogDeCode() {
    assertThat(Weergave.woorden()).allSatisfy((code, woorden) -> {
      assertThat(woorden).as(code).isNotBlank();
      if (!code.equals(code.toLowerCase())) {
        assertThat(woorden).as(code).isNotEqualTo(code); // "mensenhandel" is its own word
      }
      assertThat(woorden).as(code).doesNotContain("_");
    });
  }

  @Test
  void datumsEnTijdenZoalsEenNederlandseLezerZeSchrijft() {
    Instant ontvangen = Instant.parse("2026-12-03T08:42:40Z");
    assertThat(Weergave.datumTijd(ontvangen)).isEqualTo("3 december 2026 om 09:42");
    assertThat(Weergave.tijdstip(Date.from(ontvangen))).contains("3 december 2026 om 09:42");
    assertThat(Weergave.tijdstip("2026-03-25T12:00:00+01:00")).contains("25 maart 2026 om 12:00");
    // Summer time: the clock in the Netherlands, not UTC.
    assertThat(Weergave.tijdstip("2026-07-01T22:30:00Z")).contains("2 juli 2026 om 00:30");
    assertThat(Weergave.tijdstip("2026-12-10")).contains("10 december 2026");
    assertThat(Weergave.tijdstip(LocalDate.of(2027, 1, 1))).contains("1 januari 2027");
    assertThat(Weergave.tijdstip("geen datum")).isEmpty();
    assertThat(Weergave.tijdstip(42)).isEmpty();
  }

  @Test
  void eenTermijnOpDeKaartIsKort() {
    // The working-day calendar ends a term at 23:59:59 local time: the day is enough.
    assertThat(Weergave.termijn(Instant.parse("2026-12-09T22:59:59Z"))).isEqualTo("9 december 2026");
    assertThat(Weergave.termijn(Instant.parse("2026-12-04T13:30:00Z"))).isEqualTo("4 dec. 2026 14:30");
  }

  @Test
  void periodesInWoorden() {
    assertThat(Weergave.periode("P1M")).contains("1 maand");
    assertThat(Weergave.periode("P3M")).contains("3 maanden");
    assertThat(Weergave.periode("P2W")).contains("2 weken");
    assertThat(Weergave.periode("P1Y6M")).contains("1 jaar en 6 maanden");
    assertThat(Weergave.periode("P10D")).contains("10 dagen");
    assertThat(Weergave.periode("PT2H")).isEmpty();
  }

  @Test
  void codesLijstenEnGrondenInWoorden() {
    assertThat(Weergave.woord("BURGER")).isEqualTo("burger");
    assertThat(Weergave.woord("NIEUWE_MELDING")).isEqualTo("nieuwe melding");
    assertThat(Weergave.woord("Vrije tekst blijft")).isEqualTo("Vrije tekst blijft");
    assertThat(Weergave.lijst("VERVOLG_JA_NEE, OVERDRACHTSPARTIJEN"))
        .isEqualTo("of er een vervolg is, aan wie is overgedragen");
    assertThat(Weergave.lijst("")).isEqualTo("geen");
    assertThat(Weergave.gronden("directLevensgevaar", "kindStelselmatigGetuigeHG, escalerendeLangdurigeStalking"))
        .isEqualTo("""
            - **Acuut**: direct levensgevaar
            - **Structureel**: kind is stelselmatig getuige van huiselijk geweld
            - **Structureel**: escalerende, langdurige stalking""");
    assertThat(Weergave.gronden("", "")).isEqualTo("Geen acute of structurele gronden uit de melding.");
    assertThat(Weergave.janee(true)).isEqualTo("ja");
    assertThat(Weergave.janee(false)).isEqualTo("nee");
  }

  /** Literal string outputs of every rule, and for the grounds tables the input names. */
  private static Set<String> codesUitDeBeslissingen() throws Exception {
    Set<String> codes = new LinkedHashSet<>();
    try (Stream<Path> bestanden = Files.list(Path.of("decisions"))) {
      for (Path dmn : bestanden.filter(p -> p.toString().endsWith(".dmn")).toList()) {
        DmnModelInstance model;
        try (InputStream in = Files.newInputStream(dmn)) {
          model = Dmn.readModelFromStream(in);
        }
        for (DecisionTable tabel : model.getModelElementsByType(DecisionTable.class)) {
          String beslissing = ((org.camunda.bpm.model.dmn.instance.Decision) tabel.getParentElement()).getId();
          for (Rule regel : tabel.getRules()) {
            for (OutputEntry uitvoer : regel.getOutputEntries()) {
              var m = java.util.regex.Pattern.compile("^\"([A-Za-z_]+)\"$").matcher(uitvoer.getTextContent().trim());
              if (m.find()) {
                codes.add(m.group(1));
              }
            }
          }
          if (GRONDEN_TABELLEN.contains(beslissing)) {
            for (Input invoer : tabel.getInputs()) {
              codes.add(invoer.getInputExpression().getTextContent().trim());
            }
          }
        }
      }
    }
    assertThat(codes).as("codes gevonden in decisions/").hasSizeGreaterThan(40);
    return codes;
  }

  static List<Path> formulieren() throws Exception {
    try (Stream<Path> bestanden = Files.list(Path.of("processes", "forms"))) {
      return bestanden.filter(p -> p.toString().endsWith(".form")).sorted().toList();
    }
  }
}
