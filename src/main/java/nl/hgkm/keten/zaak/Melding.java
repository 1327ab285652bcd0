package nl.hgkm.keten.zaak;

import java.time.Instant;

/**
 * One report in a case file. {@code melderNaam} and {@code melderEmail} are null when the reporter was promised
 * anonymity towards the family: the identity is then in {@link BeschermdeMelder}.
 *
 * @param signalen the signals as given, a JSON object of Booleans
 */
public record Melding(
    Long id,
    String zaaknummer,
    String externeReferentie,
    Instant ontvangenOp,
    Instant geregistreerdOp,
    String geregistreerdDoor,
    String categorie,
    String melderType,
    String melderNaam,
    String melderEmail,
    boolean anoniemNaarGezin,
    boolean acuut,
    boolean structureel,
    String signalen,
    String omschrijving) {}
