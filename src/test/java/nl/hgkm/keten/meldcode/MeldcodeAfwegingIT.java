package nl.hgkm.keten.meldcode;

import static nl.hgkm.keten.meldcode.TestAfwegingen.PAD;
import static nl.hgkm.keten.meldcode.TestAfwegingen.haal;
import static nl.hgkm.keten.meldcode.TestAfwegingen.lees;
import static nl.hgkm.keten.meldcode.TestAfwegingen.stap;
import static nl.hgkm.keten.meldcode.TestAfwegingen.weeg;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import nl.hgkm.keten.identiteit.Groepen;
import nl.hgkm.keten.support.KetenIntegratieTest;
import nl.hgkm.keten.zaak.TestGebruikers;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code POST /api/meldcode/afweging} (contract §5): every path through the five questions, a weighing continued step
 * by step, changed answers with their history, refused input that stores nothing, and who may see which weighing.
 */
@KetenIntegratieTest
class MeldcodeAfwegingIT {

  static final String PROFESSIONAL = TestGebruikers.PROFESSIONAL;
  /** A second professional: a weighing is its owner's alone. */
  static final String COLLEGA = "professionalcollega";

  @Autowired TestRestTemplate http;
  @Autowired JdbcClient jdbc;

  @BeforeAll
  static void gebruikers(@Autowired IdentityService identityService) {
    TestGebruikers.zorgVoorAlle(identityService);
    TestGebruikers.zorgVoor(identityService, COLLEGA, Groepen.PROFESSIONAL);
  }

  /** One row per path of the afwegingskader: the answers so far, the outcome and the next question. */
  static Stream<Arguments> paden() {
    return Stream.of(
        arguments("", "IN_AFWEGING", 1),
        arguments("N", "AFSLUITEN_EN_VASTLEGGEN", null),
        arguments("J", "IN_AFWEGING", 2),
        arguments("JJ", "MELDEN_VT_AFWEGINGEN_3_5_SAMEN_MET_VT", 3),
        arguments("JN", "IN_AFWEGING", 3),
        arguments("JNN", "MELDEN_VT", null),
        arguments("JNJ", "IN_AFWEGING", 4),
        arguments("JNJN", "MELDEN_VT", null),
        arguments("JNJJ", "HULP_BIEDEN_OF_ORGANISEREN", 5),
        arguments("JNJJN", "OPNIEUW_MELDEN_VT", null),
        arguments("JNJJJ", "HULP_AFSLUITEN_MET_VOLGAFSPRAKEN", null),
        // Unanswered questions may be sent as null: the weighing stands at the first of them.
        arguments("J----", "IN_AFWEGING", 2),
        arguments("JNJ--", "IN_AFWEGING", 4));
  }

  @ParameterizedTest(name = "{0} -> {1}, volgende {2}")
  @MethodSource("paden")
  void elkPadVanHetAfwegingskader(String antwoorden, String besluit, Integer volgende) {
    ResponseEntity<String> antwoord = weeg(http, PROFESSIONAL, stap(antwoorden));

    assertThat(antwoord.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode uitkomst = lees(antwoord.getBody());
    String afwegingId = uitkomst.path("afwegingId").asText();
    assertThat(antwoord.getHeaders().getLocation()).hasToString(PAD + "/" + afwegingId);
    assertThat(uitkomst.path("besluit").asText()).isEqualTo(besluit);
    assertThat(uitkomst.has("volgendeAfweging")).isTrue();
    assertThat(uitkomst.path("volgendeAfweging").isNull() ? null : uitkomst.path("volgendeAfweging").asInt())
        .isEqualTo(volgende);
    assertThat(uitkomst.path("melden").asBoolean()).isEqualTo(besluit.contains("MELDEN"));
    assertThat(uitkomst.path("uitkomst").asText()).isNotBlank();

    JsonNode vastgelegd = lees(haal(http, PROFESSIONAL, PAD + "/" + afwegingId).getBody());
    assertThat(vastgelegd.path("eigenaar").asText()).isEqualTo(PROFESSIONAL);
    assertThat(vastgelegd.path("stand").path("besluit").asText()).isEqualTo(besluit);
    long beantwoord = antwoorden.chars().filter(c -> c != '-').count();
    List<JsonNode> gegeven = new ArrayList<>();
    vastgelegd.path("antwoorden").forEach(vraag -> {
      if (!vraag.path("antwoord").isNull()) {
        gegeven.add(vraag);
      }
    });
    assertThat(gegeven).hasSize((int) beantwoord);
    assertThat(gegeven).allSatisfy(vraag -> {
      assertThat(vraag.path("toelichting").asText()).startsWith("Toelichting bij afweging " + vraag.path("nummer"));
      assertThat(vraag.path("gegevenDoor").asText()).isEqualTo(PROFESSIONAL);
      assertThat(vraag.path("vraag").asText()).endsWith("?");
    });
  }

  @Test
  void eenAfwegingWordtStapVoorStapVoortgezet() {
    ResponseEntity<String> eerste = weeg(http, PROFESSIONAL, stap("J"));
    assertThat(eerste.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String afwegingId = lees(eerste.getBody()).path("afwegingId").asText();
    assertThat(lees(eerste.getBody()).path("volgendeVraag").asText()).contains("acute onveiligheid");

    // Each step sends only the new answer; the earlier ones stand.
    String[][] stappen = {
        {"q2AcuutOfStructureel", "false", "IN_AFWEGING", "3"},
        {"q3EffectieveHulpMogelijk", "true", "IN_AFWEGING", "4"},
        {"q4HulpAanvaard", "true", "HULP_BIEDEN_OF_ORGANISEREN", "5"},
        {"q5ResultaatBereikt", "true", "HULP_AFSLUITEN_MET_VOLGAFSPRAKEN", null}};
    for (String[] stap : stappen) {
      ObjectNode body = TestAfwegingen.JSON.createObjectNode().put("afwegingId", afwegingId);
      body.putObject("antwoorden").put(stap[0], Boolean.parseBoolean(stap[1]));
      body.putObject("toelichting").put(stap[0], "Waarom " + stap[0] + ".");

      ResponseEntity<String> antwoord = weeg(http, PROFESSIONAL, body);

      assertThat(antwoord.getStatusCode()).as(stap[0]).isEqualTo(HttpStatus.OK);
      JsonNode uitkomst = lees(antwoord.getBody());
      assertThat(uitkomst.path("afwegingId").asText()).isEqualTo(afwegingId);
      assertThat(uitkomst.path("besluit").asText()).as(stap[0]).isEqualTo(stap[2]);
      assertThat(uitkomst.path("volgendeAfweging").isNull() ? null : uitkomst.path("volgendeAfweging").asText())
          .as(stap[0]).isEqualTo(stap[3]);
    }

    JsonNode vastgelegd = lees(haal(http, PROFESSIONAL, PAD + "/" + afwegingId).getBody());
    assertThat(vastgelegd.path("antwoorden")).extracting(v -> v.path("antwoord").asText())
        .containsExactly("true", "false", "true", "true", "true");
    assertThat(vastgelegd.path("antwoorden").get(4).path("toelichting").asText()).isEqualTo("Waarom q5ResultaatBereikt.");
    assertThat(vastgelegd.path("geschiedenis")).hasSize(5);
  }

  @Test
  void hetzelfdeAntwoordOpnieuwSturenVeranderdNiets() {
    String afwegingId = lees(weeg(http, PROFESSIONAL, stap("JN")).getBody()).path("afwegingId").asText();
    ObjectNode opnieuw = stap("JN").put("afwegingId", afwegingId);
    ((ObjectNode) opnieuw.path("toelichting")).removeAll();

    ResponseEntity<String> antwoord = weeg(http, PROFESSIONAL, opnieuw);

    assertThat(antwoord.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(lees(antwoord.getBody()).path("volgendeAfweging").asInt()).isEqualTo(3);
    assertThat(lees(haal(http, PROFESSIONAL, PAD + "/" + afwegingId).getBody()).path("geschiedenis")).hasSize(2);
  }

  @Test
  void eenGewijzigdAntwoordLaatLatereAntwoordenVervallenEnBewaartDeGeschiedenis() {
    String afwegingId = lees(weeg(http, PROFESSIONAL, stap("JNJJ")).getBody()).path("afwegingId").asText();
    ObjectNode anders = TestAfwegingen.JSON.createObjectNode().put("afwegingId", afwegingId);
    anders.putObject("antwoorden").put("q2AcuutOfStructureel", true);
    anders.putObject("toelichting").put("q2AcuutOfStructureel", "Na een tweede gesprek: het kind is niet veilig.");

    ResponseEntity<String> antwoord = weeg(http, PROFESSIONAL, anders);

    assertThat(antwoord.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(lees(antwoord.getBody()).path("besluit").asText()).isEqualTo("MELDEN_VT_AFWEGINGEN_3_5_SAMEN_MET_VT");
    JsonNode vastgelegd = lees(haal(http, PROFESSIONAL, PAD + "/" + afwegingId).getBody());
    assertThat(vastgelegd.path("antwoorden")).extracting(v -> v.path("antwoord").isNull() ? "-" : v.path("antwoord")
        .asText()).containsExactly("true", "true", "-", "-", "-");
    List<String> geschiedenis = new ArrayList<>();
    vastgelegd.path("geschiedenis").forEach(s -> geschiedenis.add(s.path("nummer").asInt() + ":"
        + s.path("soort").asText() + ":" + (s.path("antwoord").isNull() ? "-" : s.path("antwoord").asText())));
    assertThat(geschiedenis).containsExactly("1:ANTWOORD:true", "2:ANTWOORD:false", "3:ANTWOORD:true",
        "4:ANTWOORD:true", "2:ANTWOORD:true", "3:VERVALLEN:-", "4:VERVALLEN:-");
  }

  @Test
  void eenAntwoordIntrekkenZetDeAfwegingTerug() {
    String afwegingId = lees(weeg(http, PROFESSIONAL, stap("JN")).getBody()).path("afwegingId").asText();
    ObjectNode intrekken = TestAfwegingen.JSON.createObjectNode().put("afwegingId", afwegingId);
    intrekken.putObject("antwoorden").putNull("q2AcuutOfStructureel");

    JsonNode uitkomst = lees(weeg(http, PROFESSIONAL, intrekken).getBody());

    assertThat(uitkomst.path("besluit").asText()).isEqualTo("IN_AFWEGING");
    assertThat(uitkomst.path("volgendeAfweging").asInt()).isEqualTo(2);
    JsonNode laatste = lees(haal(http, PROFESSIONAL, PAD + "/" + afwegingId).getBody()).path("geschiedenis").get(2);
    assertThat(laatste.path("soort").asText()).isEqualTo("INGETROKKEN");
  }

  static Stream<Arguments> ongeldig() {
    return Stream.of(
        fout("onbekende afweging", b -> antwoorden(b).put("q6Twijfel", true), "antwoorden.q6Twijfel",
            "q1Vermoeden, q2AcuutOfStructureel"),
        fout("antwoord geen ja/nee", b -> antwoorden(b).put("q1Vermoeden", "ja"), "antwoorden.q1Vermoeden",
            "true, false of null"),
        fout("antwoord als getal", b -> antwoorden(b).put("q1Vermoeden", 1), "antwoorden.q1Vermoeden",
            "true, false of null"),
        fout("antwoorden geen object", b -> {
          b.putArray("antwoorden").add(true);
          b.remove("toelichting");
        }, "antwoorden", "moet een object"),
        fout("toelichting te lang", b -> toelichting(b).put("q1Vermoeden", "x".repeat(2_001)),
            "toelichting.q1Vermoeden", "hoogstens 2.000 tekens"),
        fout("toelichting geen tekst", b -> toelichting(b).put("q1Vermoeden", 12), "toelichting.q1Vermoeden",
            "moet tekst zijn"),
        fout("toelichting leeg", b -> toelichting(b).put("q1Vermoeden", "  "), "toelichting.q1Vermoeden",
            "mag niet leeg zijn"),
        fout("toelichting bij onbekende afweging", b -> toelichting(b).put("q0", "waarom"), "toelichting.q0",
            "geen afweging"),
        fout("antwoord zonder toelichting", b -> toelichting(b).remove("q1Vermoeden"), "toelichting.q1Vermoeden",
            "is verplicht"),
        fout("toelichting zonder antwoord", b -> toelichting(b).put("q2AcuutOfStructureel", "nog onduidelijk"),
            "toelichting.q2AcuutOfStructureel", "hoort bij een antwoord"),
        fout("latere afweging terwijl een eerdere open is", b -> {
          antwoorden(b).putNull("q1Vermoeden").put("q2AcuutOfStructureel", true);
          toelichting(b).remove("q1Vermoeden");
          toelichting(b).put("q2AcuutOfStructureel", "acuut");
        }, "antwoorden.q2AcuutOfStructureel", "kan pas worden beantwoord na afweging 1 (Vermoeden)"),
        fout("afweging 3 overgeslagen", b -> {
          antwoorden(b).put("q2AcuutOfStructureel", false).put("q4HulpAanvaard", true);
          toelichting(b).put("q2AcuutOfStructureel", "nee").put("q4HulpAanvaard", "ja");
        }, "antwoorden.q4HulpAanvaard", "kan pas worden beantwoord na afweging 3 (Hulp)"),
        fout("na nee bij afweging 1 is er niets meer te wegen", b -> {
          antwoorden(b).put("q1Vermoeden", false).put("q2AcuutOfStructureel", false);
          toelichting(b).put("q2AcuutOfStructureel", "nee");
        }, "antwoorden.q2AcuutOfStructureel", "is niet aan de orde: na afweging 1 (Vermoeden)"),
        fout("afwegingen 3-5 na acute onveiligheid samen met Veilig Thuis", b -> {
          antwoorden(b).put("q2AcuutOfStructureel", true).put("q3EffectieveHulpMogelijk", true);
          toelichting(b).put("q2AcuutOfStructureel", "acuut").put("q3EffectieveHulpMogelijk", "ja");
        }, "antwoorden.q3EffectieveHulpMogelijk", "samen met Veilig Thuis"),
        fout("afwegingId geen tekst", b -> b.put("afwegingId", 42), "afwegingId", "moet tekst zijn"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ongeldig")
  void ongeldigeInvoerWordtGeweigerdEnNietsOpgeslagen(String geval, Consumer<ObjectNode> aanpassing, String veld,
      String melding) {
    ObjectNode body = stap("J");
    aanpassing.accept(body);
    Map<String, Integer> voor = TestAfwegingen.tellingen(jdbc);

    ResponseEntity<String> antwoord = weeg(http, PROFESSIONAL, body);

    assertThat(antwoord.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(antwoord.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    JsonNode fouten = lees(antwoord.getBody()).path("errors");
    assertThat(fouten).hasSize(1);
    assertThat(fouten.get(0).path("field").asText()).isEqualTo(veld);
    assertThat(fouten.get(0).path("message").asText()).contains(melding);
    assertThat(TestAfwegingen.tellingen(jdbc)).isEqualTo(voor);
  }

  @Test
  void alleFoutenKomenTegelijk() {
    ObjectNode body = stap("JN");
    antwoorden(body).put("q4HulpAanvaard", true).put("q9", true);
    toelichting(body).put("q4HulpAanvaard", "ja").put("q1Vermoeden", "y".repeat(2_001));
    toelichting(body).remove("q2AcuutOfStructureel");

    ResponseEntity<String> antwoord = weeg(http, PROFESSIONAL, body);

    assertThat(antwoord.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(lees(antwoord.getBody()).path("errors")).extracting(f -> f.path("field").asText())
        .containsExactlyInAnyOrder("antwoorden.q9", "toelichting.q1Vermoeden", "antwoorden.q4HulpAanvaard",
            "toelichting.q2AcuutOfStructureel");
  }

  @Test
  void eenGeweigerdVervolgLaatDeAfwegingOngemoeid() {
    String afwegingId = lees(weeg(http, PROFESSIONAL, stap("JN")).getBody()).path("afwegingId").asText();
    String vastgelegdVoor = haal(http, PROFESSIONAL, PAD + "/" + afwegingId).getBody();
    ObjectNode fout = TestAfwegingen.JSON.createObjectNode().put("afwegingId", afwegingId);
    // A changed answer without a new reasoning, and a later question out of turn.
    fout.putObject("antwoorden").put("q2AcuutOfStructureel", true).put("q5ResultaatBereikt", true);
    fout.putObject("toelichting").put("q5ResultaatBereikt", "goed");

    ResponseEntity<String> antwoord = weeg(http, PROFESSIONAL, fout);

    assertThat(antwoord.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(lees(antwoord.getBody()).path("errors")).extracting(f -> f.path("field").asText())
        .containsExactlyInAnyOrder("toelichting.q2AcuutOfStructureel", "antwoorden.q5ResultaatBereikt");
    assertThat(haal(http, PROFESSIONAL, PAD + "/" + afwegingId).getBody()).isEqualTo(vastgelegdVoor);
  }

  @Test
  void geenJsonObjectIsEenProbleem() {
    for (String body : List.of("[true]", "\"J\"", "{\"antwoorden\": ")) {
      ResponseEntity<String> antwoord = weeg(http, PROFESSIONAL, body);
      assertThat(antwoord.getStatusCode()).as(body).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(antwoord.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }
  }

  @Test
  void eenAfwegingIsAlleenVanHaarEigenaar() {
    String afwegingId = lees(weeg(http, PROFESSIONAL, stap("J")).getBody()).path("afwegingId").asText();
    ObjectNode vervolg = stap("JN").put("afwegingId", afwegingId);

    ResponseEntity<String> anderVervolg = weeg(http, COLLEGA, vervolg);
    ResponseEntity<String> anderInzien = haal(http, COLLEGA, PAD + "/" + afwegingId);
    ResponseEntity<String> onbekend = weeg(http, PROFESSIONAL, stap("JN").put("afwegingId", "bestaat-niet"));
    ResponseEntity<String> onbekendInzien = haal(http, PROFESSIONAL, PAD + "/bestaat-niet");

    for (ResponseEntity<String> antwoord : List.of(anderVervolg, anderInzien, onbekend, onbekendInzien)) {
      assertThat(antwoord.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(antwoord.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }
    // Someone else's weighing reads exactly like one that does not exist.
    assertThat(lees(anderInzien.getBody()).path("title")).isEqualTo(lees(onbekendInzien.getBody()).path("title"));
    assertThat(lees(haal(http, PROFESSIONAL, PAD + "/" + afwegingId).getBody()).path("stand").path("besluit")
        .asText()).isEqualTo("IN_AFWEGING");
  }

  @Test
  void alleenProfessionalsEnAlleenMetInloggegevens() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    HttpEntity<String> body = new HttpEntity<>(stap("J").toString(), headers);

    ResponseEntity<String> zonder = http.postForEntity(PAD, body, String.class);
    ResponseEntity<String> onbekend = http.withBasicAuth("bestaatniet", "demo").postForEntity(PAD, body,
        String.class);
    assertThat(zonder.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(onbekend.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

    for (String gebruiker : List.of(TestGebruikers.MEDEWERKER, TestGebruikers.INTAKE, TestGebruikers.AUDITOR)) {
      assertThat(weeg(http, gebruiker, stap("J")).getStatusCode()).as(gebruiker).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(haal(http, gebruiker, PAD + "/x").getStatusCode()).as(gebruiker).isEqualTo(HttpStatus.FORBIDDEN);
    }
  }

  private static Arguments fout(String geval, Consumer<ObjectNode> aanpassing, String veld, String melding) {
    return arguments(geval, aanpassing, veld, melding);
  }

  private static ObjectNode antwoorden(ObjectNode body) {
    return (ObjectNode) body.path("antwoorden");
  }

  private static ObjectNode toelichting(ObjectNode body) {
    return (ObjectNode) body.path("toelichting");
  }
}
