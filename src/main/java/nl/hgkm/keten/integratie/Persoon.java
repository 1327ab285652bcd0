package nl.hgkm.keten.integratie;

import java.time.LocalDate;

/**
 * A person of a huisverbod as the outside systems get to know them.
 *
 * @param rol           {@code PLEGER} for the uithuisgeplaatste; the achterblijvers' roles as in the case file
 *                      (e.g. {@code SLACHTOFFER}, {@code KIND}, {@code OVERIG})
 * @param geboortedatum may be null when unknown
 * @param bsn           may be null when unknown
 */
public record Persoon(String rol, String naam, LocalDate geboortedatum, String bsn) {}
