package nl.hgkm.keten.zaak;

import java.time.LocalDate;
import nl.hgkm.keten.support.TestKlok;

/**
 * Case files written straight into the tables, for tests of what reads them (radar, dossier view). Received and
 * registered "now" by the application's clock (the engine clock a test may have set), as the intake would.
 */
public final class TestDossiers {

  private final DossierRepository dossiers;
  private final ZaaknummerGenerator zaaknummers;
  private final AuditLog audit;

  public TestDossiers(DossierRepository dossiers, ZaaknummerGenerator zaaknummers, AuditLog audit) {
    this.dossiers = dossiers;
    this.zaaknummers = zaaknummers;
    this.audit = audit;
  }

  /** A case without a process instance whose one report, by a police team, concerns one person. */
  public String zaakMetPersoon(Zaaktype zaaktype, String regio, String naam, LocalDate geboortedatum, String bsn) {
    String zaaknummer = zaaknummers.volgende(zaaktype);
    dossiers.nieuweZaak(new Zaak(zaaknummer, zaaktype, regio, TestKlok.nu(), null));
    long meldingId = dossiers.nieuweMelding(new Melding(null, zaaknummer, null, TestKlok.nu(), TestKlok.nu(), "test",
        "NIEUWE_MELDING", "POLITIE", "Team Centrum", "centrum@example.org", false, false, false, "{}", null));
    dossiers.nieuweBetrokkene(new Betrokkene(null, meldingId, zaaknummer, "SLACHTOFFER", naam, geboortedatum, bsn));
    audit.schrijf(zaaknummer, "test", "MELDING_ONTVANGEN", "Testdossier");
    return zaaknummer;
  }

  /** A case whose reporter was promised anonymity towards the family: the identity is in the protected part. */
  public String zaakMetAnoniemeMelder(String regio, String melderNaam, String melderEmail, String betrokkene) {
    String zaaknummer = zaaknummers.volgende(Zaaktype.MELDING);
    dossiers.nieuweZaak(new Zaak(zaaknummer, Zaaktype.MELDING, regio, TestKlok.nu(), null));
    long meldingId = dossiers.nieuweMelding(new Melding(null, zaaknummer, null, TestKlok.nu(), TestKlok.nu(), "test",
        "NIEUWE_MELDING", "BURGER", null, null, true, false, true, "{\"kindStelselmatigGetuigeHG\":true}",
        "Buurvrouw hoort wekelijks geschreeuw."));
    dossiers.beschermdeMelder(new BeschermdeMelder(meldingId, melderNaam, melderEmail));
    dossiers.nieuweBetrokkene(new Betrokkene(null, meldingId, zaaknummer, "KIND", betrokkene,
        LocalDate.of(2016, 5, 1), null));
    audit.schrijf(zaaknummer, "test", "MELDING_ONTVANGEN", "Testdossier met beschermde melder");
    return zaaknummer;
  }
}
