package nl.hgkm.keten.gemeente;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import nl.hgkm.keten.regio.Regios;
import nl.hgkm.keten.support.KetenIntegratieTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The reference data of the whole country (V60/V61, docs/referentiedata.md) and how the application reads them. */
@KetenIntegratieTest
class ReferentiedataIT {

  private static final LocalDate BRONDATUM = LocalDate.of(2023, 1, 1);

  @Autowired JdbcClient jdbc;
  @Autowired Gemeenten gemeenten;
  @Autowired Regios regios;

  @AfterEach
  void ruimTestfusieOp() {
    jdbc.sql("delete from gemeente_spelling where gemeentecode like 'GM99%'").update();
    jdbc.sql("delete from gemeente where gemeentecode like 'GM99%'").update();
    gemeenten.herlees();
  }

  @Test
  @DisplayName("342 gemeenten, 25 Veilig Thuis-regio's, 10 politie-eenheden")
  void aantallen() {
    assertThat(gemeenten.alle(BRONDATUM)).hasSize(342);
    assertThat(jdbc.sql("select count(*) from gemeente").query(Integer.class).single()).isEqualTo(342);
    assertThat(regios.slugs()).hasSize(25).contains("haaglanden", "rotterdam-rijnmond", "utrecht",
        "amsterdam-amstelland");
    assertThat(jdbc.sql("select count(*) from politie_eenheid").query(Integer.class).single()).isEqualTo(10);
  }

  @Test
  @DisplayName("Elke gemeente hoort bij precies één regio en één politie-eenheid; elke regio en eenheid heeft gemeenten")
  void elkeGemeenteEenRegioEnEenEenheid() {
    Map<String, Set<String>> regiosPerCode = new HashMap<>();
    Map<String, Set<String>> eenhedenPerCode = new HashMap<>();
    for (Gemeente g : gemeenten.alle(BRONDATUM)) {
      assertThat(g.regio()).as(g.code()).isNotBlank();
      assertThat(g.politieEenheid()).as(g.code()).isNotBlank();
      assertThat(regios.bestaat(g.regio())).as(g.code()).isTrue();
      regiosPerCode.computeIfAbsent(g.code(), c -> new TreeSet<>()).add(g.regio());
      eenhedenPerCode.computeIfAbsent(g.code(), c -> new TreeSet<>()).add(g.politieEenheid());
    }
    assertThat(regiosPerCode).hasSize(342).allSatisfy((code, r) -> assertThat(r).as(code).hasSize(1));
    assertThat(eenhedenPerCode).allSatisfy((code, e) -> assertThat(e).as(code).hasSize(1));
    assertThat(gemeenten.alle(BRONDATUM).stream().map(Gemeente::regio).collect(Collectors.toSet())).hasSize(25);
    assertThat(gemeenten.alle(BRONDATUM).stream().map(Gemeente::politieEenheid).collect(Collectors.toSet()))
        .hasSize(10);
    assertThat(jdbc.sql("select count(distinct slug) from gemeente").query(Integer.class).single()).isEqualTo(342);
  }

  @Test
  @DisplayName("De tabellen houden precies wat het bronbestand zegt")
  void tabellenGelijkAanBronbestand() throws IOException {
    List<String[]> bron = csv("referentiedata/gemeenten-2023-01-01.csv");
    Map<String, String> vrNaarRegio = csv("referentiedata/regios-2023-01-01.csv").stream()
        .collect(Collectors.toMap(r -> r[0], r -> r[1]));
    assertThat(bron).hasSize(342);
    for (String[] rij : bron) {
      Gemeente g = gemeenten.opDatum(rij[0], BRONDATUM).orElseThrow();
      assertThat(List.of(g.naam(), g.slug(), g.regio())).as(rij[0])
          .containsExactly(rij[1], rij[2], vrNaarRegio.get(rij[4]));
      for (String spelling : rij[3].isEmpty() ? new String[0] : rij[3].split("\\|")) {
        assertThat(gemeenten.vind(spelling, BRONDATUM)).as(spelling).contains(g);
      }
    }
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
      "GM0518;GM0518;haaglanden;den-haag",
      "gm0518;GM0518;haaglanden;den-haag",
      "s-gravenhage;GM0518;haaglanden;den-haag",
      "den-haag;GM0518;haaglanden;den-haag",
      "Den Haag;GM0518;haaglanden;den-haag",
      "'s-Gravenhage;GM0518;haaglanden;den-haag",
      "rotterdam;GM0599;rotterdam-rijnmond;rotterdam",
      "sudwest-fryslan;GM1900;fryslan;noord-nederland",
      "Súdwest-Fryslân;GM1900;fryslan;noord-nederland",
      "den-bosch;GM0796;brabant-noord;oost-brabant",
      "hengelo;GM0164;twente;oost-nederland",
      "bergen-nh;GM0373;noord-holland-noord;noord-holland",
      "utrecht;GM0344;utrecht;midden-nederland",
      "almere;GM0034;flevoland;midden-nederland"})
  @DisplayName("Opzoeken op gemeentecode, naam en gangbare spelling")
  void opzoeken(String invoer, String code, String regio, String eenheid) {
    Gemeente g = gemeenten.vind(invoer, BRONDATUM).orElseThrow();
    assertThat(List.of(g.code(), g.regio(), g.politieEenheid())).containsExactly(code, regio, eenheid);
  }

  @Test
  @DisplayName("Een onbekende naam geeft naburige namen, geen lijst van allemaal")
  void bijnaGoed() {
    assertThat(gemeenten.vind("amsterdm")).isEmpty();
    assertThat(gemeenten.bijna("amsterdm")).first().asString().startsWith("amsterdam (Amsterdam, GM0363)");
    assertThat(gemeenten.bijna("bergen")).anyMatch(s -> s.startsWith("bergen-l "))
        .anyMatch(s -> s.startsWith("bergen-nh ")).hasSizeLessThanOrEqualTo(5);
    assertThat(gemeenten.bijna("gravenhage")).anyMatch(s -> s.startsWith("s-gravenhage "));
    assertThat(gemeenten.bijna("qqqqqqqq")).isEmpty();
  }

  @Test
  @DisplayName("Een fusie per 1 januari verplaatst de zaken van de gemeente op die dag naar de nieuwe regio, niet eerder")
  void fusiePerEenJanuari() {
    // Test data: Testdorp (Utrecht) becomes part of Teststad (Haaglanden) on 1 January 2028.
    LocalDate fusie = LocalDate.of(2028, 1, 1);
    jdbc.sql("""
            insert into gemeente (gemeentecode, geldig_vanaf, geldig_tot, naam, slug, regio, burgemeester, opgegaan_in)
            values ('GM9901', date '2023-01-01', date '2028-01-01', 'Testdorp', 'testdorp', 'utrecht',
                    'De burgemeester van Testdorp', 'GM9902'),
                   ('GM9902', date '2028-01-01', null, 'Teststad', 'teststad', 'haaglanden',
                    'De burgemeester van Teststad', null)""").update();
    gemeenten.herlees();

    assertThat(gemeenten.regioOp("GM9901", fusie.minusDays(1))).contains("utrecht");
    assertThat(gemeenten.regioOp("testdorp", fusie.minusDays(1))).contains("utrecht");
    assertThat(gemeenten.regioOp("GM9901", fusie)).contains("haaglanden");
    assertThat(gemeenten.regioOp("testdorp", fusie)).contains("haaglanden");
    assertThat(gemeenten.vind("testdorp", fusie).orElseThrow().naam()).isEqualTo("Teststad");
    assertThat(gemeenten.alle(fusie.minusDays(1))).extracting(Gemeente::code).contains("GM9901")
        .doesNotContain("GM9902");
    assertThat(gemeenten.alle(fusie)).extracting(Gemeente::code).contains("GM9902").doesNotContain("GM9901");
  }

  private static List<String[]> csv(String pad) throws IOException {
    try (InputStream in = ReferentiedataIT.class.getClassLoader().getResourceAsStream(pad)) {
      String tekst = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return Arrays.stream(tekst.split("\n")).skip(1).filter(r -> !r.isBlank())
          .map(r -> r.split(";", -1)).toList();
    }
  }
}
