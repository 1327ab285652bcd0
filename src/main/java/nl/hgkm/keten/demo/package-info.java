/**
 * <b>DEMO ONLY.</b> What the {@code demo} profile's local servers share: their ports as settings
 * ({@link nl.hgkm.keten.demo.DemoPoort}), one setting that moves them all for a second demo instance on the same
 * machine, and a one-sentence report when a port is taken or the H2 file database is held by another instance.
 * The servers themselves live with what they stand in for:
 * {@code integratie.DemoSimulatoren} (police, care, register) and {@code notificatie.DemoSmtpServer} (mail).
 */
package nl.hgkm.keten.demo;
