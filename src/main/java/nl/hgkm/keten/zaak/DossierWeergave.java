package nl.hgkm.keten.zaak;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** The case file as {@code GET /api/zaken/{zaaknummer}} shows it; times in Europe/Amsterdam. */
public record DossierWeergave(ZaakWeergave zaak, List<MeldingWeergave> meldingen, List<AuditWeergave> audit) {

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

  public record AuditWeergave(OffsetDateTime tijdstip, String actor, String soort, String omschrijving) {}
}
