/**
 * The care agency's system (the designated agency for advice and help, Wth art. 2(8)).
 *
 * <h2>REST resources (base URL {@code keten.integratie.zorg.basis-url})</h2>
 * All POST, JSON in and out, answer {@code 201 {"id": "..."}}; rules in {@link nl.hgkm.keten.integratie}.
 * <pre>
 * POST /api/v1/verwijzingen                              verwijs
 *   {"zaaknummer": "HV-2026-000123", "gemeente": "Amsterdam",
 *    "personen": [{"rol": "PLEGER", "naam": "...", "geboortedatum": "1980-01-31"},
 *                 {"rol": "SLACHTOFFER", "naam": "..."}, {"rol": "KIND", "naam": "..."}],
 *    "huisverbodEindigtOp": "2026-04-04T11:00:00Z"}
 *   -> {"id": "VW-2026-000001"} (the verwijzingId)
 * POST /api/v1/verwijzingen/{verwijzingId}/beeindiging   meldEinde
 *   {"zaaknummer": "HV-2026-000123", "beeindigdOp": "2026-04-04T11:00:00Z", "reden": "VERLOPEN"}
 *   -> {"id": "VWB-2026-000001"}
 * </pre>
 *
 * <h2>Delegates (camunda:delegateExpression) and their variables</h2>
 * <ul>
 *   <li>{@code ${zorgVerwijzen}}: zaaknummer, huisverbodEindigtOp; case file: gemeente, every person with role.
 *       Sets {@code zorgVerwijzingId}.</li>
 *   <li>{@code ${zorgEindeMelden}}: zaaknummer, zorgVerwijzingId, beeindigingsreden, beeindigdOp (default now).</li>
 * </ul>
 */
package nl.hgkm.keten.integratie.zorg;
