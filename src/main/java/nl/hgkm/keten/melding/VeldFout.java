package nl.hgkm.keten.melding;

/** One field error of a refused request: the field's path in the body ({@code betrokkenen[0].bsn}) and why. */
public record VeldFout(String field, String message) {}
