package nl.hgkm.keten.melding;

import static nl.hgkm.keten.melding.TestMeldingen.AMSTERDAM;
import static nl.hgkm.keten.melding.TestMeldingen.UTRECHT;
import static nl.hgkm.keten.melding.TestMeldingen.geldig;
import static nl.hgkm.keten.melding.TestMeldingen.lees;
import static nl.hgkm.keten.melding.TestMeldingen.persoon;
import static nl.hgkm.keten.melding.TestMeldingen.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.hgkm.keten.support.KetenIntegratieTest;
import nl.hgkm.keten.support.TestKlok;
import nl.hgkm.keten.zaak.TestBsn;
import nl.hgkm.keten.zaak.TestGebruikers;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The intake of a melding from the API down to the case file and process {@code melding}: a new case, a repeat of
 * the same request, a vervolgmelding in a running case, a hermelding, and a failure that leaves nothing behind.
 */
@KetenIntegratieTest
class MeldingIntakeIT {

  /** Friday 23 April 2027, noon; Koningsdag (Tuesday 27 April) is not a working day. */
  static final OffsetDateTime NU = OffsetDateTime.parse("2027-04-23T12:00:00+02:00");
  static final OffsetDateTime ONTVANGEN = OffsetDateTime.parse("2027-04-23T10:00:00+02:00");
  static final String UITERLIJK = "2027-05-03";

  @Autowired TestRestTemplate http;
  @Autowired JdbcClient jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired TaskService taskService;
  @Autowired MeldingValidatie validatie;
  @Autowired MeldingIntake intake;
  @Autowired PlatformTransactionManager transactionManager;

  @BeforeAll
  static void gebruikers(@Autowired IdentityService identityService) {
    TestGebruikers.zorgVoorAlle(identityService);
  }

  @BeforeEach
  void zetKlok() {
    ClockUtil.setCurrentTime(Date.from(NU.toInstant()));
  }

  @AfterEach
  void klokTerug() {
    TestKlok.terug();
  }

  // ------------------------------------------------------------------ a new case

  @Test
  void eenGeldigeMeldingOpentEenZaakEnStartHetProces() {
    ObjectNode body = geldig(ONTVANGEN);
    String referentie = "POL-" + UUID.randomUUID();
    body.put("externeReferentie", referentie);
    String bsn = eersteBsn(body);
    body.withArray("betrokkenen").add(persoon("KIND", "Kind " + UUID.randomUUID(), "2019-06-01", null));

    ResponseEntity<String> antwoord = post(http, TestGebruikers.INTAKE, body);

    assertThat(antwoord.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(antwoord.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
    JsonNode melding = lees(antwoord.getBody());
    String zaaknummer = melding.path("zaaknummer").asText();
    String pid = melding.path("processInstanceId").asText();
    assertThat(zaaknummer).matches("VT-2027-\\d{6}");
    assertThat(antwoord.getHeaders().getLocation()).hasToString("/api/zaken/" + zaaknummer);
    assertThat(melding.path("categorie").asText()).isEqualTo("NIEUWE_MELDING");
    assertThat(melding.path("acuut").asBoolean()).isFalse();
    assertThat(melding.path("structureel").asBoolean()).isTrue();
    assertThat(melding.path("veiligheidsbeoordelingUiterlijk").asText()).isEqualTo(UITERLIJK);

    ProcessInstance instantie = runtimeService.createProcessInstanceQuery().processInstanceId(pid).singleResult();
    assertThat(instantie.getBusinessKey()).isEqualTo(zaaknummer);
    assertThat(taken(pid, "veiligheidsbeoordeling")).hasSize(1);
    Map<String, Object> variabelen = runtimeService.getVariables(pid);
    assertThat(variabelen)
        .containsEntry("zaaknummer", zaaknummer)
        .containsEntry("regio", AMSTERDAM)
        .containsEntry("ontvangenOp", Date.from(ONTVANGEN.toInstant()))
        .containsEntry("melderType", "POLITIE")
        .containsEntry("melderEmailBekend", true)
        .containsEntry("anonimiteitToegezegd", false)
        .containsEntry("categorie", "NIEUWE_MELDING")
        .containsEntry("radarSignaal", false)
        .containsEntry("aantalBetrokkenen", 2)
        .containsEntry("kindBetrokken", true)
        .containsEntry("ingediendDoor", TestGebruikers.INTAKE)
        .containsEntry("veiligheidsbeoordelingUiterlijk", datum("2027-05-03T23:59:59+02:00"))
        .containsEntry("veiligheidsbeoordelingVerstreken", datum("2027-05-04T00:00:00+02:00"))
        .containsEntry("deadline", UITERLIJK)
        .containsEntry("acuut", false)
        .containsEntry("structureel", true);
    Signalen.ALLE.forEach(signaal -> assertThat(variabelen)
        .containsEntry(signaal, signaal.equals("kindStelselmatigGetuigeHG")));

    Map<String, Object> zaak = jdbc.sql("select * from zaak where zaaknummer = ?").param(zaaknummer).query().singleRow();
    assertThat(zaak).containsEntry("REGIO", AMSTERDAM).containsEntry("PROCESS_INSTANCE_ID", pid)
        .containsEntry("ZAAKTYPE", "MELDING");
    Map<String, Object> rij = jdbc.sql("select * from melding where zaaknummer = ?").param(zaaknummer).query()
        .singleRow();
    assertThat(rij).containsEntry("EXTERNE_REFERENTIE", referentie).containsEntry("MELDER_NAAM", "Team Centrum")
        .containsEntry("MELDER_EMAIL", "centrum@example.org").containsEntry("CATEGORIE", "NIEUWE_MELDING")
        .containsEntry("ACUUT", false).containsEntry("STRUCTUREEL", true)
        .containsEntry("GEREGISTREERD_DOOR", TestGebruikers.INTAKE);
    assertThat(jdbc.sql("select bsn from betrokkene where zaaknummer = ? order by id").param(zaaknummer)
        .query(String.class).list()).containsExactly(bsn, null);
    assertThat(auditSoorten(zaaknummer)).containsExactly("MELDING_ONTVANGEN", "RADAR", "PROCES_GESTART");
  }

  @Test
  void acuteSignalenMakenDeMeldingAcuut() {
    ObjectNode body = geldig(ONTVANGEN);
    ((ObjectNode) body.get("signalen")).put("directLevensgevaar", true).put("kindStelselmatigGetuigeHG", false);

    JsonNode melding = created(post(http, TestGebruikers.AGENT, body));

    assertThat(melding.path("acuut").asBoolean()).isTrue();
    assertThat(melding.path("structureel").asBoolean()).isFalse();
    String pid = melding.path("processInstanceId").asText();
    assertThat(taken(pid, "directe-veiligheid")).hasSize(1);
    assertThat(runtimeService.getVariable(pid, "ingediendDoor")).isEqualTo(TestGebruikers.AGENT);
    assertThat(jdbc.sql("select acuut from melding where zaaknummer = ?").param(melding.path("zaaknummer").asText())
        .query(Boolean.class).single()).isTrue();
  }

  @Test
  void zonderOntvangstmomentTeltHetMomentVanRegistratie() {
    ObjectNode body = geldig(ONTVANGEN);
    body.remove("ontvangenOp");

    String zaaknummer = created(post(http, TestGebruikers.INTAKE, body)).path("zaaknummer").asText();

    assertThat(jdbc.sql("select ontvangen_op from melding where zaaknummer = ?").param(zaaknummer)
        .query(OffsetDateTime.class).single().toInstant()).isEqualTo(NU.toInstant());
  }

  @Test
  void eenMinderjarigeIsEenKindOokAlsSlachtoffer() {
    ObjectNode volwassenen = geldig(ONTVANGEN);
    ObjectNode minderjarige = geldig(ONTVANGEN);
    // 17 on the day of receipt: born 24 April 2009.
    minderjarige.withArray("betrokkenen").add(persoon("SLACHTOFFER", "Tiener " + UUID.randomUUID(), "2009-04-24",
        null));

    String zonderKind = created(post(http, TestGebruikers.INTAKE, volwassenen)).path("processInstanceId").asText();
    String metKind = created(post(http, TestGebruikers.INTAKE, minderjarige)).path("processInstanceId").asText();

    assertThat(runtimeService.getVariable(zonderKind, "kindBetrokken")).isEqualTo(false);
    assertThat(runtimeService.getVariable(metKind, "kindBetrokken")).isEqualTo(true);
  }

  @Test
  void eenToegezegdeAnonimiteitHoudtDeMelderInHetBeschermdeDeel() {
    ObjectNode body = geldig(ONTVANGEN);
    // Utrecht: the region whose tenant the demo case worker is a member of.
    body.put("regio", TestMeldingen.UTRECHT);
    String naam = "Buurvrouw " + UUID.randomUUID();
    ((ObjectNode) body.get("melder")).put("type", "BURGER").put("naam", naam).put("email", "buur@example.org")
        .put("anoniemNaarGezin", true);

    JsonNode melding = created(post(http, TestGebruikers.INTAKE, body));
    String zaaknummer = melding.path("zaaknummer").asText();

    Map<String, Object> rij = jdbc.sql("select id, melder_naam, melder_email, anoniem_naar_gezin from melding "
        + "where zaaknummer = ?").param(zaaknummer).query().singleRow();
    assertThat(rij.get("MELDER_NAAM")).isNull();
    assertThat(rij.get("MELDER_EMAIL")).isNull();
    assertThat(rij.get("ANONIEM_NAAR_GEZIN")).isEqualTo(true);
    assertThat(jdbc.sql("select naam, email from melder_beschermd where melding_id = ?").param(rij.get("ID"))
        .query().singleRow()).containsEntry("NAAM", naam).containsEntry("EMAIL", "buur@example.org");
    String pid = melding.path("processInstanceId").asText();
    assertThat(runtimeService.getVariable(pid, "melderEmailBekend")).isEqualTo(true);
    assertThat(runtimeService.getVariable(pid, "anonimiteitToegezegd")).isEqualTo(true);
    assertThat(String.join(" ", auditOmschrijvingen(zaaknummer))).doesNotContain(naam);

    String voorMedewerker = dossier(TestGebruikers.MEDEWERKER, zaaknummer).getBody();
    String voorAuditor = dossier(TestGebruikers.AUDITOR, zaaknummer).getBody();
    assertThat(lees(voorMedewerker).at("/meldingen/0/melder/naam").asText()).isEqualTo(naam);
    assertThat(lees(voorAuditor).at("/meldingen/0/melder/naam").asText()).isEqualTo("Anoniem (beschermd)");
    assertThat(voorAuditor).doesNotContain(naam).doesNotContain("buur@example.org");
  }

  // ------------------------------------------------------------------ idempotency

  @Test
  void dezelfdeExterneReferentieGeeftHetEersteAntwoordEnMaaktNiets() {
    String referentie = "POL-" + UUID.randomUUID();
    ObjectNode body = geldig(ONTVANGEN);
    body.put("externeReferentie", referentie);

    ResponseEntity<String> eerste = post(http, TestGebruikers.AGENT, body);
    body.put("omschrijving", "Zelfde referentie, andere tekst: het eerste antwoord telt.");
    ResponseEntity<String> tweede = post(http, TestGebruikers.AGENT, body);

    assertThat(eerste.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(tweede.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(lees(tweede.getBody())).isEqualTo(lees(eerste.getBody()));
    String zaaknummer = lees(eerste.getBody()).path("zaaknummer").asText();
    assertThat(meldingenMetReferentie(referentie)).isEqualTo(1);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("melding")
        .processInstanceBusinessKey(zaaknummer).count()).isEqualTo(1);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("registerraadpleging")
        .processInstanceBusinessKey(zaaknummer).count()).as("één raadpleging van het register").isEqualTo(1);
  }

  @Test
  void gelijktijdigeHerhalingenMakenEenZaak() throws Exception {
    String referentie = "POL-" + UUID.randomUUID();
    ObjectNode body = geldig(ONTVANGEN);
    body.put("externeReferentie", referentie);
    int aantal = 4;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(aantal);
    List<ResponseEntity<String>> antwoorden = new ArrayList<>();
    try {
      List<Future<ResponseEntity<String>>> verzonden = new ArrayList<>();
      for (int i = 0; i < aantal; i++) {
        Callable<ResponseEntity<String>> verzoek = () -> {
          start.await();
          return post(http, TestGebruikers.AGENT, body);
        };
        verzonden.add(pool.submit(verzoek));
      }
      start.countDown();
      for (Future<ResponseEntity<String>> antwoord : verzonden) {
        antwoorden.add(antwoord.get(60, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(antwoorden).extracting(ResponseEntity::getStatusCode)
        .containsExactlyInAnyOrder(HttpStatus.CREATED, HttpStatus.OK, HttpStatus.OK, HttpStatus.OK);
    assertThat(antwoorden).extracting(a -> lees(a.getBody())).containsOnly(lees(antwoorden.get(0).getBody()));
    assertThat(meldingenMetReferentie(referentie)).isEqualTo(1);
  }

  @Test
  void eenGeweigerdeMeldingHoudtDeReferentieNietBezet() {
    String referentie = "POL-" + UUID.randomUUID();
    ObjectNode body = geldig(ONTVANGEN);
    body.put("externeReferentie", referentie);
    ((ObjectNode) body.get("melder")).remove("naam");
    assertThat(post(http, TestGebruikers.INTAKE, body).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

    ((ObjectNode) body.get("melder")).put("naam", "Team Centrum");
    assertThat(post(http, TestGebruikers.INTAKE, body).getStatusCode()).isEqualTo(HttpStatus.CREATED);
  }

  // ------------------------------------------------------------------ radar

  @Test
  void eenVervolgmeldingMetHetzelfdeBsnKomtInDeLopendeZaak() {
    ObjectNode eerste = geldig(ONTVANGEN);
    String bsn = eersteBsn(eerste);
    JsonNode lopend = created(post(http, TestGebruikers.AGENT, eerste));
    String zaaknummer = lopend.path("zaaknummer").asText();
    String pid = lopend.path("processInstanceId").asText();
    int zakenVoor = aantalZaken();

    ObjectNode vervolg = geldig(ONTVANGEN.plusMinutes(30));
    ((ObjectNode) vervolg.get("melder")).put("type", "BURGER").put("naam", "Buurman");
    vervolg.withArray("betrokkenen").removeAll().add(persoon("SLACHTOFFER", "Andere Schrijfwijze", null, bsn));
    ((ObjectNode) vervolg.get("signalen")).removeAll().put("directLevensgevaar", true);
    JsonNode antwoord = created(post(http, TestGebruikers.INTAKE, vervolg));

    assertThat(antwoord.path("zaaknummer").asText()).isEqualTo(zaaknummer);
    assertThat(antwoord.path("processInstanceId").asText()).isEqualTo(pid);
    assertThat(antwoord.path("categorie").asText()).isEqualTo("VERVOLGMELDING_TIJDENS_VB");
    assertThat(antwoord.path("acuut").asBoolean()).isTrue();
    assertThat(antwoord.path("structureel").asBoolean()).isFalse();
    assertThat(antwoord.path("veiligheidsbeoordelingUiterlijk").asText()).isEqualTo(UITERLIJK);
    assertThat(aantalZaken()).isEqualTo(zakenVoor);

    List<Map<String, Object>> meldingen = jdbc.sql("select id, categorie, acuut from melding where zaaknummer = ? "
        + "order by id").param(zaaknummer).query().listOfRows();
    assertThat(meldingen).extracting(m -> m.get("CATEGORIE"))
        .containsExactly("NIEUWE_MELDING", "VERVOLGMELDING_TIJDENS_VB");
    long vervolgId = ((Number) meldingen.get(1).get("ID")).longValue();
    assertThat(jdbc.sql("select naam from betrokkene where melding_id = ?").param(vervolgId).query(String.class)
        .single()).isEqualTo("Andere Schrijfwijze");

    Task weging = taken(pid, "vervolgmelding-wegen").get(0);
    assertThat(taskService.getVariables(weging.getId()))
        .containsEntry("vervolgMeldingId", vervolgId)
        .containsEntry("vervolgCategorie", "VERVOLGMELDING_TIJDENS_VB")
        .containsEntry("vervolgAcuut", true)
        .containsEntry("vervolgStructureel", false)
        .containsEntry("vervolgOntvangenOp", Date.from(ONTVANGEN.plusMinutes(30).toInstant()))
        .containsEntry("vervolgMelderType", "BURGER");
    assertThat(taken(pid, "veiligheidsbeoordeling")).hasSize(1);
    assertThat(auditSoorten(zaaknummer)).endsWith("MELDING_ONTVANGEN", "RADAR", "VERVOLGMELDING_GEKOPPELD");
  }

  @Test
  void eenVervolgmeldingZonderBsnHerkentNaamEnGeboortedatum() {
    String naam = "Petra van der Berg " + UUID.randomUUID();
    ObjectNode eerste = geldig(ONTVANGEN);
    eerste.withArray("betrokkenen").removeAll().add(persoon("SLACHTOFFER", naam, "1985-11-02", null));
    JsonNode lopend = created(post(http, TestGebruikers.AGENT, eerste));

    ObjectNode vervolg = geldig(ONTVANGEN);
    vervolg.withArray("betrokkenen").removeAll()
        .add(persoon("SLACHTOFFER", "  " + naam.toUpperCase().replace(" ", "  ") + " ", "1985-11-02", null));
    JsonNode antwoord = created(post(http, TestGebruikers.AGENT, vervolg));

    assertThat(antwoord.path("zaaknummer").asText()).isEqualTo(lopend.path("zaaknummer").asText());
    assertThat(antwoord.path("categorie").asText()).isEqualTo("VERVOLGMELDING_TIJDENS_VB");
    assertThat(taken(lopend.path("processInstanceId").asText(), "vervolgmelding-wegen")).hasSize(1);
  }

  @Test
  void naDeVeiligheidsbeoordelingIsHetEenVervolgmeldingNaVbEnZietHetWijkteamDeZaak() {
    ObjectNode eerste = geldig(ONTVANGEN);
    String bsn = eersteBsn(eerste);
    JsonNode lopend = created(post(http, TestGebruikers.AGENT, eerste));
    String zaaknummer = lopend.path("zaaknummer").asText();
    String pid = lopend.path("processInstanceId").asText();
    assertThat(dossier(TestGebruikers.WIJKTEAM, zaaknummer).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    rondVeiligheidsbeoordelingAfMetOverdrachtAanHetWijkteam(pid);
    assertThat(taken(pid, "overdracht-bevestigen")).hasSize(1);

    ObjectNode vervolg = geldig(ONTVANGEN.plusDays(1));
    vervolg.withArray("betrokkenen").removeAll().add(persoon("PLEGER", "Pleger " + UUID.randomUUID(), null, bsn));
    ClockUtil.setCurrentTime(Date.from(NU.plusDays(1).toInstant()));
    JsonNode antwoord = created(post(http, TestGebruikers.INTAKE, vervolg));

    assertThat(antwoord.path("zaaknummer").asText()).isEqualTo(zaaknummer);
    assertThat(antwoord.path("categorie").asText()).isEqualTo("VERVOLGMELDING_NA_VB");
    assertThat(taken(pid, "vervolgmelding-wegen")).hasSize(1);

    ResponseEntity<String> voorWijkteam = dossier(TestGebruikers.WIJKTEAM, zaaknummer);
    assertThat(voorWijkteam.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(lees(voorWijkteam.getBody()).path("meldingen")).hasSize(2);
  }

  @Test
  void eenZaakInEenAndereRegioGeeftEenNieuweZaakAlsHermelding() {
    ObjectNode inUtrecht = geldig(ONTVANGEN);
    inUtrecht.put("regio", UTRECHT);
    String bsn = eersteBsn(inUtrecht);
    String utrechtseZaak = created(post(http, TestGebruikers.AGENT, inUtrecht)).path("zaaknummer").asText();

    ObjectNode inAmsterdam = geldig(ONTVANGEN);
    inAmsterdam.withArray("betrokkenen").removeAll().add(persoon("SLACHTOFFER", "Zelfde Persoon", null, bsn));
    JsonNode antwoord = created(post(http, TestGebruikers.AGENT, inAmsterdam));

    String zaaknummer = antwoord.path("zaaknummer").asText();
    assertThat(zaaknummer).isNotEqualTo(utrechtseZaak);
    assertThat(antwoord.path("categorie").asText()).isEqualTo("HERMELDING");
    String pid = antwoord.path("processInstanceId").asText();
    assertThat(runtimeService.getVariable(pid, "categorie")).isEqualTo("HERMELDING");
    assertThat(runtimeService.getVariable(pid, "radarSignaal")).isEqualTo(true);
    assertThat(taken(pid, "vervolgmelding-wegen")).isEmpty();
    String radar = auditOmschrijvingen(zaaknummer).get(1);
    assertThat(radar).contains("HERMELDING").contains(UTRECHT).doesNotContain(utrechtseZaak);
  }

  @Test
  void naHetEindeVanDeBemoeienisIsHetEenHermelding() {
    ObjectNode eerste = geldig(ONTVANGEN);
    String bsn = eersteBsn(eerste);
    JsonNode afgesloten = created(post(http, TestGebruikers.AGENT, eerste));
    runtimeService.deleteProcessInstance(afgesloten.path("processInstanceId").asText(), "test: bemoeienis beëindigd");

    ObjectNode weer = geldig(ONTVANGEN);
    weer.withArray("betrokkenen").removeAll().add(persoon("SLACHTOFFER", "Iemand", null, bsn));
    JsonNode antwoord = created(post(http, TestGebruikers.AGENT, weer));

    assertThat(antwoord.path("zaaknummer").asText()).isNotEqualTo(afgesloten.path("zaaknummer").asText());
    assertThat(antwoord.path("categorie").asText()).isEqualTo("HERMELDING");
    assertThat(auditOmschrijvingen(antwoord.path("zaaknummer").asText()).get(1))
        .contains(afgesloten.path("zaaknummer").asText());
  }

  // ------------------------------------------------------------------ one transaction

  @Test
  void eenMislukteCorrelatieLaatNietsAchter() {
    ObjectNode eerste = geldig(ONTVANGEN);
    String bsn = eersteBsn(eerste);
    JsonNode lopend = created(post(http, TestGebruikers.AGENT, eerste));
    String pid = lopend.path("processInstanceId").asText();
    // A suspended instance cannot receive the message: the correlation fails after the report was written.
    runtimeService.suspendProcessInstanceById(pid);
    try {
      Map<String, Integer> tabellenVoor = TestMeldingen.tabelTellingen(jdbc);
      String referentie = "POL-" + UUID.randomUUID();
      ObjectNode vervolg = geldig(ONTVANGEN);
      vervolg.put("externeReferentie", referentie);
      vervolg.withArray("betrokkenen").removeAll().add(persoon("SLACHTOFFER", "Iemand", null, bsn));

      ResponseEntity<String> antwoord = post(http, TestGebruikers.AGENT, vervolg);

      assertThat(antwoord.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
      assertThat(antwoord.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
          .isTrue();
      assertThat(TestMeldingen.tabelTellingen(jdbc)).isEqualTo(tabellenVoor);
      assertThat(meldingenMetReferentie(referentie)).isZero();
    } finally {
      runtimeService.activateProcessInstanceById(pid);
    }
  }

  @Test
  void procesStartEnDossierDelenEenTransactie() {
    MeldingVerzoek verzoek = validatie.valideer(geldig(ONTVANGEN));
    Map<String, Integer> tabellenVoor = TestMeldingen.tabelTellingen(jdbc);
    List<String> zaaknummer = new ArrayList<>();

    new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
      zaaknummer.add(intake.verwerk(verzoek, TestGebruikers.INTAKE).antwoord().zaaknummer());
      assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("melding")
          .processInstanceBusinessKey(zaaknummer.get(0)).count()).isEqualTo(1);
      status.setRollbackOnly();
    });

    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(zaaknummer.get(0)).count())
        .isZero();
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(zaaknummer.get(0))
        .count()).isZero();
    assertThat(TestMeldingen.tabelTellingen(jdbc)).isEqualTo(tabellenVoor);
  }

  // ------------------------------------------------------------------ helpers

  private void rondVeiligheidsbeoordelingAfMetOverdrachtAanHetWijkteam(String pid) {
    Map<String, Object> invoer = new HashMap<>();
    invoer.put("betreftHGofKM", true);
    invoer.put("minderjarigeErnstigBedreigdMaatregelNodig", false);
    invoer.put("hgkmAannemelijk", true);
    invoer.put("betrokkenenWerkenMee", true);
    invoer.put("voldoendeInformatie", true);
    invoer.put("anonimiteitToegezegd", false);
    invoer.put("acuut", false);
    invoer.put("structureel", false);
    invoer.put("complexHerhaaldMeerdereLeefgebieden", false);
    invoer.put("passendeLopendeHulpverlening", false);
    invoer.put("zelfredzaamGeenVervolgNodig", false);
    invoer.put("melderRolInVervolg", false);
    invoer.put("toelichtingVeiligheidsbeoordeling", "Beoordeeld na gesprekken met betrokkenen");
    taskService.complete(taken(pid, "veiligheidsbeoordeling").get(0).getId(), invoer);
    assertThat(runtimeService.getVariable(pid, "vervolg")).isEqualTo("OVERDRACHT_LOKAAL_TEAM");
  }

  private JsonNode created(ResponseEntity<String> antwoord) {
    assertThat(antwoord.getStatusCode()).as(antwoord.getBody()).isEqualTo(HttpStatus.CREATED);
    return lees(antwoord.getBody());
  }

  private ResponseEntity<String> dossier(String gebruiker, String zaaknummer) {
    return http.withBasicAuth(gebruiker, TestGebruikers.WACHTWOORD)
        .getForEntity("/api/zaken/" + zaaknummer, String.class);
  }

  private List<Task> taken(String pid, String sleutel) {
    return taskService.createTaskQuery().processInstanceId(pid).taskDefinitionKey(sleutel).list();
  }

  private List<String> auditSoorten(String zaaknummer) {
    return jdbc.sql("select soort from audit_gebeurtenis where zaaknummer = ? order by tijdstip, id")
        .param(zaaknummer).query(String.class).list();
  }

  private List<String> auditOmschrijvingen(String zaaknummer) {
    return jdbc.sql("select omschrijving from audit_gebeurtenis where zaaknummer = ? order by tijdstip, id")
        .param(zaaknummer).query(String.class).list();
  }

  private int meldingenMetReferentie(String referentie) {
    return jdbc.sql("select count(*) from melding where externe_referentie = ?").param(referentie)
        .query(Integer.class).single();
  }

  private int aantalZaken() {
    return jdbc.sql("select count(*) from zaak").query(Integer.class).single();
  }

  private static String eersteBsn(ObjectNode melding) {
    return melding.withArray("betrokkenen").get(0).path("bsn").asText();
  }

  private static Date datum(String moment) {
    return Date.from(Instant.from(OffsetDateTime.parse(moment)));
  }
}
