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
 */
public record DossierWeergave(ZaakWeergave zaak, List<MeldingWeergave> meldingen,
    List<MeldcodeAfwegingWeergave> meldcodeAfwegingen, List<AuditWeergave> audit) {

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
}
