package nl.hgkm.keten.huisverbod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.hgkm.keten.support.KetenIntegratieTest;
import nl.hgkm.keten.support.TestKlok;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The huisverbod delegates run as the engine runs them: each in a tiny test-only model (key prefix
 * {@code test-huisverbod-api-}) as an asynchronous service task, its job executed by the test. The beschikkingen are
 * checked on the legal elements (Wth art. 2(4), 2(7), 3, 6, 9, 11); the mails as the demo SMTP server received them.
 */
@KetenIntegratieTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HuisverbodDelegatesIT {

  private static final String PREFIX = "test-huisverbod-api-";
  private static final OffsetDateTime NU = OffsetDateTime.parse("2027-04-23T10:00:00+02:00");
  private static final Instant INCIDENT = OffsetDateTime.parse("2027-04-23T01:30:00+02:00").toInstant();
  private static final String BURGEMEESTER_AMSTERDAM = "huisverbod@burgemeester.amsterdam.example";
  private static final String VT_AMSTERDAM = "intake@vt-amsterdam-amstelland.example";

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired JdbcClient jdbc;
  @Autowired GreenMail smtp;
  @Autowired TestRestTemplate rest;

  private Deployment deployment;

  @BeforeAll
  void deployTestmodellen() {
    HuisverbodTestGebruikers.zorgVoor(identityService);
    var builder = repositoryService.createDeployment().name(PREFIX + "delegates");
    for (String delegate : List.of("beschikkingOpstellen", "beschikkingVerlengingOpstellen",
        "beschikkingIntrekkingOpstellen", "burgemeesterInformeren", "huisverbodEindeMelden")) {
      builder.addModelInstance(PREFIX + delegate + ".bpmn", eenStap(delegate));
    }
    builder.addModelInstance(PREFIX + "nogmaals.bpmn", Bpmn.createExecutableProcess(PREFIX + "nogmaals")
        .camundaHistoryTimeToLive(1)
        .startEvent()
        .serviceTask("Stap").camundaAsyncBefore().camundaDelegateExpression("${beschikkingOpstellen}")
        .userTask("Nogmaals")
        .exclusiveGateway("Opnieuw")
          .condition("ja", "${nogmaals}").connectTo("Stap")
        .moveToNode("Opnieuw")
          .condition("nee", "${!nogmaals}").endEvent()
        .done());
    deployment = builder.deploy();
  }

  @AfterAll
  void verwijderTestmodellen() {
    repositoryService.deleteDeployment(deployment.getId(), true);
  }

  @BeforeEach
  void zetKlok() {
    ClockUtil.setCurrentTime(Date.from(NU.toInstant()));
  }

  @AfterEach
  void herstelKlok() {
    TestKlok.terug();
  }

  // ------------------------------------------------------------------ beschikking oplegging

  @Test
  @DisplayName("Beschikking oplegging onder mandaat, mondeling opgelegd: alle elementen van art. 2 lid 4 en 7 Wth")
  void beschikkingOnderMandaatNaMondelingeOplegging() {
    String zaaknummer = HuisverbodTestDossier.leg(jdbc, INCIDENT);
    Map<String, Object> variabelen = oplegging(zaaknummer, "HULPOFFICIER");
    variabelen.put("mondelingOpgelegd", true);
    variabelen.put("motivering", "De pleger heeft eerder geweld gebruikt en dreigt opnieuw.");

    ProcessInstance pi = voerUit("beschikkingOpstellen", zaaknummer, variabelen);

    Document document = enigDocument(zaaknummer);
    assertThat(document.soort()).isEqualTo("BESCHIKKING_OPLEGGING");
    assertThat(document.titel()).isEqualTo("Beschikking oplegging tijdelijk huisverbod " + zaaknummer);
    assertThat(document.verzoekId()).isEqualTo(zaaknummer + ".Stap." + pi.getId());
    assertThat(runtimeService.getVariable(pi.getId(), "beschikkingDocumentId")).isEqualTo(document.id());
    String tekst = document.inhoud();
    assertThat(tekst)
        .contains("Aan Pieter Pleger, geboren op 1 juni 1985, wordt een tijdelijk huisverbod opgelegd.")
        // art. 2(4)(a): place and duration
        .contains("Het huisverbod geldt voor de woning:\n   Dorpsstraat 1, 1234 AB Amsterdam")
        .contains("Het huisverbod geldt van 23 april 2027 om 10:00 uur tot 3 mei 2027 om 10:00 uur (10 dagen)")
        // art. 2(4)(b): facts and circumstances, with the RiHG outcome
        .contains(HuisverbodTestDossier.FEITEN)
        .contains("incident in de woning op 23 april 2027 om 01:30 uur")
        .contains("onderdeel 1, de pleger: 3").contains("onderdeel 2, het verloop van het incident: 1")
        .contains("onderdeel 3, de gezinsachtergronden: 0")
        .contains("Advies: in ten minste één onderdeel is twee keer of vaker rood gescoord")
        // art. 2(4)(c): the names under the contact ban, and only those
        .contains("   - Sanne Slachtoffer, geboren op 14 februari 1987\n   - Kees Kind, geboren op 3 september 2019")
        .doesNotContain(HuisverbodTestDossier.ZONDER_CONTACTVERBOD)
        .contains("MOTIVERING\n\nDe pleger heeft eerder geweld gebruikt en dreigt opnieuw.")
        // art. 2(7): oral order put in writing
        .contains("Dit huisverbod is op 23 april 2027 om 10:00 uur mondeling opgelegd")
        .contains("(artikel 2, zevende lid)")
        // art. 3: mandate
        .endsWith("De hulpofficier van justitie, namens de burgemeester, op grond van mandaat (art. 3 Wth).\n"
            + "De burgemeester wordt hiervan onverwijld in kennis gesteld (artikel 3, tweede lid).\n")
        // art. 11 and the remedy (art. 5, 6)
        .contains("pleegt een misdrijf").contains("gevangenisstraf van ten hoogste twee jaren (artikel 11)")
        .contains("beroep instellen bij de bestuursrechter").contains("voorlopige voorziening")
        .contains("binnen drie dagen").contains("binnen 24 uur na het opleggen")
        .doesNotContain("{{").doesNotContain("\n\n\n");
    assertThat(auditSoorten(zaaknummer)).containsExactly("DOCUMENT_OPGESTELD");

    // The same text through the API, as the burgemeester reads it
    ResponseEntity<String> viaApi = rest.withBasicAuth("burgemeester", "demo")
        .getForEntity("/api/huisverboden/" + zaaknummer + "/documenten/" + document.id(), String.class);
    assertThat(viaApi.getBody()).isEqualTo(tekst);
  }

  @Test
  @DisplayName("Beschikking van de burgemeester zelf, schriftelijk: geen mandaat- of mondelinge passage")
  void beschikkingVanDeBurgemeester() {
    String zaaknummer = HuisverbodTestDossier.leg(jdbc, INCIDENT);
    Map<String, Object> variabelen = oplegging(zaaknummer, "BURGEMEESTER");
    // as a Camunda Form submits a date-time
    variabelen.put("opgelegdOp", "2027-04-23T10:00:00+02:00");

    voerUit("beschikkingOpstellen", zaaknummer, variabelen);

    String tekst = enigDocument(zaaknummer).inhoud();
    assertThat(tekst).endsWith("De burgemeester van Amsterdam,\n")
        .contains("van 23 april 2027 om 10:00 uur tot 3 mei 2027 om 10:00 uur")
        .doesNotContain("mandaat").doesNotContain("mondeling").doesNotContain("MOTIVERING");
  }

  @Test
  @DisplayName("Locoburgemeester; de duur telt in kalenderdagen op lokale tijd, ook over de zomertijd heen")
  void beschikkingVanDeLocoburgemeesterOverDeZomertijd() {
    String zaaknummer = HuisverbodTestDossier.leg(jdbc, INCIDENT);
    Instant opgelegd = OffsetDateTime.parse("2027-03-27T12:00:00+01:00").toInstant();
    Map<String, Object> variabelen = oplegging(zaaknummer, "LOCOBURGEMEESTER");
    variabelen.put("opgelegdOp", Date.from(opgelegd));
    variabelen.put("huisverbodEindigtOp", Date.from(OffsetDateTime.parse("2027-04-06T12:00:00+02:00").toInstant()));

    voerUit("beschikkingOpstellen", zaaknummer, variabelen);

    assertThat(enigDocument(zaaknummer).inhoud())
        .contains("van 27 maart 2027 om 12:00 uur tot 6 april 2027 om 12:00 uur (10 dagen)")
        .contains("De locoburgemeester van Amsterdam, die de burgemeester vervangt,");
  }

  @Test
  @DisplayName("Zonder woning geen beschikking (art. 2 lid 4 sub a): de stap faalt; met woningAdres wel")
  void zonderWoningGeenBeschikking() {
    String zaaknummer = HuisverbodTestDossier.leg(jdbc, INCIDENT, null);
    ProcessInstance pi = start("beschikkingOpstellen", zaaknummer, oplegging(zaaknummer, "BURGEMEESTER"));
    Job job = managementService.createJobQuery().processInstanceId(pi.getId()).singleResult();

    assertThatThrownBy(() -> managementService.executeJob(job.getId()))
        .hasMessageContaining("de woning is niet bekend");
    assertThat(documenten(zaaknummer)).isEmpty();

    runtimeService.setVariable(pi.getId(), "woningAdres", "Kerkpad 3, 3511 AA Utrecht");
    managementService.executeJob(job.getId());
    assertThat(enigDocument(zaaknummer).inhoud()).contains("Het huisverbod geldt voor de woning:\n   Kerkpad 3, 3511 AA Utrecht");
    assertThat(jdbc.sql("select woning_adres from huisverbod where zaaknummer = ?").params(zaaknummer)
        .query(String.class).single()).isEqualTo("Kerkpad 3, 3511 AA Utrecht");
  }

  @Test
  @DisplayName("Dezelfde stap op dezelfde executie opnieuw: het eerder geschreven document, geen tweede")
  void dezelfdeStapSchrijftEenmaal() {
    String zaaknummer = HuisverbodTestDossier.leg(jdbc, INCIDENT);
    Map<String, Object> variabelen = oplegging(zaaknummer, "BURGEMEESTER");
    ProcessInstance pi = runtimeService.startProcessInstanceByKey(PREFIX + "nogmaals", zaaknummer, metRegio(variabelen));
    voerJobUit(pi);
    long eerste = enigDocument(zaaknummer).id();

    taskService.complete(taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult().getId(),
        Map.of("nogmaals", true));
    voerJobUit(pi);

    assertThat(documenten(zaaknummer)).extracting(Document::id).containsExactly(eerste);
    assertThat(runtimeService.getVariable(pi.getId(), "beschikkingDocumentId")).isEqualTo(eerste);
    assertThat(auditSoorten(zaaknummer)).containsExactly("DOCUMENT_OPGESTELD");
  }

  // ------------------------------------------------------------------ verlenging and intrekking

  @Test
  @DisplayName("Beschikking verlenging (art. 9): nieuw einde, voortdurende dreiging, motivering, namen, burgemeester")
  void beschikkingVerlenging() {
    String zaaknummer = HuisverbodTestDossier.leg(jdbc, INCIDENT);
    Map<String, Object> variabelen = verlenging(zaaknummer, Duration.ofDays(28));
    variabelen.put("verlengingMotivering", "Het hulpverleningstraject is net gestart; de spanning is nog hoog.");

    ProcessInstance pi = voerUit("beschikkingVerlengingOpstellen", zaaknummer, variabelen);

    Document document = enigDocument(zaaknummer);
    assertThat(document.soort()).isEqualTo("BESCHIKKING_VERLENGING");
    assertThat(runtimeService.getVariable(pi.getId(), "beschikkingVerlengingDocumentId")).isEqualTo(document.id());
    assertThat(document.inhoud())
        .contains("Het huisverbod wordt verlengd tot 21 mei 2027 om 10:00 uur.")
        .contains("in totaal 28 dagen na het opleggen")
        .contains("op 23 april 2027 om 10:00 uur aan Pieter Pleger")
        .contains("Dorpsstraat 1, 1234 AB Amsterdam")
        .contains("De dreiging van het gevaar zet zich voort.")
        .contains("Het hulpverleningstraject is net gestart; de spanning is nog hoog.")
        .contains("Sanne Slachtoffer").contains("Kees Kind").doesNotContain(HuisverbodTestDossier.ZONDER_CONTACTVERBOD)
        .contains("artikel 11").contains("voorlopige voorziening")
        .endsWith("De burgemeester van Amsterdam,\n");
  }

  @Test
  @DisplayName("Verlenging voorbij vier weken na oplegging of door de hulpofficier: geen beschikking")
  void onrechtmatigeVerlengingWordtNietOpgesteld() {
    String zaaknummer = HuisverbodTestDossier.leg(jdbc, INCIDENT);
    ProcessInstance teLang = start("beschikkingVerlengingOpstellen", zaaknummer,
        verlenging(zaaknummer, Duration.ofDays(28).plusMinutes(1)));
    Map<String, Object> doorHulpofficier = verlenging(zaaknummer, Duration.ofDays(20));
    doorHulpofficier.put("beslisser", "HULPOFFICIER");
    ProcessInstance zonderMandaat = start("beschikkingVerlengingOpstellen", zaaknummer, doorHulpofficier);

    assertThatThrownBy(() -> voerJobUit(teLang)).hasMessageContaining("meer dan vier weken");
    assertThatThrownBy(() -> voerJobUit(zonderMandaat)).hasMessageContaining("alleen de burgemeester verlengt");
    assertThat(documenten(zaaknummer)).isEmpty();
  }

  @Test
  @DisplayName("Beschikking intrekking (art. 2 lid 9): bevestiging van de hulpverlener, reden, ingang")
  void beschikkingIntrekking() {
    String zaaknummer = HuisverbodTestDossier.leg(jdbc, INCIDENT);
    ClockUtil.setCurrentTime(Date.from(NU.plusDays(5).toInstant()));
    Map<String, Object> variabelen = new HashMap<>();
    variabelen.put("zaaknummer", zaaknummer);
    variabelen.put("opgelegdOp", Date.from(NU.toInstant()));
    variabelen.put("bevestigdDoor", "Stichting Hulp Thuis");
    variabelen.put("intrekkingMotivering", "De pleger volgt dagelijks begeleiding; het risico is afgenomen.");

    ProcessInstance pi = voerUit("beschikkingIntrekkingOpstellen", zaaknummer, variabelen);

    Document document = enigDocument(zaaknummer);
    assertThat(document.soort()).isEqualTo("BESCHIKKING_INTREKKING");
    assertThat(runtimeService.getVariable(pi.getId(), "beschikkingIntrekkingDocumentId")).isEqualTo(document.id());
    assertThat(document.inhoud())
        .contains("Stichting Hulp Thuis heeft bevestigd dat Pieter Pleger het hulpaanbod heeft aanvaard")
        .contains("niet te belemmeren")
        .contains("Het huisverbod wordt ingetrokken met ingang van 28 april 2027 om 10:00 uur.")
        .contains("De pleger volgt dagelijks begeleiding; het risico is afgenomen.")
        .contains("artikel 2, negende lid")
        .endsWith("De burgemeester van Amsterdam,\n");
  }

  // ------------------------------------------------------------------ mails

  @Test
  @DisplayName("Oplegging onder mandaat: de burgemeester krijgt onverwijld een mail zonder namen (art. 3 lid 2)")
  void burgemeesterWordtGeinformeerd() throws Exception {
    String zaaknummer = HuisverbodTestDossier.leg(jdbc, INCIDENT);

    String job = voerJobUit(start("burgemeesterInformeren", zaaknummer, oplegging(zaaknummer, "HULPOFFICIER")));

    MimeMessage mail = enigeMail(BURGEMEESTER_AMSTERDAM, zaaknummer);
    assertThat(mail.getSubject()).isEqualTo("Tijdelijk huisverbod opgelegd onder mandaat: " + zaaknummer);
    // Message-ID by the job that sends it: the same on every attempt (engine.StapUitvoering).
    assertThat(mail.getMessageID()).isEqualTo("<" + zaaknummer + ".Stap." + job + "@keten-hgkm>");
    String body = tekst(mail);
    assertThat(body).contains("Opgelegd op: 23 april 2027 om 10:00 uur")
        .contains("Eindigt op:  3 mei 2027 om 10:00 uur")
        .contains("Tasklist: http://localhost:8080/camunda/app/tasklist/")
        .contains("gemeente Amsterdam");
    assertThat(mail.getSubject() + body).doesNotContain("Pleger").doesNotContain("Slachtoffer")
        .doesNotContain("Kind").doesNotContain("Dorpsstraat");
    assertThat(auditSoorten(zaaknummer)).containsExactly("BURGEMEESTER_GEINFORMEERD");
  }

  @Test
  @DisplayName("Door de burgemeester zelf opgelegd: geen mail, wel een regel in de audittrail")
  void burgemeesterZelfKrijgtGeenMail() throws Exception {
    String zaaknummer = HuisverbodTestDossier.leg(jdbc, INCIDENT);

    voerUit("burgemeesterInformeren", zaaknummer, oplegging(zaaknummer, "BURGEMEESTER"));

    assertThat(mails(zaaknummer)).isEmpty();
    assertThat(auditSoorten(zaaknummer)).containsExactly("BURGEMEESTER_NIET_GEINFORMEERD");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "VERLOPEN             | De duur van het huisverbod is verstreken op 3 mei 2027 om 10:00 uur",
      "VOORZIENINGENRECHTER | De voorzieningenrechter heeft het verzoek om een voorlopige voorziening toegewezen",
      "INGETROKKEN          | De burgemeester heeft het huisverbod ingetrokken"})
  @DisplayName("Einde van het huisverbod: gemeente en Veilig Thuis van de regio horen het, met de reden")
  void eindeWordtGemeld(String reden, String redenTekst) throws Exception {
    String zaaknummer = HuisverbodTestDossier.leg(jdbc, INCIDENT);
    ClockUtil.setCurrentTime(Date.from(NU.plusDays(10).toInstant()));
    Map<String, Object> variabelen = oplegging(zaaknummer, "HULPOFFICIER");
    variabelen.put("regio", "amsterdam-amstelland");
    variabelen.put("beeindigingsreden", reden);

    String job = voerJobUit(start("huisverbodEindeMelden", zaaknummer, variabelen));

    MimeMessage aanGemeente = enigeMail(BURGEMEESTER_AMSTERDAM, zaaknummer);
    MimeMessage aanVeiligThuis = enigeMail(VT_AMSTERDAM, zaaknummer);
    assertThat(mails(zaaknummer)).hasSize(2);
    for (MimeMessage mail : List.of(aanGemeente, aanVeiligThuis)) {
      assertThat(mail.getSubject()).isEqualTo("Tijdelijk huisverbod beëindigd: " + zaaknummer);
      assertThat(tekst(mail)).contains(redenTekst)
          .contains("opgelegd op 23 april 2027 om 10:00 uur, is beëindigd op 3 mei 2027 om 10:00 uur")
          .doesNotContain("Pleger").doesNotContain("Sanne");
    }
    assertThat(tekst(aanGemeente)).startsWith("Geachte burgemeester,");
    assertThat(tekst(aanVeiligThuis)).startsWith("Beste collega's van Veilig Thuis Amsterdam-Amstelland,");
    String berichtId = zaaknummer + ".Stap." + job;
    assertThat(aanGemeente.getMessageID()).isEqualTo("<" + berichtId + ".burgemeester@keten-hgkm>");
    assertThat(aanVeiligThuis.getMessageID()).isEqualTo("<" + berichtId + ".veilig-thuis@keten-hgkm>");
    assertThat(auditSoorten(zaaknummer)).containsExactly("EINDE_GEMELD");
  }

  @Test
  @DisplayName("Onbekende beëindigingsreden: de stap faalt, er gaat geen mail uit")
  void onbekendeRedenFaalt() throws Exception {
    String zaaknummer = HuisverbodTestDossier.leg(jdbc, INCIDENT);
    Map<String, Object> variabelen = oplegging(zaaknummer, "HULPOFFICIER");
    variabelen.put("regio", "amsterdam-amstelland");
    variabelen.put("beeindigingsreden", "VERHUISD");
    ProcessInstance pi = start("huisverbodEindeMelden", zaaknummer, variabelen);

    assertThatThrownBy(() -> voerJobUit(pi)).hasMessageContaining("Onbekende beeindigingsreden VERHUISD");
    assertThat(mails(zaaknummer)).isEmpty();
  }

  // ------------------------------------------------------------------ helpers

  record Document(long id, String soort, String titel, String inhoud, String verzoekId) {}

  private static BpmnModelInstance eenStap(String delegate) {
    return Bpmn.createExecutableProcess(PREFIX + delegate)
        .camundaHistoryTimeToLive(1)
        .startEvent()
        .serviceTask("Stap").camundaAsyncBefore().camundaDelegateExpression("${" + delegate + "}")
        .userTask("Klaar")
        .endEvent()
        .done();
  }

  private Map<String, Object> oplegging(String zaaknummer, String opgelegdDoor) {
    Map<String, Object> variabelen = new HashMap<>();
    variabelen.put("zaaknummer", zaaknummer);
    variabelen.put("gemeente", "amsterdam");
    variabelen.put("advies", "HUISVERBOD_IN_BEGINSEL");
    variabelen.put("opgelegdDoor", opgelegdDoor);
    variabelen.put("opgelegdOp", Date.from(NU.toInstant()));
    variabelen.put("huisverbodEindigtOp", Date.from(NU.plusDays(10).toInstant()));
    return variabelen;
  }

  private Map<String, Object> verlenging(String zaaknummer, Duration totaleDuur) {
    Map<String, Object> variabelen = new HashMap<>();
    variabelen.put("zaaknummer", zaaknummer);
    variabelen.put("opgelegdOp", Date.from(NU.toInstant()));
    variabelen.put("huisverbodEindigtOp", Date.from(NU.toInstant().plus(totaleDuur)));
    variabelen.put("dreigingZetVoort", true);
    return variabelen;
  }

  private ProcessInstance start(String delegate, String zaaknummer, Map<String, Object> variabelen) {
    return runtimeService.startProcessInstanceByKey(PREFIX + delegate, zaaknummer, metRegio(variabelen));
  }

  /** Every case belongs to a region (RegioTenantIdProvider); the test dossiers are of Amsterdam-Amstelland. */
  private static Map<String, Object> metRegio(Map<String, Object> variabelen) {
    Map<String, Object> metRegio = new HashMap<>(variabelen);
    metRegio.putIfAbsent("regio", "amsterdam-amstelland");
    return metRegio;
  }

  private ProcessInstance voerUit(String delegate, String zaaknummer, Map<String, Object> variabelen) {
    ProcessInstance pi = start(delegate, zaaknummer, variabelen);
    voerJobUit(pi);
    assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).count()).isEqualTo(1);
    return pi;
  }

  /** Executes the instance's one job; answers its id. */
  private String voerJobUit(ProcessInstance pi) {
    Job job = managementService.createJobQuery().processInstanceId(pi.getId()).singleResult();
    managementService.executeJob(job.getId());
    return job.getId();
  }

  private List<Document> documenten(String zaaknummer) {
    return jdbc.sql("select id, soort, titel, inhoud, verzoek_id from zaak_document where zaaknummer = ? order by id")
        .params(zaaknummer)
        .query((rs, n) -> new Document(rs.getLong("id"), rs.getString("soort"), rs.getString("titel"),
            rs.getString("inhoud"), rs.getString("verzoek_id")))
        .list();
  }

  private Document enigDocument(String zaaknummer) {
    List<Document> documenten = documenten(zaaknummer);
    assertThat(documenten).hasSize(1);
    return documenten.get(0);
  }

  private List<String> auditSoorten(String zaaknummer) {
    return jdbc.sql("select soort from audit_gebeurtenis where zaaknummer = ? order by id").params(zaaknummer)
        .query(String.class).list();
  }

  /** The decoded text of a mail (the raw body is quoted-printable). */
  private static String tekst(MimeMessage mail) throws Exception {
    return mail.getContent().toString().replace("\r\n", "\n");
  }

  private List<MimeMessage> mails(String zaaknummer) throws MessagingException {
    List<MimeMessage> resultaat = new java.util.ArrayList<>();
    for (MimeMessage m : smtp.getReceivedMessages()) {
      if (m.getSubject().contains(zaaknummer)) {
        resultaat.add(m);
      }
    }
    return resultaat;
  }

  private MimeMessage enigeMail(String aan, String zaaknummer) throws MessagingException {
    List<MimeMessage> aanOntvanger = new java.util.ArrayList<>();
    for (MimeMessage m : mails(zaaknummer)) {
      if (Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(aan))) {
        aanOntvanger.add(m);
      }
    }
    assertThat(aanOntvanger).hasSize(1);
    return aanOntvanger.get(0);
  }
}
