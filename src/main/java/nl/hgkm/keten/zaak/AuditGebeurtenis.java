package nl.hgkm.keten.zaak;

import java.time.Instant;

/** One line of a case's audit trail. */
public record AuditGebeurtenis(String zaaknummer, Instant tijdstip, String actor, String soort, String omschrijving) {}
