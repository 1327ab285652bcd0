package nl.hgkm.keten.huisverbod;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A huisverbod case file written straight into the tables, for tests of what comes after the intake (documents,
 * mails, reading the file). Numbers from 900000 up, far from what the intake hands out in a test run.
 */
final class HuisverbodTestDossier {

  private static final AtomicInteger VOLGNUMMER = new AtomicInteger(900_000 + ThreadLocalRandom.current().nextInt(50_000));

  static final String PLEGER = "Pieter Pleger";
  static final String SLACHTOFFER = "Sanne Slachtoffer";
  static final String KIND = "Kees Kind";
  static final String ZONDER_CONTACTVERBOD = "Olga Overig";
  static final String WONING = "Dorpsstraat 1, 1234 AB Amsterdam";
  static final String FEITEN = "Op de avond van het incident heeft de pleger het slachtoffer in de keuken geslagen "
      + "en gedreigd haar iets aan te doen als zij de politie zou bellen.";

  private HuisverbodTestDossier() {}

  static String nieuwZaaknummer() {
    return "HV-2027-" + VOLGNUMMER.incrementAndGet();
  }

  /** A complete case file of municipality amsterdam, with a home, facts, and four persons. */
  static String leg(JdbcClient jdbc, Instant incidentOp) {
    return leg(jdbc, incidentOp, WONING);
  }

  static String leg(JdbcClient jdbc, Instant incidentOp, String woning) {
    String zaaknummer = nieuwZaaknummer();
    OffsetDateTime op = OffsetDateTime.ofInstant(incidentOp, ZoneOffset.UTC);
    jdbc.sql("insert into zaak (zaaknummer, zaaktype, regio, aangemaakt_op) values (?, 'HUISVERBOD', ?, ?)")
        .params(zaaknummer, "amsterdam-amstelland", op).update();
    jdbc.sql("""
            insert into huisverbod (zaaknummer, regio, gemeente, incident_op, woning_adres, kindermishandeling,
              pleger_meerderjarig, woont_of_verblijft_niet_incidenteel, ernstig_onmiddellijk_gevaar_oordeel,
              rood_pleger, rood_incident, rood_gezin, feiten, advies, ingediend_door, ingediend_op)
            values (?, 'amsterdam-amstelland', 'amsterdam', ?, ?, false, true, true, true, 3, 1, 0, ?,
              'HUISVERBOD_IN_BEGINSEL', 'hovj', ?)""")
        .params(zaaknummer, op, woning, FEITEN, op).update();
    persoon(jdbc, zaaknummer, "PLEGER", PLEGER, LocalDate.of(1985, 6, 1), false);
    persoon(jdbc, zaaknummer, "SLACHTOFFER", SLACHTOFFER, LocalDate.of(1987, 2, 14), true);
    persoon(jdbc, zaaknummer, "KIND", KIND, LocalDate.of(2019, 9, 3), true);
    persoon(jdbc, zaaknummer, "OVERIG", ZONDER_CONTACTVERBOD, null, false);
    return zaaknummer;
  }

  static long document(JdbcClient jdbc, String zaaknummer, String titel, String inhoud, Instant op) {
    jdbc.sql("""
            insert into zaak_document (zaaknummer, soort, titel, inhoud, aangemaakt_op, aangemaakt_door)
            values (?, 'BRIEF', ?, ?, ?, 'systeem')""")
        .params(zaaknummer, titel, inhoud, OffsetDateTime.ofInstant(op, ZoneOffset.UTC)).update();
    return jdbc.sql("select max(id) from zaak_document where zaaknummer = ?").params(zaaknummer)
        .query(Long.class).single();
  }

  private static void persoon(JdbcClient jdbc, String zaaknummer, String rol, String naam, LocalDate geboren,
      boolean contactverbod) {
    jdbc.sql("""
            insert into huisverbod_persoon (zaaknummer, rol, naam, geboortedatum, contactverbod)
            values (?, ?, ?, ?, ?)""")
        .params(zaaknummer, rol, naam, geboren, contactverbod).update();
  }
}
