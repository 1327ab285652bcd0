package nl.hgkm.keten.privacy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.hgkm.keten.audit.Inzagelog;
import nl.hgkm.keten.engine.PersoonsgegevensInEngine;
import nl.hgkm.keten.kalender.Klok;
import nl.hgkm.keten.kalender.Werkdagenkalender;
import nl.hgkm.keten.zaak.AuditLog;
import nl.hgkm.keten.identiteit.Gebruiker;
import nl.hgkm.keten.identiteit.Groepen;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The data-subject rights of AVG art. 15 (inzage) and 17 (vernietiging), with the Wmo's substantial-interest exception
 * (docs/privacy.md, "Rechten van betrokkenen"). Finds a person by key in every case of this installation, across
 * regions: the privacy officer answers for the whole organisation.
 */
@Service
public class BetrokkeneRechten {

  static final String SYSTEEM = "systeem";
  static final String VERNIETIGD = "Vernietigd op verzoek";
  private static final String ENGINE_TEKST = "De procesengine (Camunda) kent u alleen onder uw persoonssleutel: "
      + "een pseudoniem dat zonder het geheim van deze installatie niet tot u te herleiden is. Uw naam en BSN staan "
      + "alleen in het dossier hierboven.";
  private static final String RECHTEN_TEKST = "U kunt uw gegevens laten aanvullen of corrigeren en om vernietiging "
      + "vragen (AVG art. 16 en 17). Veilig Thuis weigert vernietiging zolang de zaak loopt en waar bewaren van "
      + "aanmerkelijk belang is voor een ander dan u, zoals een kind; de reden krijgt u dan schriftelijk. U kunt "
      + "een klacht indienen bij de Autoriteit Persoonsgegevens.";

  private final JdbcClient jdbc;
  private final Persoonssleutels persoonssleutels;
  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final Inzagelog inzagelog;
  private final AuditLog audit;
  private final Klok klok;
  private final ZoneId tijdzone;
  private final Period bewaartermijn;
  private final PersoonsgegevensInEngine engine;
  private final TransactionTemplate transactie;
  private final IdentityService identityService;

  BetrokkeneRechten(IdentityService identityService, JdbcClient jdbc, JdbcTemplate jdbcTemplate, Persoonssleutels persoonssleutels,
      RuntimeService runtimeService, HistoryService historyService, Inzagelog inzagelog, AuditLog audit, Klok klok,
      Werkdagenkalender kalender, PrivacyProperties properties, PlatformTransactionManager transactionManager) {
    this.identityService = identityService;
    this.jdbc = jdbc;
    this.persoonssleutels = persoonssleutels;
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    this.inzagelog = inzagelog;
    this.audit = audit;
    this.klok = klok;
    this.tijdzone = kalender.tijdzone();
    this.bewaartermijn = properties.bewaartermijn();
    this.engine = new PersoonsgegevensInEngine(jdbcTemplate);
    this.transactie = new TransactionTemplate(transactionManager);
  }

  // ------------------------------------------------------------------ art. 15: inzage

  /** The document of everything held about the person; every case shown is a line in the read log. */
  public InzageDocument inzage(Betrokkene betrokkene, Gebruiker gebruiker) {
    Set<String> sleutels = betrokkene.sleutels(persoonssleutels);
    List<InzageDocument.Zaak> zaken = new ArrayList<>();
    for (String zaaknummer : zaken(sleutels, regios(gebruiker))) {
      zaken.add(zaak(zaaknummer, sleutels));
    }
    if (zaken.isEmpty()) {
      inzagelog.vastleggen(null, "Inzage betrokkene (AVG art. 15): geen gegevens", Inzagelog.Uitkomst.NIET_GEVONDEN);
    }
    for (InzageDocument.Zaak zaak : zaken) {
      inzagelog.vastleggen(zaak.zaaknummer(), "Inzage betrokkene (AVG art. 15) voor " + kort(sleutels),
          Inzagelog.Uitkomst.GETOOND);
    }
    return new InzageDocument(lokaal(klok.nu()), gebruiker.id(), List.copyOf(sleutels), zaken, ENGINE_TEKST,
        RECHTEN_TEKST);
  }

  private InzageDocument.Zaak zaak(String zaaknummer, Set<String> sleutels) {
    ZaakRij rij = jdbc.sql("select zaaknummer, zaaktype, regio, aangemaakt_op from zaak where zaaknummer = :z")
        .param("z", zaaknummer)
        .query((rs, n) -> new ZaakRij(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getObject(4, OffsetDateTime.class)))
        .single();
    boolean lopend = lopend(zaaknummer);
    Optional<Instant> afgesloten = lopend ? Optional.empty() : afgeslotenOp(zaaknummer);
    List<InzageDocument.Persoonsgegevens> gegevens = new ArrayList<>();
    gegevens.addAll(jdbc.sql("""
            select distinct rol, naam, geboortedatum, bsn, persoonssleutel from betrokkene
            where zaaknummer = :z and persoonssleutel in (:s)""")
        .param("z", zaaknummer).param("s", sleutels)
        .query((rs, n) -> new InzageDocument.Persoonsgegevens(rs.getString(1), rs.getString(2),
            rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5)))
        .list());
    gegevens.addAll(jdbc.sql("""
            select rol, naam, geboortedatum, bsn, persoonssleutel from huisverbod_persoon
            where zaaknummer = :z and persoonssleutel in (:s) order by id""")
        .param("z", zaaknummer).param("s", sleutels)
        .query((rs, n) -> new InzageDocument.Persoonsgegevens(rs.getString(1), rs.getString(2),
            rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5)))
        .list());
    List<InzageDocument.Melding> meldingen = jdbc.sql("""
            select m.ontvangen_op, m.categorie, m.melder_type, m.melder_naam, m.anoniem_naar_gezin, m.signalen,
              m.omschrijving
            from melding m where m.zaaknummer = :z and m.id in (
              select b.melding_id from betrokkene b where b.zaaknummer = :z and b.persoonssleutel in (:s))
            order by m.ontvangen_op""")
        .param("z", zaaknummer).param("s", sleutels)
        .query((rs, n) -> new InzageDocument.Melding(rs.getObject(1, OffsetDateTime.class), rs.getString(2),
            rs.getString(3), rs.getBoolean(5)
                ? "afgeschermd: de melder is anonimiteit toegezegd (AVG art. 15 lid 4, rechten van anderen)"
                : rs.getString(4),
            rs.getString(6), rs.getString(7)))
        .list();
    InzageDocument.Huisverbod huisverbod = jdbc.sql("""
            select gemeente, incident_op, woning_adres, advies, feiten from huisverbod where zaaknummer = :z""")
        .param("z", zaaknummer)
        .query((rs, n) -> new InzageDocument.Huisverbod(rs.getString(1), rs.getObject(2, OffsetDateTime.class),
            rs.getString(3), rs.getString(4), rs.getString(5)))
        .optional().orElse(null);
    List<InzageDocument.Document> documenten = jdbc.sql("""
            select soort, titel, aangemaakt_op from zaak_document where zaaknummer = :z order by id""")
        .param("z", zaaknummer)
        .query((rs, n) -> new InzageDocument.Document(rs.getString(1), rs.getString(2),
            rs.getObject(3, OffsetDateTime.class)))
        .list();
    List<InzageDocument.Contact> contacten = jdbc.sql("""
            select c.vastgelegd_op, c.contact_gelegd, c.hulp_aanvaard, c.toelichting from hulpaanbod_contact c
            join huisverbod_persoon p on p.id = c.persoon_id
            where c.zaaknummer = :z and p.persoonssleutel in (:s) order by c.id""")
        .param("z", zaaknummer).param("s", sleutels)
        .query((rs, n) -> new InzageDocument.Contact(rs.getObject(1, OffsetDateTime.class), rs.getBoolean(2),
            rs.getBoolean(3), rs.getString(4)))
        .list();
    List<InzageDocument.Verwerking> verwerkingen = jdbc.sql("""
            select tijdstip, soort, omschrijving from audit_gebeurtenis where zaaknummer = :z order by tijdstip, id""")
        .param("z", zaaknummer)
        .query((rs, n) -> new InzageDocument.Verwerking(rs.getObject(1, OffsetDateTime.class), rs.getString(2),
            rs.getString(3)))
        .list();
    List<String> ontvangers = "HUISVERBOD".equals(rij.zaaktype())
        ? List.of("Politie (registratie en uitreiking van de beschikking, Wth art. 2)",
            "Burgemeester van de gemeente (besluit, Wth art. 2 en 9)",
            "Veilig Thuis (Wth art. 2 lid 8)", "Zorgaanbieder voor het hulpaanbod (Wth art. 2 lid 9)")
        : List.of("Veilig Thuis-register: alleen dat Veilig Thuis " + rij.regio() + " bij u betrokken is of was",
            "Partijen aan wie de zaak is overgedragen of die een rol hebben in het vervolg (zie verwerkingen)");
    LocalDate bewarenTot = afgesloten.map(a -> a.atZone(tijdzone).toLocalDate().plus(bewaartermijn)).orElse(null);
    return new InzageDocument.Zaak(rij.zaaknummer(), rij.zaaktype(), rij.regio(), rij.aangemaaktOp(), lopend,
        afgesloten.map(this::lokaal).orElse(null), bewarenTot, gegevens, meldingen, huisverbod, documenten,
        contacten, verwerkingen, ontvangers);
  }

  private record ZaakRij(String zaaknummer, String zaaktype, String regio, OffsetDateTime aangemaaktOp) {}

  // ------------------------------------------------------------------ art. 17: vernietiging

  /** The outcome of a request: per case destroyed or refused, with the rule and the reason. */
  public record Vernietiging(long verzoekId, String uitkomst, String antwoord, List<Besluit> besluiten) {}

  public record Besluit(String zaaknummer, String besluit, String grond, String reden) {}

  /** Records the request, decides per case, carries out what the law allows; all in one transaction. */
  public Vernietiging vernietigingsverzoek(Betrokkene betrokkene, String verzoeker, String toelichting,
      Gebruiker gebruiker) {
    List<String> regios = regios(gebruiker);
    return transactie.execute(status -> verwerk(betrokkene, verzoeker, toelichting, gebruiker.id(), regios));
  }

  private Vernietiging verwerk(Betrokkene betrokkene, String verzoeker, String toelichting, String gebruiker,
      List<String> regios) {
    Set<String> sleutels = betrokkene.sleutels(persoonssleutels);
    List<Besluit> besluiten = new ArrayList<>();
    for (String zaaknummer : zaken(sleutels, regios)) {
      besluiten.add(beslis(zaaknummer, sleutels));
    }
    long vernietigd = besluiten.stream().filter(b -> "VERNIETIGD".equals(b.besluit())).count();
    String uitkomst = besluiten.isEmpty() ? "GEEN_GEGEVENS"
        : vernietigd == besluiten.size() ? "UITGEVOERD" : vernietigd == 0 ? "GEWEIGERD" : "DEELS_UITGEVOERD";
    String antwoord = antwoord(uitkomst, besluiten);
    Instant nu = klok.nu();
    KeyHolder nieuw = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into vernietigingsverzoek (persoonssleutel, ontvangen_op, vastgelegd_door, verzoeker, toelichting,
              uitkomst, antwoord)
            values (:sleutel, :op, :door, :verzoeker, :toelichting, :uitkomst, :antwoord)""")
        .param("sleutel", sleutels.iterator().next()).param("op", nu.atOffset(ZoneOffset.UTC))
        .param("door", gebruiker).param("verzoeker", kort(verzoeker, 300))
        .param("toelichting", toelichting == null ? null : kort(toelichting, 2000))
        .param("uitkomst", uitkomst).param("antwoord", kort(antwoord, 4000))
        .update(nieuw, "id");
    long verzoekId = nieuw.getKeyAs(Number.class).longValue();
    for (Besluit besluit : besluiten) {
      jdbc.sql("""
              insert into vernietigingsbesluit (verzoek_id, zaaknummer, besluit, grond, reden)
              values (:verzoek, :zaak, :besluit, :grond, :reden)""")
          .param("verzoek", verzoekId).param("zaak", besluit.zaaknummer()).param("besluit", besluit.besluit())
          .param("grond", besluit.grond()).param("reden", kort(besluit.reden(), 1000))
          .update();
      if ("VERNIETIGD".equals(besluit.besluit())) {
        vernietig(besluit.zaaknummer(), sleutels);
        audit.schrijf(besluit.zaaknummer(), gebruiker, "PERSOONSGEGEVENS_VERNIETIGD", "Persoonsgegevens van een "
            + "betrokkene vernietigd op verzoek (vernietigingsverzoek " + verzoekId + ", AVG art. 17): " + besluit.reden());
      } else {
        audit.schrijf(besluit.zaaknummer(), gebruiker, "VERNIETIGING_GEWEIGERD", "Vernietigingsverzoek "
            + verzoekId + " van een betrokkene geweigerd (" + besluit.grond() + "): " + besluit.reden());
      }
    }
    return new Vernietiging(verzoekId, uitkomst, antwoord, besluiten);
  }

  /**
   * The rules, in order (docs/privacy.md): a running case keeps everything; a huisverbod's file holds the mayor's
   * decisions; where Veilig Thuis found no domestic violence or child abuse the request is granted; where another
   * person of the case is a minor, keeping the file is in that child's substantial interest; otherwise granted.
   */
  Besluit beslis(String zaaknummer, Set<String> sleutels) {
    if (lopend(zaaknummer)) {
      return new Besluit(zaaknummer, "GEWEIGERD", "ZAAK_LOOPT", "De zaak loopt nog: Veilig Thuis heeft de gegevens "
          + "nodig voor zijn wettelijke taak (AVG art. 17 lid 3 sub b; Wmo 2015 art. 5.1.6). Vraag het opnieuw "
          + "als de zaak is afgesloten.");
    }
    String zaaktype = jdbc.sql("select zaaktype from zaak where zaaknummer = :z").param("z", zaaknummer)
        .query(String.class).single();
    if ("HUISVERBOD".equals(zaaktype)) {
      return new Besluit(zaaknummer, "GEWEIGERD", "BESCHIKKING_BURGEMEESTER", "Het dossier van een tijdelijk "
          + "huisverbod bevat besluiten van de burgemeester (Wet tijdelijk huisverbod art. 2 en 9). Die worden "
          + "bewaard en vernietigd volgens de Archiefwet 1995 en de selectielijst van de gemeente, niet op verzoek "
          + "(AVG art. 17 lid 3 sub b).");
    }
    if (geenHgkmVastgesteld(zaaknummer)) {
      return new Besluit(zaaknummer, "VERNIETIGD", "GEEN_HGKM_VASTGESTELD", "Veilig Thuis heeft in deze zaak geen "
          + "huiselijk geweld of kindermishandeling vastgesteld; een verzoek om vernietiging wordt dan ingewilligd.");
    }
    LocalDate vandaag = klok.nu().atZone(tijdzone).toLocalDate();
    boolean minderjarigeAnder = jdbc.sql("""
            select rol, geboortedatum from betrokkene where zaaknummer = :z
            and (persoonssleutel is null or persoonssleutel not in (:s))""")
        .param("z", zaaknummer).param("s", sleutels)
        .query((rs, n) -> "KIND".equals(rs.getString(1)) || (rs.getObject(2, LocalDate.class) != null
            && rs.getObject(2, LocalDate.class).plusYears(18).isAfter(vandaag)))
        .list().contains(true);
    if (minderjarigeAnder) {
      return new Besluit(zaaknummer, "GEWEIGERD", "AANMERKELIJK_BELANG_ANDER", "Bewaren is van aanmerkelijk belang "
          + "voor een ander dan de verzoeker: een minderjarige in deze zaak, voor wie het dossier later nodig kan "
          + "zijn om zijn veiligheid te beoordelen (Hof Arnhem-Leeuwarden 2019).");
    }
    return new Besluit(zaaknummer, "VERNIETIGD", "GEEN_BEZWAAR", "De zaak is afgesloten en bewaren is niet van "
        + "aanmerkelijk belang gebleken voor een ander dan de verzoeker.");
  }

  /** Veilig Thuis closed the case without domestic violence or child abuse: advice only, or found not to be so. */
  private boolean geenHgkmVastgesteld(String zaaknummer) {
    List<String> instanties = historyService.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(zaaknummer).processDefinitionKey("melding").list().stream()
        .map(HistoricProcessInstance::getId).toList();
    if (instanties.isEmpty()) {
      return false;
    }
    String[] ids = instanties.toArray(String[]::new);
    boolean advies = historyService.createHistoricVariableInstanceQuery().processInstanceIdIn(ids)
        .variableName("afsluitreden").list().stream().anyMatch(v -> "OMGEZET_IN_ADVIES".equals(v.getValue()));
    boolean nietVastgesteld = historyService.createHistoricVariableInstanceQuery().processInstanceIdIn(ids)
        .variableName("hgkmVastgesteld").list().stream().anyMatch(v -> Boolean.FALSE.equals(v.getValue()));
    return advies || nietVastgesteld;
  }

  /**
   * The person's own data in one case: name, birth date, BSN and key gone from the case file, and the key gone from
   * the case's engine variables, so that nothing links the case to them any more. What the case says about others
   * stays: one family file, each person's rights reach their own data.
   */
  private void vernietig(String zaaknummer, Set<String> sleutels) {
    for (String tabel : List.of("betrokkene", "huisverbod_persoon")) {
      List<Long> ids = jdbc.sql("select id from " + tabel + " where zaaknummer = :z and persoonssleutel in (:s)")
          .param("z", zaaknummer).param("s", sleutels).query(Long.class).list();
      for (Long id : ids) {
        String extra = "betrokkene".equals(tabel) ? ", naam_genormaliseerd = :genormaliseerd" : "";
        jdbc.sql("update " + tabel + " set naam = :naam, geboortedatum = null, bsn = null, persoonssleutel = null"
                + extra + " where id = :id")
            .param("naam", VERNIETIGD).param("id", id)
            .param("genormaliseerd", "vernietigd-" + id)
            .update();
      }
    }
    Set<String> instanties = new LinkedHashSet<>();
    historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(zaaknummer).list()
        .forEach(h -> instanties.add(h.getId()));
    for (String sleutel : sleutels) {
      engine.vervangIn(instanties, sleutel, "vernietigd");
    }
  }

  private String antwoord(String uitkomst, List<Besluit> besluiten) {
    StringBuilder tekst = new StringBuilder(switch (uitkomst) {
      case "GEEN_GEGEVENS" -> "Wij hebben geen gegevens over u gevonden; er is niets te vernietigen.";
      case "UITGEVOERD" -> "Uw verzoek is ingewilligd: uw gegevens zijn vernietigd.";
      case "GEWEIGERD" -> "Uw verzoek is afgewezen.";
      default -> "Uw verzoek is gedeeltelijk ingewilligd.";
    });
    for (Besluit besluit : besluiten) {
      tekst.append(' ').append(besluit.zaaknummer()).append(": ")
          .append("VERNIETIGD".equals(besluit.besluit()) ? "vernietigd. " : "niet vernietigd. ")
          .append(besluit.reden());
    }
    if (!"GEEN_GEGEVENS".equals(uitkomst) && !"UITGEVOERD".equals(uitkomst)) {
      tekst.append(" U kunt binnen zes weken bezwaar maken of een klacht indienen bij de Autoriteit "
          + "Persoonsgegevens.");
    }
    return tekst.toString();
  }

  /**
   * The decisions of recorded destruction request {@code id} this user may read: every one for the privacy officer,
   * else those about cases of the user's regions. Empty when the user may read none of it and did not record it
   * (answered as unknown, as another region's case is: the request's existence is not confirmed).
   */
  public Optional<List<Besluit>> besluitenVoor(long id, Gebruiker gebruiker) {
    Optional<String> vastgelegdDoor = jdbc.sql("select vastgelegd_door from vernietigingsverzoek where id = :id")
        .param("id", id).query(String.class).optional();
    if (vastgelegdDoor.isEmpty()) {
      return Optional.empty();
    }
    List<String> regios = regios(gebruiker);
    List<Besluit> zichtbaar = jdbc.sql("""
            select b.zaaknummer, b.besluit, b.grond, b.reden, z.regio from vernietigingsbesluit b
            left join zaak z on z.zaaknummer = b.zaaknummer where b.verzoek_id = :id order by b.id""")
        .param("id", id)
        .query((rs, n) -> regios == null || regios.contains(rs.getString(5))
            ? new Besluit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)) : null)
        .list().stream().filter(b -> b != null).toList();
    if (regios != null && zichtbaar.isEmpty() && !gebruiker.id().equals(vastgelegdDoor.get())) {
      return Optional.empty();
    }
    return Optional.of(zichtbaar);
  }

  // ------------------------------------------------------------------ shared

  /**
   * The regions whose cases this user answers for; null: every region. The privacy officer answers for the whole
   * organisation; a team leader for the regions (Camunda tenants, contract §6) they are a member of, or for every
   * region of an installation that has no tenants.
   */
  private List<String> regios(Gebruiker gebruiker) {
    if (gebruiker.groepen().contains(Groepen.PRIVACYFUNCTIONARIS) || identityService.createTenantQuery().count() == 0) {
      return null;
    }
    return identityService.createTenantQuery().userMember(gebruiker.id()).includingGroupsOfUser(true).list().stream()
        .map(Tenant::getId).toList();
  }

  /** The cases in which the person appears, in the given regions (null: all), oldest first. */
  private List<String> zaken(Set<String> sleutels, List<String> regios) {
    if (sleutels.isEmpty() || (regios != null && regios.isEmpty())) {
      return List.of();
    }
    return jdbc.sql("""
            select z.zaaknummer, z.regio from zaak z where z.zaaknummer in (
              select zaaknummer from betrokkene where persoonssleutel in (:s)
              union select zaaknummer from huisverbod_persoon where persoonssleutel in (:s))
            order by z.aangemaakt_op, z.zaaknummer""")
        .param("s", sleutels)
        .query((rs, n) -> regios == null || regios.contains(rs.getString(2)) ? rs.getString(1) : null)
        .list().stream().filter(z -> z != null).toList();
  }

  private boolean lopend(String zaaknummer) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(zaaknummer).count() > 0;
  }

  private Optional<Instant> afgeslotenOp(String zaaknummer) {
    return historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(zaaknummer).finished()
        .list().stream().map(HistoricProcessInstance::getEndTime).filter(d -> d != null).map(Date::toInstant)
        .max(Instant::compareTo);
  }

  private OffsetDateTime lokaal(Instant tijdstip) {
    return tijdstip.atZone(tijdzone).toOffsetDateTime();
  }

  /** A key shortened for the read log: enough to find the request, not the whole pseudonym. */
  private static String kort(Set<String> sleutels) {
    return sleutels.stream().map(s -> s.substring(0, Math.min(s.length(), 15)) + "…").toList().toString();
  }

  private static String kort(String tekst, int lengte) {
    return tekst.length() <= lengte ? tekst : tekst.substring(0, lengte);
  }
}
