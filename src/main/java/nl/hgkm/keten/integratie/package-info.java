/**
 * Integration with the systems outside the chain: the police ({@code politie}) and the care agency ({@code zorg}).
 *
 * <h2>Shape</h2>
 * Each system is a port in domain language ({@code PolitieSysteem}, {@code ZorgSysteem}), an HTTP adapter
 * ({@code PolitieHttpAdapter}, {@code ZorgHttpAdapter}) on the shared {@link nl.hgkm.keten.integratie.HttpKoppeling},
 * delegates the process models call by name, and a demo simulator. Nothing here knows BPMN beyond reading process
 * variables.
 *
 * <h2>Rules every call follows</h2>
 * <ul>
 *   <li>In the model: {@code camunda:asyncBefore="true"} and a named retry profile,
 *       {@code camunda:failedJobRetryTimeCycle="${retry.politie}"} or {@code "${retry.zorg}"}. Profile R10/PT5M:
 *       ten attempts five minutes apart, so an outage of about 45 minutes is absorbed without anyone noticing;
 *       after the last attempt the job stops and an incident of type {@code failedJob} shows in Cockpit with the
 *       adapter's message. Retry it there once the system is back.</li>
 *   <li>Idempotent: every call sends {@code Idempotency-Key: <zaaknummer>.<activity id>.<job id>}, the same for
 *       every attempt of one step, also when the engine moves the waiting job to another execution
 *       ({@code engine.StapUitvoering}). A system that processed a call whose answer got lost recognises the retry.
 *       The job executor runs a job at least once, so a partner must answer a repeated key with its first answer.</li>
 *   <li>HTTP Basic with {@code keten.integratie.<system>.gebruiker/wachtwoord}; JSON bodies (UTF-8); instants as
 *       ISO-8601 UTC ({@code 2026-03-25T11:00:00Z}), dates as {@code yyyy-MM-dd}; fields without value left out.</li>
 *   <li>Connect and read timeouts ({@code verbind-timeout}, {@code lees-timeout}): a slow system is a failure, not
 *       a hang.</li>
 *   <li>Answers: 2xx is success; 409 is success only with the original {@code {"id": ...}} (a repeated
 *       Idempotency-Key); anything else (refused, time-out, 4xx, 5xx) throws {@code KoppelingMisluktException},
 *       whose message names the system, the call and the HTTP status.</li>
 *   <li>Every accepted POST answers {@code {"id": "..."}}, the system's own reference.</li>
 * </ul>
 */
package nl.hgkm.keten.integratie;
