package nl.hgkm.keten.integratie;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * Case-file rows for the integration tests, written directly (the huisverbod API is another feature's). Zaaknummers
 * in year 2099 so that they never meet the ones the application hands out.
 */
public final class TestDossier {

  public static final String GEMEENTE = "Amsterdam";
  public static final String WONING = "Damstraat 1, 1012 JL Amsterdam";
  private static final AtomicInteger VOLGNUMMER =
      new AtomicInteger(ThreadLocalRandom.current().nextInt(100_000, 800_000));
  private static final OffsetDateTime INCIDENT = OffsetDateTime.parse("2026-03-25T09:30:00+01:00");

  private final JdbcClient jdbc;

  public TestDossier(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * A huisverbod in Amsterdam with a pleger (P. Pleger, 1980-01-31, bsn 111222333), two achterblijvers under the
   * contact ban (A. Achterblijver SLACHTOFFER 1985-06-15; K. Kind KIND 2015-02-01) and one person without it
   * (O. Oma OVERIG, no birth date).
   */
  public String nieuwHuisverbod() {
    String zaaknummer = "HV-2099-%06d".formatted(VOLGNUMMER.incrementAndGet());
    jdbc.sql("insert into zaak (zaaknummer, zaaktype, regio, aangemaakt_op) values (:z, 'HUISVERBOD', "
            + "'amsterdam-amstelland', :op)")
        .param("z", zaaknummer).param("op", INCIDENT).update();
    jdbc.sql("""
            insert into huisverbod (zaaknummer, regio, gemeente, incident_op, woning_adres, kindermishandeling,
              pleger_meerderjarig, woont_of_verblijft_niet_incidenteel, ernstig_onmiddellijk_gevaar_oordeel,
              rood_pleger, rood_incident, rood_gezin, feiten, advies, ingediend_door, ingediend_op)
            values (:z, 'amsterdam-amstelland', :gemeente, :op, :woning, true, true, true, true, 2, 1, 0,
              'Mishandeling na ruzie', 'HUISVERBOD_IN_BEGINSEL', 'agent', :op)""")
        .param("z", zaaknummer).param("gemeente", GEMEENTE).param("op", INCIDENT).param("woning", WONING)
        .update();
    persoon(zaaknummer, "PLEGER", "P. Pleger", LocalDate.of(1980, 1, 31), "111222333", false);
    persoon(zaaknummer, "SLACHTOFFER", "A. Achterblijver", LocalDate.of(1985, 6, 15), null, true);
    persoon(zaaknummer, "KIND", "K. Kind", LocalDate.of(2015, 2, 1), null, true);
    persoon(zaaknummer, "OVERIG", "O. Oma", null, null, false);
    return zaaknummer;
  }

  /** Adds a document to the case file; answers its id. */
  public long document(String zaaknummer, String soort, String titel, String inhoud, OffsetDateTime aangemaaktOp) {
    KeyHolder sleutel = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into zaak_document (zaaknummer, soort, titel, inhoud, aangemaakt_op, aangemaakt_door)
            values (:z, :soort, :titel, :inhoud, :op, 'burgemeester')""")
        .param("z", zaaknummer).param("soort", soort).param("titel", titel).param("inhoud", inhoud)
        .param("op", aangemaaktOp)
        .update(sleutel, "id");
    return sleutel.getKey().longValue();
  }

  private void persoon(String zaaknummer, String rol, String naam, LocalDate geboortedatum, String bsn,
      boolean contactverbod) {
    jdbc.sql("""
            insert into huisverbod_persoon (zaaknummer, rol, naam, geboortedatum, bsn, contactverbod)
            values (:z, :rol, :naam, :geboortedatum, :bsn, :contactverbod)""")
        .param("z", zaaknummer).param("rol", rol).param("naam", naam).param("geboortedatum", geboortedatum)
        .param("bsn", bsn).param("contactverbod", contactverbod)
        .update();
  }
}
