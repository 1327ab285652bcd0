package nl.hgkm.keten.zaak;

import java.time.Instant;

/** A case: the head of the file; its process instance carries the zaaknummer as business key. */
public record Zaak(String zaaknummer, Zaaktype zaaktype, String regio, Instant aangemaaktOp,
    String processInstanceId) {}
