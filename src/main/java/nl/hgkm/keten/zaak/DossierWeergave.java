package nl.hgkm.keten.zaak;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The case file as {@code GET /api/zaken/{zaaknummer}} shows it; times in Europe/Amsterdam.
 *
 * @param meldcodeAfwegingen the weighings of professionals that led to a melding of this case (see
 *                           {@link MeldcodeAfwegingBron})
 * @param radar              the radar story of a Veilig Thuis case, for Veilig Thuis roles and the auditor; absent
 *                           otherwise (see {@link RadarOverzicht})
 */
public record DossierWeergave(ZaakWeergave zaak, List<MeldingWeergave> meldingen,
    List<MeldcodeAfwegingWeergave> meldcodeAfwegingen, List<AuditWeergave> audit, RadarWeergave radar) {

  public record ZaakWeergave(String zaaknummer, Zaaktype zaaktype, String regio, OffsetDateTime aangemaaktOp,
      String processInstanceId) {}

  public record MeldingWeergave(
      long id,
      String externeReferentie,
      OffsetDateTime ontvangenOp,
      OffsetDateTime geregistreerdOp,
      String geregistreerdDoor,
      String categorie,
      boolean acuut,
      boolean structureel,
      Map<String, Boolean> signalen,
      String omschrijving,
      MelderWeergave melder,
      List<BetrokkeneWeergave> betrokkenen) {}

  /**
   * @param identiteitBeschermd true when anonymity towards the family was promised: then only Veilig Thuis roles see
   *                            the real name and email, everyone else sees {@value DossierInzage#ANONIEM}
   */
  public record MelderWeergave(String type, String naam, String email, boolean anoniemNaarGezin,
      boolean identiteitBeschermd) {}

  public record BetrokkeneWeergave(String rol, String naam, LocalDate geboortedatum, String bsn) {}

  /**
   * A professional's meldcode weighing that led to a melding of this case, with the answers it stood on.
   *
   * @param professional the user id of the professional, or {@value DossierInzage#ANONIEM} outside Veilig Thuis when
   *                     the professional was promised anonymity towards the family
   */
  public record MeldcodeAfwegingWeergave(String afwegingId, String professional, OffsetDateTime gemeldOp,
      String besluit, String uitkomst, List<AfwegingsantwoordWeergave> antwoorden) {}

  /** One question of the weighing with the professional's answer and reasoning. */
  public record AfwegingsantwoordWeergave(int afweging, String vraag, boolean antwoord, String toelichting,
      OffsetDateTime gegevenOp) {}

  public record AuditWeergave(OffsetDateTime tijdstip, String actor, String soort, String omschrijving) {}

  /**
   * The radar story: every melding about the persons of this case received within the radar's period, across the
   * cases of the same region (one story however many files it spans), what the national Veilig Thuis-register said,
   * and the signals raised to the team leader.
   *
   * @param periode          the radar's period (ISO-8601, e.g. {@code P12M})
   * @param vanaf            the first day the story covers
   * @param meldingen        oldest first
   * @param registerTreffers other regions involved with a person of this case, per person and region
   * @param signalen         the flags to vt-teamleider as a candidate for MDA++, with the assessment once made
   */
  public record RadarWeergave(String periode, LocalDate vanaf, int aantalMeldingen, List<RadarMeldingWeergave> meldingen,
      List<RegisterTrefferWeergave> registerTreffers, List<RadarSignaalWeergave> signalen) {}

  public record RadarMeldingWeergave(String zaaknummer, OffsetDateTime ontvangenOp, String melderType,
      String categorie) {}

  /** @param betrokkene the person of this case the register knows elsewhere (role and name, from our own file) */
  public record RegisterTrefferWeergave(String regio, String regioNaam, boolean actueel, String betrokkene,
      OffsetDateTime gevondenOp) {}

  public record RadarSignaalWeergave(String reden, OffsetDateTime gesignaleerdOp, int aantalMeldingen,
      Boolean mdaAanmelden, String toelichting, String beoordeeldDoor, OffsetDateTime beoordeeldOp) {}
}
