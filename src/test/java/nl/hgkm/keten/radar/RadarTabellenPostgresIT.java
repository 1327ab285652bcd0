package nl.hgkm.keten.radar;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import nl.hgkm.keten.zaak.Betrokkene;
import nl.hgkm.keten.zaak.DossierRepository;
import nl.hgkm.keten.zaak.Melding;
import nl.hgkm.keten.zaak.Zaak;
import nl.hgkm.keten.zaak.Zaaktype;
import org.assertj.core.groups.Tuple;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The radar's SQL on a real PostgreSQL 17 (embedded; fsync off, which does not matter here): migration V20 and every
 * query of {@link RadarRepository}, as on H2. Without the Spring context: only the project's own tables.
 */
class RadarTabellenPostgresIT {

  private static final Instant NU = Instant.parse("2027-04-23T08:00:00Z");

  static EmbeddedPostgres postgres;
  static JdbcClient jdbc;
  static TransactionTemplate transactie;
  static DossierRepository dossiers;
  static RadarRepository radar;

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration/keten")
        .table("keten_schema_history").load().migrate();
    jdbc = JdbcClient.create(postgres.getPostgresDatabase());
    transactie = new TransactionTemplate(new JdbcTransactionManager(postgres.getPostgresDatabase()));
    dossiers = new DossierRepository(jdbc, nl.hgkm.keten.privacy.Persoonssleutels.met(
        nl.hgkm.keten.privacy.Persoonssleutels.DEMO_GEHEIM));
    radar = new RadarRepository(jdbc);
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  @Test
  void eenGezinOverTweeZakenEnEenTrefferVanHetRegister() {
    // Case 1: mother by BSN and child by name and birth date; case 2 (later): the child alone; case 3 elsewhere.
    long eerste = melding("VT-2027-000001", "utrecht", NU.minus(200, ChronoUnit.DAYS), "POLITIE");
    long moeder = persoon(eerste, "VT-2027-000001", "Moeder", null, "123456782");
    persoon(eerste, "VT-2027-000001", "Kind Jansen", LocalDate.of(2018, 5, 20), null);
    long tweede = melding("VT-2027-000002", "utrecht", NU.minus(10, ChronoUnit.DAYS), "BURGER");
    persoon(tweede, "VT-2027-000002", "  KIND  jansen ", LocalDate.of(2018, 5, 20), null);
    long oud = melding("VT-2025-000003", "utrecht", NU.minus(800, ChronoUnit.DAYS), "PROFESSIONAL");
    persoon(oud, "VT-2025-000003", "Moeder", null, "123456782");
    long elders = melding("VT-2027-000004", "amsterdam-amstelland", NU.minus(5, ChronoUnit.DAYS), "BURGER");
    persoon(elders, "VT-2027-000004", "Moeder", null, "123456782");

    assertThat(radar.meldingenOverPersonen("VT-2027-000002", "utrecht", NU.minus(365, ChronoUnit.DAYS)))
        .extracting(RadarRepository.RadarMelding::zaaknummer, RadarRepository.RadarMelding::melderType)
        .containsExactly(Tuple.tuple("VT-2027-000001", "POLITIE"),
            Tuple.tuple("VT-2027-000002", "BURGER"));
    assertThat(radar.andereZakenMetPersonen("VT-2027-000001")).extracting(RadarRepository.EerdereZaak::zaaknummer)
        .containsExactly("VT-2025-000003", "VT-2027-000002", "VT-2027-000004");
    assertThat(radar.melding(tweede)).hasValueSatisfying(m -> {
      assertThat(m.regio()).isEqualTo("utrecht");
      assertThat(m.ontvangenOp()).isEqualTo(NU.minus(10, ChronoUnit.DAYS));
    });

    transactie.executeWithoutResult(status -> {
      radar.vergrendel("VT-2027-000002");
      radar.nieuwSignaal("VT-2027-000002", RadarReden.AANTAL_MELDINGEN, tweede, NU, 3, "pi-1");
      radar.categorie(tweede, "HERMELDING");
    });
    assertThat(radar.gesignaleerdSinds("VT-2027-000002", RadarReden.AANTAL_MELDINGEN, NU.minusSeconds(1))).isTrue();
    assertThat(radar.gesignaleerdSinds("VT-2027-000002", RadarReden.HERMELDING, NU.minusSeconds(1))).isFalse();
    assertThat(radar.beoordeling("pi-1", true, "Aanmelden", "teamleider", NU)).isEqualTo(1);
    assertThat(radar.signalen("VT-2027-000002")).singleElement().satisfies(s -> {
      assertThat(s.mdaAanmelden()).isTrue();
      assertThat(s.beoordeeldOp()).isEqualTo(NU);
    });
    assertThat(radar.melding(tweede).orElseThrow().categorie()).isEqualTo("HERMELDING");

    radar.treffer("VT-2027-000001", eerste, moeder, "rotterdam-rijnmond", "Veilig Thuis Rotterdam Rijnmond", false, NU);
    assertThat(radar.actueleTreffer(eerste)).isFalse();
    radar.treffer("VT-2027-000001", eerste, moeder, "rotterdam-rijnmond", "Veilig Thuis Rotterdam Rijnmond", true, NU);
    assertThat(radar.actueleTreffer(eerste)).isTrue();
    assertThat(radar.treffers("VT-2027-000001")).singleElement()
        .satisfies(t -> assertThat(t.regio()).isEqualTo("rotterdam-rijnmond"));
  }

  private static long melding(String zaaknummer, String regio, Instant ontvangen, String melderType) {
    dossiers.nieuweZaak(new Zaak(zaaknummer, Zaaktype.MELDING, regio, ontvangen, null));
    return dossiers.nieuweMelding(new Melding(null, zaaknummer, null, ontvangen, ontvangen, "intake", "NIEUWE_MELDING",
        melderType, "Melder", null, false, false, false, "{}", null));
  }

  private static long persoon(long meldingId, String zaaknummer, String naam, LocalDate geboortedatum, String bsn) {
    dossiers.nieuweBetrokkene(new Betrokkene(null, meldingId, zaaknummer, "SLACHTOFFER", naam, geboortedatum, bsn));
    return jdbc.sql("select max(id) from betrokkene").query(Long.class).single();
  }
}
