package nl.hgkm.keten.melding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.hgkm.keten.support.KetenIntegratieTest;
import nl.hgkm.keten.support.TestKlok;
import nl.hgkm.keten.zaak.AuditLog;
import nl.hgkm.keten.zaak.Bsn;
import nl.hgkm.keten.zaak.DossierRepository;
import nl.hgkm.keten.zaak.TestBsn;
import nl.hgkm.keten.zaak.TestDossiers;
import nl.hgkm.keten.zaak.TestGebruikers;
import nl.hgkm.keten.zaak.Zaaktype;
import nl.hgkm.keten.zaak.ZaaknummerGenerator;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The radar's lookups and classification on case files written straight into the tables (these cases have no
 * running process, so Veilig Thuis is not involved any more: a match is earlier involvement, a hermelding), and the
 * phase of a running case read from where its real {@code melding} instance stands now, for cases filed through
 * the API.
 * (The way back from monitoring into a new assessment through the intake is in MonitoringProcesIT.)
 */
@KetenIntegratieTest
class RadarServiceIT {

  static final String AMSTERDAM = "amsterdam-amstelland";
  static final String UTRECHT = "utrecht";

  @Autowired RadarService radar;
  @Autowired DossierRepository dossierRepository;
  @Autowired ZaaknummerGenerator zaaknummers;
  @Autowired AuditLog audit;
  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;

  TestDossiers dossiers;
  String naam;
  LocalDate geboortedatum = LocalDate.of(1988, 2, 29);

  @BeforeAll
  static void gebruikers(@Autowired IdentityService identityService) {
    TestGebruikers.zorgVoorAlle(identityService);
  }

  @BeforeEach
  void uniekePersoon() {
    dossiers = new TestDossiers(dossierRepository, zaaknummers, audit);
    naam = "Radar " + UUID.randomUUID();
    ClockUtil.setCurrentTime(Date.from(NU.toInstant()));
  }

  @AfterEach
  void klokTerug() {
    TestKlok.terug();
  }

  @Test
  void eenOnbekendePersoonGeeftEenNieuweMelding() {
    RadarUitkomst uitkomst = radar.bevraag(AMSTERDAM, List.of(persoon(naam, geboortedatum, TestBsn.nieuw())));

    assertThat(uitkomst.categorie()).isEqualTo("NIEUWE_MELDING");
    assertThat(uitkomst.fase()).isEqualTo(LopendeBetrokkenheidFase.GEEN);
    assertThat(uitkomst.eerderBekendBijVT()).isFalse();
    assertThat(uitkomst.radarSignaal()).isFalse();
    assertThat(uitkomst.bundelMetLopendDossier()).isFalse();
    assertThat(uitkomst.lopendeZaak()).isNull();
  }

  @Test
  void zelfdeBsnInEenAfgeslotenZaakVanDeRegioIsEenHermelding() {
    String bsn = TestBsn.nieuw();
    String eerder = dossiers.zaakMetPersoon(Zaaktype.MELDING, AMSTERDAM, "Iemand Anders", null, bsn);

    RadarUitkomst uitkomst = radar.bevraag(AMSTERDAM, List.of(persoon(naam, null, bsn)));

    assertThat(uitkomst.categorie()).isEqualTo("HERMELDING");
    assertThat(uitkomst.fase()).isEqualTo(LopendeBetrokkenheidFase.GEEN);
    assertThat(uitkomst.eerderBekendBijVT()).isTrue();
    assertThat(uitkomst.radarSignaal()).isTrue();
    assertThat(uitkomst.bundelMetLopendDossier()).isFalse();
    assertThat(uitkomst.bekendeZakenInRegio()).containsExactly(eerder);
    assertThat(uitkomst.andereRegios()).isEmpty();
    assertThat(uitkomst.samenvatting()).contains("HERMELDING", eerder).doesNotContain(bsn);
  }

  @Test
  void zonderBsnTeltDeGenormaliseerdeNaamMetDeGeboortedatum() {
    String eerder = dossiers.zaakMetPersoon(Zaaktype.MELDING, AMSTERDAM, naam, geboortedatum, null);
    String anders = "  " + naam.toUpperCase().replace(" ", "   ") + " ";

    RadarUitkomst uitkomst = radar.bevraag(AMSTERDAM, List.of(persoon(anders, geboortedatum, null)));

    assertThat(uitkomst.categorie()).isEqualTo("HERMELDING");
    assertThat(uitkomst.bekendeZakenInRegio()).containsExactly(eerder);
  }

  @Test
  void zelfdeNaamMetEenAndereOfOnbekendeGeboortedatumIsNietDezelfdePersoon() {
    dossiers.zaakMetPersoon(Zaaktype.MELDING, AMSTERDAM, naam, geboortedatum, null);

    assertThat(radar.bevraag(AMSTERDAM, List.of(persoon(naam, geboortedatum.plusDays(1), null))).categorie())
        .isEqualTo("NIEUWE_MELDING");
    assertThat(radar.bevraag(AMSTERDAM, List.of(persoon(naam, null, null))).categorie())
        .isEqualTo("NIEUWE_MELDING");
  }

  @Test
  void eenZaakInEenAndereRegioIsEerdereBetrokkenheidZonderInzage() {
    String bsn = TestBsn.nieuw();
    String elders = dossiers.zaakMetPersoon(Zaaktype.MELDING, UTRECHT, naam, geboortedatum, bsn);

    RadarUitkomst uitkomst = radar.bevraag(AMSTERDAM, List.of(persoon(naam, geboortedatum, bsn)));

    assertThat(uitkomst.categorie()).isEqualTo("HERMELDING");
    assertThat(uitkomst.eerderBekendBijVT()).isTrue();
    assertThat(uitkomst.bekendeZakenInRegio()).isEmpty();
    assertThat(uitkomst.andereRegios()).containsExactly(UTRECHT);
    assertThat(uitkomst.samenvatting()).doesNotContain(elders);
  }

  @Test
  void eenHuisverbodIsGeenVeiligThuisZaak() {
    String bsn = TestBsn.nieuw();
    dossiers.zaakMetPersoon(Zaaktype.HUISVERBOD, AMSTERDAM, naam, geboortedatum, bsn);

    assertThat(radar.bevraag(AMSTERDAM, List.of(persoon(naam, geboortedatum, bsn))).categorie())
        .isEqualTo("NIEUWE_MELDING");
  }

  @Test
  void elkeBetrokkeneVanDeMeldingTelt() {
    String bsn = TestBsn.nieuw();
    String eerder = dossiers.zaakMetPersoon(Zaaktype.MELDING, AMSTERDAM, "Kind " + naam, null, bsn);

    RadarUitkomst uitkomst = radar.bevraag(AMSTERDAM,
        List.of(persoon(naam, geboortedatum, TestBsn.nieuw()), persoon("Kind " + naam, null, bsn)));

    assertThat(uitkomst.bekendeZakenInRegio()).containsExactly(eerder);
  }

  @Test
  void eenZaakZonderLopendProcesHeeftGeenLopendeBetrokkenheid() {
    String zaaknummer = dossiers.zaakMetPersoon(Zaaktype.MELDING, AMSTERDAM, naam, geboortedatum, null);

    assertThat(radar.lopendeBetrokkenheid(zaaknummer)).isEmpty();
  }

  // ------------------------------------------------------------------ the phase of a running case

  static final OffsetDateTime NU = OffsetDateTime.parse("2027-04-23T12:00:00+02:00");
  static final OffsetDateTime ONTVANGEN = OffsetDateTime.parse("2027-04-23T10:00:00+02:00");

  @Test
  @DisplayName("Wacht de melding op de veiligheidsbeoordeling: fase VEILIGHEIDSBEOORDELING, in de meldinginstantie")
  void tijdensDeVeiligheidsbeoordeling() {
    JsonNode melding = meld(TestMeldingen.geldig(ONTVANGEN));

    assertThat(radar.lopendeBetrokkenheid(melding.path("zaaknummer").asText())).hasValueSatisfying(lopend -> {
      assertThat(lopend.fase()).isEqualTo(LopendeBetrokkenheidFase.VEILIGHEIDSBEOORDELING);
      assertThat(lopend.processInstanceId()).isEqualTo(melding.path("processInstanceId").asText());
    });
  }

  @Test
  @DisplayName("Acuut: wie nog directe veiligheid organiseert, is vóór de beoordeling, dus VEILIGHEIDSBEOORDELING")
  void voorDeVeiligheidsbeoordeling() {
    ObjectNode acuut = TestMeldingen.geldig(ONTVANGEN);
    ((ObjectNode) acuut.get("signalen")).put("directLevensgevaar", true);
    JsonNode melding = meld(acuut);
    assertThat(taken(melding, "directe-veiligheid")).isEqualTo(1);

    assertThat(fase(melding)).isEqualTo(LopendeBetrokkenheidFase.VEILIGHEIDSBEOORDELING);
  }

  @Test
  @DisplayName("Termijn verstreken en escalatie naar de teamleider: de beoordeling loopt nog, VEILIGHEIDSBEOORDELING")
  void naEenVerstrekenTermijnNogSteedsTijdensDeBeoordeling() {
    JsonNode melding = meld(TestMeldingen.geldig(ONTVANGEN));
    String pid = melding.path("processInstanceId").asText();
    Job timer = managementService.createJobQuery().processInstanceId(pid).timers().singleResult();
    ClockUtil.setCurrentTime(timer.getDuedate());
    managementService.executeJob(timer.getId());
    assertThat(runtimeService.getActiveActivityIds(pid)).contains("veiligheidsbeoordeling");

    assertThat(fase(melding)).isEqualTo(LopendeBetrokkenheidFase.VEILIGHEIDSBEOORDELING);
  }

  @Test
  @DisplayName("Beoordeling afgerond, zaak loopt (overdracht): NA_VEILIGHEIDSBEOORDELING; afgesloten: geen betrokkenheid")
  void naDeVeiligheidsbeoordelingEnNaHetEinde() {
    JsonNode melding = meld(TestMeldingen.geldig(ONTVANGEN));
    String pid = melding.path("processInstanceId").asText();
    rondVeiligheidsbeoordelingAf(pid);
    assertThat(taken(melding, "overdracht-bevestigen")).isEqualTo(1);

    assertThat(radar.lopendeBetrokkenheid(melding.path("zaaknummer").asText())).hasValueSatisfying(lopend -> {
      assertThat(lopend.fase()).isEqualTo(LopendeBetrokkenheidFase.NA_VEILIGHEIDSBEOORDELING);
      assertThat(lopend.processInstanceId()).isEqualTo(pid);
    });

    runtimeService.deleteProcessInstance(pid, "test: bemoeienis beëindigd");
    assertThat(radar.lopendeBetrokkenheid(melding.path("zaaknummer").asText())).isEmpty();
  }

  @Test
  @DisplayName("Opnieuw in de beoordeling (zoals na onveilige monitoring): de huidige stand telt, niet de geschiedenis")
  void opnieuwInDeBeoordelingTeltAlsTijdensDeBeoordeling() {
    JsonNode melding = meld(TestMeldingen.geldig(ONTVANGEN));
    String pid = melding.path("processInstanceId").asText();
    rondVeiligheidsbeoordelingAf(pid);
    assertThat(fase(melding)).isEqualTo(LopendeBetrokkenheidFase.NA_VEILIGHEIDSBEOORDELING);

    // The case goes back into a new assessment of the real model, the way a loop from monitoring would bring it.
    runtimeService.createProcessInstanceModification(pid)
        .cancelAllForActivity("overdracht-bevestigen")
        .startBeforeActivity("Subproces_Veiligheidsbeoordeling")
        .execute();

    assertThat(fase(melding)).isEqualTo(LopendeBetrokkenheidFase.VEILIGHEIDSBEOORDELING);
  }

  @Test
  @DisplayName("Een vervolgmelding na de beoordeling: fase NA_VEILIGHEIDSBEOORDELING, ook met een open weging")
  void eenOpenWegingVerandertDeFaseNiet() {
    ObjectNode eerste = TestMeldingen.geldig(ONTVANGEN);
    String bsn = eerste.withArray("betrokkenen").get(0).path("bsn").asText();
    JsonNode melding = meld(eerste);
    rondVeiligheidsbeoordelingAf(melding.path("processInstanceId").asText());

    ObjectNode vervolg = TestMeldingen.geldig(ONTVANGEN.plusMinutes(30));
    vervolg.withArray("betrokkenen").removeAll().add(TestMeldingen.persoon("SLACHTOFFER", naam, null, bsn));
    assertThat(meld(vervolg).path("categorie").asText()).isEqualTo("VERVOLGMELDING_NA_VB");
    assertThat(taken(melding, "vervolgmelding-wegen")).isEqualTo(1);

    assertThat(fase(melding)).isEqualTo(LopendeBetrokkenheidFase.NA_VEILIGHEIDSBEOORDELING);
  }

  @Test
  @DisplayName("Voorwaarden gesteld en overdracht bevestigd: monitoring loopt, fase MONITORING, in de monitoringinstantie")
  void tijdensMonitoring() {
    JsonNode melding = meld(TestMeldingen.geldig(ONTVANGEN));
    String pid = melding.path("processInstanceId").asText();
    Map<String, Object> invoer = beoordeling();
    invoer.put("structureel", true);
    taskService.complete(taak(pid, "veiligheidsbeoordeling"), invoer);
    assertThat(runtimeService.getVariable(pid, "vervolg")).isEqualTo("VOORWAARDEN_EN_VERVOLG");
    taskService.complete(taak(pid, "veiligheidsvoorwaarden-vaststellen"), Map.of(
        "veiligheidsvoorwaarden", "Geen geweld waar de kinderen bij zijn", "overdrachtAan", "Wijkteam Oost"));
    taskService.complete(taak(pid, "overdracht-bevestigen"), Map.of(
        "overdrachtGeaccepteerd", true, "toelichtingOverdracht", "Start maandag"));
    assertThat(runtimeService.getActiveActivityIds(pid)).contains("Monitoring");
    String monitoring = runtimeService.createProcessInstanceQuery().processDefinitionKey("monitoring")
        .processInstanceBusinessKey(melding.path("zaaknummer").asText()).singleResult().getId();

    assertThat(radar.lopendeBetrokkenheid(melding.path("zaaknummer").asText())).hasValueSatisfying(lopend -> {
      assertThat(lopend.fase()).isEqualTo(LopendeBetrokkenheidFase.MONITORING);
      assertThat(lopend.processInstanceId()).as("de monitoring weegt een vervolgmelding").isEqualTo(monitoring);
    });
  }

  private String taak(String pid, String sleutel) {
    return taskService.createTaskQuery().processInstanceId(pid).taskDefinitionKey(sleutel).singleResult().getId();
  }

  private JsonNode meld(ObjectNode body) {
    ResponseEntity<String> antwoord = TestMeldingen.post(http, TestGebruikers.INTAKE, body);
    assertThat(antwoord.getStatusCode()).as(antwoord.getBody()).isEqualTo(HttpStatus.CREATED);
    return TestMeldingen.lees(antwoord.getBody());
  }

  private LopendeBetrokkenheidFase fase(JsonNode melding) {
    return radar.lopendeBetrokkenheid(melding.path("zaaknummer").asText()).orElseThrow().fase();
  }

  private long taken(JsonNode melding, String sleutel) {
    return taskService.createTaskQuery().processInstanceId(melding.path("processInstanceId").asText())
        .taskDefinitionKey(sleutel).count();
  }

  /** The assessment completed with a hand-over to the local team: the case waits at overdracht-bevestigen. */
  private void rondVeiligheidsbeoordelingAf(String pid) {
    taskService.complete(taak(pid, "veiligheidsbeoordeling"), beoordeling());
  }

  /** Inputs of vervolg-na-veiligheidsbeoordeling that lead to OVERDRACHT_LOKAAL_TEAM. */
  private static Map<String, Object> beoordeling() {
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
    return invoer;
  }

  private static MeldingVerzoek.Persoon persoon(String naam, LocalDate geboortedatum, String bsn) {
    return new MeldingVerzoek.Persoon(BetrokkeneRol.SLACHTOFFER, naam, geboortedatum, bsn == null ? null : new Bsn(bsn));
  }
}
