package nl.hgkm.keten.zaak;

/** The protected identity of a reporter promised anonymity towards the family (domain §8): VT roles only. */
public record BeschermdeMelder(long meldingId, String naam, String email) {}
