package nl.hgkm.keten.meldcode;

import static nl.hgkm.keten.meldcode.TestAfwegingen.PAD;
import static nl.hgkm.keten.meldcode.TestAfwegingen.haal;
import static nl.hgkm.keten.meldcode.TestAfwegingen.lees;
import static nl.hgkm.keten.meldcode.TestAfwegingen.meld;
import static nl.hgkm.keten.meldcode.TestAfwegingen.melding;
import static nl.hgkm.keten.meldcode.TestAfwegingen.stap;
import static nl.hgkm.keten.meldcode.TestAfwegingen.weeg;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.UUID;
import nl.hgkm.keten.identiteit.Groepen;
import nl.hgkm.keten.support.KetenIntegratieTest;
import nl.hgkm.keten.zaak.DossierInzage;
import nl.hgkm.keten.zaak.TestGebruikers;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code POST /api/meldcode/afweging/{afwegingId}/melding} (contract §5): a reporting weighing becomes a Veilig Thuis
 * case through the melding intake, the weighing stays attached to the case and shows in its case file; a weighing that
 * does not lead to reporting cannot be filed.
 */
@KetenIntegratieTest
class MeldcodeMeldingIT {

  static final String PROFESSIONAL = TestGebruikers.PROFESSIONAL;
  static final String COLLEGA = MeldcodeAfwegingIT.COLLEGA;

  @Autowired TestRestTemplate http;
  @Autowired JdbcClient jdbc;
  @Autowired TaskService taskService;

  @BeforeAll
  static void gebruikers(@Autowired IdentityService identityService) {
    TestGebruikers.zorgVoorAlle(identityService);
    TestGebruikers.zorgVoor(identityService, COLLEGA, Groepen.PROFESSIONAL);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"JJ", "JNN", "JNJN", "JNJJN"})
  void eenMeldendeAfwegingWordtEenZaakMetDeAfwegingErbij(String antwoorden) {
    String afwegingId = afweging(antwoorden);
    ObjectNode body = melding();
    String kind = body.path("betrokkenen").get(0).path("naam").asText();

    ResponseEntity<String> antwoord = meld(http, PROFESSIONAL, afwegingId, body);

    assertThat(antwoord.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode gemeld = lees(antwoord.getBody());
    String zaaknummer = gemeld.path("zaaknummer").asText();
    assertThat(zaaknummer).matches("VT-\\d{4}-\\d{6}");
    assertThat(antwoord.getHeaders().getLocation()).hasToString("/api/zaken/" + zaaknummer);
    assertThat(gemeld.path("categorie").asText()).isEqualTo("NIEUWE_MELDING");
    assertThat(gemeld.path("structureel").asBoolean()).isTrue();
    assertThat(gemeld.path("veiligheidsbeoordelingUiterlijk").asText()).isNotBlank();
    assertThat(taskService.createTaskQuery().processInstanceId(gemeld.path("processInstanceId").asText())
        .taskDefinitionKey("veiligheidsbeoordeling").count()).isEqualTo(1);

    JsonNode dossier = lees(haal(http, TestGebruikers.MEDEWERKER, "/api/zaken/" + zaaknummer).getBody());
    JsonNode melder = dossier.path("meldingen").get(0).path("melder");
    assertThat(melder.path("type").asText()).isEqualTo("PROFESSIONAL");
    assertThat(melder.path("naam").asText()).isEqualTo("Pieter Bos");
    assertThat(melder.path("email").asText()).isEqualTo("professional@demo.keten-hgkm.example");
    assertThat(dossier.path("meldingen").get(0).path("geregistreerdDoor").asText()).isEqualTo(PROFESSIONAL);
    assertThat(dossier.path("meldingen").get(0).path("betrokkenen").get(0).path("naam").asText()).isEqualTo(kind);
    JsonNode afweging = dossier.path("meldcodeAfwegingen").get(0);
    assertThat(afweging.path("afwegingId").asText()).isEqualTo(afwegingId);
    assertThat(afweging.path("professional").asText()).isEqualTo(PROFESSIONAL);
    assertThat(afweging.path("besluit").asText()).isEqualTo(lees(haal(http, PROFESSIONAL, PAD + "/" + afwegingId)
        .getBody()).path("stand").path("besluit").asText());
    assertThat(afweging.path("antwoorden")).hasSize(antwoorden.length());
    assertThat(afweging.path("antwoorden")).allSatisfy(a -> {
      assertThat(a.path("toelichting").asText()).startsWith("Toelichting bij afweging " + a.path("afweging"));
      assertThat(a.path("vraag").asText()).endsWith("?");
    });
    assertThat(dossier.path("audit")).anySatisfy(regel -> {
      assertThat(regel.path("soort").asText()).isEqualTo("MELDCODE_AFWEGING");
      assertThat(regel.path("actor").asText()).isEqualTo(PROFESSIONAL);
      assertThat(regel.path("omschrijving").asText()).contains(afwegingId).doesNotContain(kind);
    });

    JsonNode eigen = lees(haal(http, PROFESSIONAL, PAD + "/" + afwegingId).getBody());
    assertThat(eigen.path("zaaknummer").asText()).isEqualTo(zaaknummer);
    assertThat(eigen.path("gemeldOp").asText()).isNotBlank();
  }

  @Test
  void nogmaalsMeldenGeeftHetEersteAntwoordEnMaaktNiets() {
    String afwegingId = afweging("JJ");
    ResponseEntity<String> eerste = meld(http, PROFESSIONAL, afwegingId, melding());
    Map<String, Integer> voor = TestAfwegingen.tellingen(jdbc);

    ResponseEntity<String> nogmaals = meld(http, PROFESSIONAL, afwegingId, melding());

    assertThat(eerste.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(nogmaals.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(lees(nogmaals.getBody())).isEqualTo(lees(eerste.getBody()));
    assertThat(TestAfwegingen.tellingen(jdbc)).isEqualTo(voor);
  }

  @Test
  void eenGemeldeAfwegingWijzigtNietMeer() {
    String afwegingId = afweging("JNN");
    assertThat(meld(http, PROFESSIONAL, afwegingId, melding()).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    ObjectNode anders = stap("N").put("afwegingId", afwegingId);

    ResponseEntity<String> antwoord = weeg(http, PROFESSIONAL, anders);

    assertThat(antwoord.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(antwoord.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(lees(antwoord.getBody()).path("detail").asText()).contains("nieuwe afweging");
    assertThat(lees(haal(http, PROFESSIONAL, PAD + "/" + afwegingId).getBody()).path("stand").path("besluit")
        .asText()).isEqualTo("MELDEN_VT");
  }

  @ParameterizedTest(name = "antwoorden \"{0}\"")
  @ValueSource(strings = {"", "N", "JN", "JNJJ", "JNJJJ"})
  void eenAfwegingZonderMeldendeUitkomstGeeft409EnMeldtNiets(String antwoorden) {
    String afwegingId = afweging(antwoorden);
    Map<String, Integer> voor = TestAfwegingen.tellingen(jdbc);

    ResponseEntity<String> antwoord = meld(http, PROFESSIONAL, afwegingId, melding());

    assertThat(antwoord.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(antwoord.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(lees(antwoord.getBody()).path("detail").asText()).contains("leidt niet tot een melding");
    assertThat(TestAfwegingen.tellingen(jdbc)).isEqualTo(voor);
  }

  @Test
  void deMeldingKrijgtDezelfdeControlesAlsDeMeldingsintake() {
    String afwegingId = afweging("JJ");
    ObjectNode body = melding();
    body.put("regio", "atlantis");
    ((ObjectNode) body.path("betrokkenen").get(0)).put("bsn", "111222334");
    body.putObject("melder").put("type", "BURGER");
    Map<String, Integer> voor = TestAfwegingen.tellingen(jdbc);

    ResponseEntity<String> antwoord = meld(http, PROFESSIONAL, afwegingId, body);

    assertThat(antwoord.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(antwoord.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(lees(antwoord.getBody()).path("errors")).extracting(f -> f.path("field").asText())
        .containsExactlyInAnyOrder("regio", "betrokkenen[0].bsn", "melder.type");
    assertThat(TestAfwegingen.tellingen(jdbc)).isEqualTo(voor);
    assertThat(lees(haal(http, PROFESSIONAL, PAD + "/" + afwegingId).getBody()).has("zaaknummer")).isFalse();
  }

  @Test
  void eenEigenMelderEnAnonimiteitNaarHetGezin() {
    String afwegingId = afweging("JNJN");
    ObjectNode body = melding();
    body.putObject("melder").put("naam", "Dr. P. Bos, huisartsenpraktijk De Linde").put("anoniemNaarGezin", true);

    String zaaknummer = lees(meld(http, PROFESSIONAL, afwegingId, body).getBody()).path("zaaknummer").asText();

    JsonNode voorVeiligThuis = lees(haal(http, TestGebruikers.MEDEWERKER, "/api/zaken/" + zaaknummer).getBody());
    JsonNode voorAuditor = lees(haal(http, TestGebruikers.AUDITOR, "/api/zaken/" + zaaknummer).getBody());
    assertThat(voorVeiligThuis.path("meldingen").get(0).path("melder").path("naam").asText())
        .isEqualTo("Dr. P. Bos, huisartsenpraktijk De Linde");
    assertThat(voorVeiligThuis.path("meldingen").get(0).path("melder").path("email").asText())
        .isEqualTo("professional@demo.keten-hgkm.example");
    assertThat(voorVeiligThuis.path("meldcodeAfwegingen").get(0).path("professional").asText())
        .isEqualTo(PROFESSIONAL);
    assertThat(voorAuditor.path("meldcodeAfwegingen").get(0).path("professional").asText())
        .isEqualTo(DossierInzage.ANONIEM);
    assertThat(voorAuditor.path("meldcodeAfwegingen").get(0).path("antwoorden")).hasSize(4);
  }

  @Test
  void eenExterneReferentieVanEenAndereMeldingGeeft409() {
    String referentie = "MELDCODE-" + UUID.randomUUID();
    String eerste = afweging("JJ");
    assertThat(meld(http, PROFESSIONAL, eerste, melding().put("externeReferentie", referentie)).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    String tweede = afweging("JJ");
    Map<String, Integer> voor = TestAfwegingen.tellingen(jdbc);

    ResponseEntity<String> antwoord = meld(http, PROFESSIONAL, tweede, melding().put("externeReferentie", referentie));

    assertThat(antwoord.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(lees(antwoord.getBody()).path("detail").asText()).contains(referentie);
    assertThat(TestAfwegingen.tellingen(jdbc)).isEqualTo(voor);
  }

  @Test
  void alleenDeEigenaarMeldtVanuitEenAfweging() {
    String afwegingId = afweging("JJ");
    Map<String, Integer> voor = TestAfwegingen.tellingen(jdbc);

    ResponseEntity<String> collega = meld(http, COLLEGA, afwegingId, melding());
    ResponseEntity<String> onbekend = meld(http, PROFESSIONAL, UUID.randomUUID().toString(), melding());
    ResponseEntity<String> intake = meld(http, TestGebruikers.INTAKE, afwegingId, melding());

    assertThat(collega.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(onbekend.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(intake.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(TestAfwegingen.tellingen(jdbc)).isEqualTo(voor);
  }

  @Test
  void deProfessionalZietDeZaakNiet() {
    String afwegingId = afweging("JJ");
    String zaaknummer = lees(meld(http, PROFESSIONAL, afwegingId, melding()).getBody()).path("zaaknummer").asText();

    assertThat(haal(http, PROFESSIONAL, "/api/zaken/" + zaaknummer).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(lees(haal(http, PROFESSIONAL, "/engine-rest/task?processInstanceBusinessKey=" + zaaknummer)
        .getBody())).isEqualTo(lees("[]"));
  }

  private String afweging(String antwoorden) {
    ResponseEntity<String> antwoord = weeg(http, PROFESSIONAL, stap(antwoorden));
    assertThat(antwoord.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return lees(antwoord.getBody()).path("afwegingId").asText();
  }
}
