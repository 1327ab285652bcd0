package nl.hgkm.keten.zaak;

import java.time.LocalDate;

/** A person a report is about. */
public record Betrokkene(Long id, long meldingId, String zaaknummer, String rol, String naam, LocalDate geboortedatum,
    String bsn) {}
