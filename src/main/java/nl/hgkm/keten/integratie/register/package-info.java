/**
 * The national Veilig Thuis-register: a content-free matching index across the 26 Veilig Thuis organisations
 * (domain §8; research notes §3.6, §7). It holds only which organisation is or was involved with a person.
 *
 * <h2>REST resources (base URL {@code keten.integratie.register.basis-url})</h2>
 * All POST, JSON in and out; rules in {@link nl.hgkm.keten.integratie} (HTTP Basic, Idempotency-Key, timeouts).
 * A person travels as {@code {"bsn": "..."}} when the BSN is known, otherwise as
 * {@code {"naam": "...", "geboortedatum": "yyyy-MM-dd"}}; never role, case content or the reporter.
 * <pre>
 * POST /api/v1/raadplegingen        raadpleeg: is another region involved with this person?
 *   {"regio": "amsterdam-amstelland", "persoon": {"bsn": "123456782"}}
 *   -> {"id": "RPL-2026-000001",
 *       "betrokkenheden": [{"regio": "rotterdam-rijnmond", "naam": "Veilig Thuis Rotterdam Rijnmond",
 *                           "actueel": true}]}
 *      (the asking region itself is never in the list; empty list: no other region knows the person)
 * POST /api/v1/betrokkenheden       registreerBetrokkenheid: make our involvement visible
 *   {"regio": "amsterdam-amstelland", "referentie": "VT-2026-000123", "persoon": {"bsn": "123456782"}}
 *   -> {"id": "BTK-2026-000001"}
 * </pre>
 * A lookup is not free of side effects (a match notifies both regions), hence its Idempotency-Key too.
 *
 * <h2>Delegates and process</h2>
 * Process {@code registerraadpleging} (business key: the zaaknummer), started by every melding intake, calls the
 * delegates of {@code nl.hgkm.keten.radar} ({@code ${registerRaadplegen}}, {@code ${registerBetrokkenheidRegistreren}})
 * as asynchronous steps with retry profile {@code ${retry.register}}: the intake never waits for the register.
 */
package nl.hgkm.keten.integratie.register;
