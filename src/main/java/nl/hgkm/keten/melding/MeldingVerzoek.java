package nl.hgkm.keten.melding;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.hgkm.keten.zaak.Bsn;

/**
 * A melding as {@code POST /api/meldingen} receives it (contract §5), after validation: every field here is
 * valid, defaults are filled in ({@code ontvangenOp} = now, {@code anoniemNaarGezin} = false).
 *
 * @param signalen only the signals that were given, with their values
 */
public record MeldingVerzoek(
    String externeReferentie,
    Instant ontvangenOp,
    String regio,
    Melder melder,
    List<Persoon> betrokkenen,
    Map<String, Boolean> signalen,
    String omschrijving) {

  public MeldingVerzoek {
    betrokkenen = List.copyOf(betrokkenen);
    signalen = Map.copyOf(signalen);
  }

  /** The reporter; {@code email} is optional. */
  public record Melder(MelderType type, String naam, String email, boolean anoniemNaarGezin) {}

  /** A person the melding is about; birth date and BSN are optional. */
  public record Persoon(BetrokkeneRol rol, String naam, LocalDate geboortedatum, Bsn bsn) {}
}
