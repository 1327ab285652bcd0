package nl.hgkm.keten.api;

/**
 * One field error of a refused request: the field's path in the body ({@code betrokkenen[0].bsn},
 * {@code achterblijvers[1].geboortedatum}) and, in Dutch, what is wrong with it.
 */
public record VeldFout(String field, String message) {}
