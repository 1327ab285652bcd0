package nl.hgkm.keten.meldcode;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import nl.hgkm.keten.kalender.Klok;
import nl.hgkm.keten.kalender.Werkdagenkalender;
import nl.hgkm.keten.melding.MeldingAntwoord;
import nl.hgkm.keten.melding.MeldingIntake;
import nl.hgkm.keten.melding.MeldingVerzoek;
import nl.hgkm.keten.api.VeldFout;
import nl.hgkm.keten.zaak.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The professional's own record of the meldcode weighing (domain §3), for the API and for process
 * {@code meldcode-afweging} alike.
 *
 * <p>The questions are asked in order. A question may be answered when decision {@code meldcode-afwegingskader}, given
 * the answers before it, says the weighing stands at that question; the table is the only place that knows the order.
 * So an answer to a later question while an earlier one is open, or after an earlier answer already decided, is
 * refused. When an earlier answer changes, later answers the weighing no longer reaches are withdrawn automatically
 * (kept in the history as VERVALLEN). Every new or changed answer needs its reasoning: the meldcode asks the
 * professional to record the weighing and its grounds.
 *
 * <p>A weighing whose outcome is to report becomes a melding through the same intake as {@code POST /api/meldingen};
 * the weighing then belongs to that case (the case file shows it) and no longer changes. One weighing, one melding: a
 * repeat answers the first result.
 */
@Service
public class MeldcodeAfwegingen {

  static final String VERVALLEN = "Vervallen: een eerder antwoord is gewijzigd, deze afweging is niet meer aan de orde.";
  static final String INGETROKKEN = "Antwoord ingetrokken.";

  /** @param nieuw true when this request started the weighing */
  public record Gewogen(boolean nieuw, AfwegingUitkomst uitkomst) {}

  /** @param nieuw false when the weighing had been filed before: the answer is the first one */
  public record Gemeld(boolean nieuw, MeldingAntwoord antwoord) {}

  private final AfwegingRepository afwegingen;
  private final Afwegingskader kader;
  private final MeldingVanProfessional meldingVanProfessional;
  private final MeldingIntake intake;
  private final AuditLog audit;
  private final Klok klok;
  private final Werkdagenkalender kalender;
  private final ObjectMapper objectMapper;

  MeldcodeAfwegingen(AfwegingRepository afwegingen, Afwegingskader kader,
      MeldingVanProfessional meldingVanProfessional, MeldingIntake intake, AuditLog audit, Klok klok,
      Werkdagenkalender kalender, ObjectMapper objectMapper) {
    this.afwegingen = afwegingen;
    this.kader = kader;
    this.meldingVanProfessional = meldingVanProfessional;
    this.intake = intake;
    this.audit = audit;
    this.klok = klok;
    this.kalender = kalender;
    this.objectMapper = objectMapper;
  }

  /**
   * Records a step of a weighing and answers where it stands.
   *
   * @param leesfouten        errors found while reading the request; reported together with this method's own
   * @param processInstanceId the instance of {@code meldcode-afweging} that records it, or null (API)
   * @throws OngeldigeAfwegingException  with every error at once; nothing is stored
   * @throws OnbekendeAfwegingException  when {@code afwegingId} is not one of the professional's weighings
   * @throws AfwegingConflictException   when the weighing has already led to a melding
   */
  @Transactional
  public Gewogen weeg(String eigenaar, AfwegingVerzoek verzoek, List<VeldFout> leesfouten,
      String processInstanceId) {
    Afweging bestaand = null;
    if (verzoek.afwegingId() != null) {
      bestaand = eigen(afwegingen.vergrendel(verzoek.afwegingId()).orElse(null), eigenaar, verzoek.afwegingId());
      if (bestaand.gemeld()) {
        throw new AfwegingConflictException("Afweging " + bestaand.id() + " heeft al geleid tot een melding bij "
            + "Veilig Thuis (zaak " + bestaand.zaaknummer() + ") en wijzigt niet meer. Begin een nieuwe afweging.");
      }
    }
    List<GegevenAntwoord> geschiedenis = bestaand == null ? List.of() : afwegingen.geschiedenis(bestaand.id());
    Map<Afwegingsvraag, GegevenAntwoord> huidig = huidig(geschiedenis);

    Map<Afwegingsvraag, Boolean> voorgesteld = new EnumMap<>(Afwegingsvraag.class);
    huidig.forEach((vraag, rij) -> voorgesteld.put(vraag, rij.antwoord()));
    voorgesteld.putAll(verzoek.antwoorden());

    List<VeldFout> fouten = new ArrayList<>(leesfouten);
    Gang gang = loop(voorgesteld, verzoek, fouten);

    for (Afwegingsvraag vraag : Afwegingsvraag.values()) {
      Boolean antwoord = gang.antwoorden().get(vraag);
      String toelichting = verzoek.toelichting().get(vraag);
      if (heeftFout(fouten, "antwoorden." + vraag.naam()) || heeftFout(fouten, "toelichting." + vraag.naam())) {
        continue;
      }
      if (antwoord == null && toelichting != null) {
        fouten.add(new VeldFout("toelichting." + vraag.naam(), "hoort bij een antwoord: beantwoord "
            + vraag.aanduiding() + " of laat de toelichting weg"));
      } else if (antwoord != null && toelichting == null && !Objects.equals(antwoord, antwoord(huidig, vraag))) {
        fouten.add(new VeldFout("toelichting." + vraag.naam(), "is verplicht bij elk nieuw of gewijzigd antwoord: "
            + "de meldcode vraagt u vast te leggen waarom u tot dit antwoord komt"));
      }
    }
    if (!fouten.isEmpty()) {
      throw new OngeldigeAfwegingException(fouten);
    }

    Instant nu = klok.nu();
    String afwegingId;
    if (bestaand == null) {
      afwegingId = UUID.randomUUID().toString();
      afwegingen.nieuw(new Afweging(afwegingId, eigenaar, nu, nu, gang.stand().besluit(),
          gang.stand().volgendeAfweging(), processInstanceId, null, null, null, null));
    } else {
      afwegingId = bestaand.id();
    }
    boolean gewijzigd = false;
    for (Afwegingsvraag vraag : Afwegingsvraag.values()) {
      GegevenAntwoord was = huidig.get(vraag);
      Boolean antwoord = gang.antwoorden().get(vraag);
      String toelichting = verzoek.toelichting().get(vraag);
      GegevenAntwoord rij = null;
      if (antwoord != null) {
        if (was == null || !antwoord.equals(was.antwoord())
            || (toelichting != null && !toelichting.equals(was.toelichting()))) {
          rij = rij(afwegingId, vraag, GegevenAntwoord.Soort.ANTWOORD, antwoord,
              toelichting != null ? toelichting : was.toelichting(), nu, eigenaar);
        }
      } else if (was != null && was.antwoord() != null) {
        rij = gang.vervallen().contains(vraag)
            ? rij(afwegingId, vraag, GegevenAntwoord.Soort.VERVALLEN, null, VERVALLEN, nu, eigenaar)
            : rij(afwegingId, vraag, GegevenAntwoord.Soort.INGETROKKEN, null, INGETROKKEN, nu, eigenaar);
      }
      if (rij != null) {
        afwegingen.antwoord(rij);
        gewijzigd = true;
      }
    }
    if (bestaand != null && (gewijzigd || bestaand.besluit() != gang.stand().besluit())) {
      afwegingen.stand(afwegingId, gang.stand().besluit(), gang.stand().volgendeAfweging(), nu);
    }
    return new Gewogen(bestaand == null, AfwegingUitkomst.van(afwegingId, gang.stand(), null));
  }

  /** The professional's own weighing with every answer and its history. */
  @Transactional(readOnly = true)
  public AfwegingWeergave inzien(String eigenaar, String afwegingId) {
    Afweging afweging = eigen(afwegingen.vind(afwegingId).orElse(null), eigenaar, afwegingId);
    List<GegevenAntwoord> geschiedenis = afwegingen.geschiedenis(afwegingId);
    Map<Afwegingsvraag, GegevenAntwoord> huidig = huidig(geschiedenis);
    List<AfwegingWeergave.Vraag> antwoorden = new ArrayList<>();
    for (Afwegingsvraag vraag : Afwegingsvraag.values()) {
      GegevenAntwoord rij = huidig.get(vraag);
      boolean beantwoord = rij != null && rij.antwoord() != null;
      antwoorden.add(new AfwegingWeergave.Vraag(vraag.nummer(), vraag.naam(), vraag.vraag(),
          beantwoord ? rij.antwoord() : null, beantwoord ? rij.toelichting() : null,
          beantwoord ? lokaal(rij.gegevenOp()) : null, beantwoord ? rij.gegevenDoor() : null));
    }
    List<AfwegingWeergave.Stap> stappen = geschiedenis.stream()
        .map(rij -> new AfwegingWeergave.Stap(rij.vraag().nummer(), rij.vraag().naam(), rij.soort(), rij.antwoord(),
            rij.toelichting(), lokaal(rij.gegevenOp()), rij.gegevenDoor()))
        .toList();
    return new AfwegingWeergave(afweging.id(), afweging.eigenaar(), lokaal(afweging.aangemaaktOp()),
        lokaal(afweging.bijgewerktOp()), uitkomst(afweging), antwoorden, stappen, afweging.zaaknummer(),
        lokaal(afweging.gemeldOp()));
  }

  /**
   * Files the melding a reporting weighing leads to, through the melding intake, and links the weighing to the case.
   *
   * @param body the body of {@code POST /api/meldingen}; see {@link MeldingVanProfessional} for the reporter
   * @throws OnbekendeAfwegingException  when the weighing is not the professional's
   * @throws nl.hgkm.keten.melding.OngeldigeMeldingException with every field error at once
   * @throws AfwegingConflictException   when the weighing's outcome is not to report, or the externeReferentie
   *                                     belongs to another melding
   */
  @Transactional
  public Gemeld meld(String eigenaar, String afwegingId, JsonNode body) {
    Afweging afweging = eigen(afwegingen.vergrendel(afwegingId).orElse(null), eigenaar, afwegingId);
    MeldingVerzoek verzoek = meldingVanProfessional.valideer(body, eigenaar);
    if (afweging.gemeld()) {
      return new Gemeld(false, leesAntwoord(afweging.meldingAntwoord()));
    }
    if (!afweging.besluit().melden()) {
      throw new AfwegingConflictException("Afweging " + afwegingId + " leidt niet tot een melding. Uitkomst "
          + afweging.besluit() + ": " + uitkomst(afweging).uitkomst() + " Alleen bij " + Besluit.MELDEN_VT + ", "
          + Besluit.MELDEN_VT_AFWEGINGEN_3_5_SAMEN_MET_VT + " of " + Besluit.OPNIEUW_MELDEN_VT
          + " doet u vanuit de afweging een melding.");
    }
    MeldingIntake.Resultaat resultaat = intake.verwerk(verzoek, eigenaar);
    if (!resultaat.nieuw()) {
      throw new AfwegingConflictException("De externeReferentie " + verzoek.externeReferentie() + " hoort al bij een "
          + "andere melding. Laat het veld weg of gebruik een eigen, nieuwe referentie.");
    }
    MeldingAntwoord antwoord = resultaat.antwoord();
    Instant nu = klok.nu();
    afwegingen.gemeld(afwegingId, antwoord.zaaknummer(), nu, schrijf(antwoord), verzoek.melder().anoniemNaarGezin());
    long beantwoord = huidig(afwegingen.geschiedenis(afwegingId)).values().stream()
        .filter(rij -> rij.antwoord() != null).count();
    audit.schrijf(antwoord.zaaknummer(), eigenaar, "MELDCODE_AFWEGING", "Melding gedaan vanuit meldcode-afweging "
        + afwegingId + "; uitkomst " + afweging.besluit() + " na " + beantwoord
        + " beantwoorde afweging(en), elk met toelichting (zie meldcodeAfwegingen in het dossier)");
    return new Gemeld(true, antwoord);
  }

  /** The outcome as the table gives it for the stored answers (the stored outputs are those of the last step). */
  private AfwegingUitkomst uitkomst(Afweging afweging) {
    return AfwegingUitkomst.van(afweging.id(),
        new Afwegingskader.Stand(afweging.besluit(), afweging.volgendeAfweging()), afweging.zaaknummer());
  }

  /** The answers that stand after walking the questions in order, and the stored ones that lapsed. */
  private record Gang(Map<Afwegingsvraag, Boolean> antwoorden, Afwegingskader.Stand stand,
      Set<Afwegingsvraag> vervallen) {}

  /**
   * Walks the questions in order with the decision table: an answer counts only when the table, given the answers
   * before it, stands at that question. A refused answer from this request is an error; a stored answer that is no
   * longer reached lapses.
   */
  private Gang loop(Map<Afwegingsvraag, Boolean> voorgesteld, AfwegingVerzoek verzoek, List<VeldFout> fouten) {
    Map<Afwegingsvraag, Boolean> geldig = new EnumMap<>(Afwegingsvraag.class);
    Set<Afwegingsvraag> vervallen = EnumSet.noneOf(Afwegingsvraag.class);
    Afwegingskader.Stand stand = kader.beslis(geldig);
    Afwegingsvraag laatste = null;
    for (Afwegingsvraag vraag : Afwegingsvraag.values()) {
      Boolean antwoord = voorgesteld.get(vraag);
      if (antwoord == null) {
        continue;
      }
      if (stand.staatBij(vraag)) {
        geldig.put(vraag, antwoord);
        stand = kader.beslis(geldig);
        laatste = vraag;
      } else if (verzoek.antwoorden().containsKey(vraag)) {
        fouten.add(new VeldFout("antwoorden." + vraag.naam(), nietAanDeOrde(stand, laatste)));
      } else {
        vervallen.add(vraag);
      }
    }
    return new Gang(geldig, stand, vervallen);
  }

  private static String nietAanDeOrde(Afwegingskader.Stand stand, Afwegingsvraag laatste) {
    Afwegingsvraag open = stand.volgendeVraag();
    if (open != null) {
      return "kan pas worden beantwoord na " + open.aanduiding() + ": de afwegingen worden in volgorde gemaakt";
    }
    return "is niet aan de orde: na " + laatste.aanduiding() + " is de uitkomst " + stand.besluit() + " ("
        + stand.besluit().tekst() + ")";
  }

  private static Map<Afwegingsvraag, GegevenAntwoord> huidig(List<GegevenAntwoord> geschiedenis) {
    Map<Afwegingsvraag, GegevenAntwoord> huidig = new EnumMap<>(Afwegingsvraag.class);
    geschiedenis.forEach(rij -> huidig.put(rij.vraag(), rij));
    return huidig;
  }

  private static Boolean antwoord(Map<Afwegingsvraag, GegevenAntwoord> huidig, Afwegingsvraag vraag) {
    GegevenAntwoord rij = huidig.get(vraag);
    return rij == null ? null : rij.antwoord();
  }

  private static boolean heeftFout(List<VeldFout> fouten, String veld) {
    return fouten.stream().anyMatch(fout -> fout.field().equals(veld));
  }

  private static GegevenAntwoord rij(String afwegingId, Afwegingsvraag vraag, GegevenAntwoord.Soort soort,
      Boolean antwoord, String toelichting, Instant op, String door) {
    return new GegevenAntwoord(0, afwegingId, vraag, soort, antwoord, toelichting, op, door);
  }

  /** Someone else's weighing is answered as if it did not exist. */
  private static Afweging eigen(Afweging afweging, String eigenaar, String afwegingId) {
    if (afweging == null || !afweging.eigenaar().equals(eigenaar)) {
      throw new OnbekendeAfwegingException(afwegingId);
    }
    return afweging;
  }

  private OffsetDateTime lokaal(Instant moment) {
    return moment == null ? null : kalender.lokaal(moment).toOffsetDateTime();
  }

  private String schrijf(MeldingAntwoord antwoord) {
    try {
      return objectMapper.writeValueAsString(antwoord);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private MeldingAntwoord leesAntwoord(String json) {
    try {
      return objectMapper.readValue(json, MeldingAntwoord.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Opgeslagen antwoord van de melding onleesbaar", e);
    }
  }
}
