/**
 * The police system.
 *
 * <h2>REST resources (base URL {@code keten.integratie.politie.basis-url})</h2>
 * All POST, JSON in and out, answer {@code 201 {"id": "..."}}; rules in {@link nl.hgkm.keten.integratie}.
 * <pre>
 * POST /api/v1/huisverboden                                registreerHuisverbod
 *   {"zaaknummer": "HV-2026-000123", "gemeente": "Amsterdam", "woning": "Damstraat 1, 1012 JL Amsterdam",
 *    "uithuisgeplaatste": {"rol": "PLEGER", "naam": "...", "geboortedatum": "1980-01-31", "bsn": "..."},
 *    "contactverbod": [{"rol": "SLACHTOFFER", "naam": "...", ...}],
 *    "opgelegdOp": "2026-03-25T11:00:00Z", "eindigtOp": "2026-04-04T11:00:00Z", "opgelegdDoor": "BURGEMEESTER"}
 *   -> {"id": "POL-HV-2026-000001"}
 * POST /api/v1/huisverboden/{zaaknummer}/uitreikingen       vraagUitreikingAan (Wth art. 2(8), 11)
 *   {"documentId": 42, "titel": "Beschikking ...", "inhoud": "the text of the beschikking"}
 *   -> {"id": "UITR-2026-000001"}
 * POST /api/v1/huisverboden/{zaaknummer}/verlengingen       registreerVerlenging (Wth art. 9)
 *   {"eindigtOp": "2026-04-22T11:00:00Z"}                 -> {"id": "VERL-2026-000001"}
 * POST /api/v1/huisverboden/{zaaknummer}/overtredingen      meldOvertreding (Wth art. 11)
 *   {"overtredingOp": "2026-03-27T20:15:00Z", "omschrijving": "..."}
 *   -> {"id": "PV-2026-000123"} (the proces-verbaal number)
 * POST /api/v1/huisverboden/{zaaknummer}/beeindigingen      meldEinde
 *   {"beeindigdOp": "2026-04-04T11:00:00Z", "reden": "VERLOPEN"}  -> {"id": "BEEI-2026-000001"}
 * </pre>
 *
 * <h2>Delegates (camunda:delegateExpression) and their variables</h2>
 * <ul>
 *   <li>{@code ${politieHuisverbodRegistreren}}: zaaknummer, opgelegdOp, huisverbodEindigtOp, opgelegdDoor;
 *       case file: gemeente, woning, persons. Sets {@code politieRegistratieId}.</li>
 *   <li>{@code ${politieUitreikingAanvragen}}: zaaknummer; newest BESCHIKKING_OPLEGGING document.
 *       Sets {@code politieUitreikingId}.</li>
 *   <li>{@code ${politieVerlengingRegistreren}}: zaaknummer, huisverbodEindigtOp (the new end).</li>
 *   <li>{@code ${politieOvertredingMelden}}: zaaknummer, overtredingOp, omschrijving.
 *       Sets {@code overtredingReferentie}.</li>
 *   <li>{@code ${politieEindeMelden}}: zaaknummer, beeindigdOp (default now), beeindigingsreden.</li>
 * </ul>
 * Date-time variables: ISO-8601 text with offset or a {@code Date}.
 */
package nl.hgkm.keten.integratie.politie;
