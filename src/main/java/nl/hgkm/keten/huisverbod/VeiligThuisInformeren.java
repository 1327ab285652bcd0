package nl.hgkm.keten.huisverbod;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import nl.hgkm.keten.engine.ProcesBean;
import nl.hgkm.keten.kalender.Klok;
import nl.hgkm.keten.kalender.Werkdagenkalender;
import nl.hgkm.keten.melding.BetrokkeneRol;
import nl.hgkm.keten.melding.MelderType;
import nl.hgkm.keten.melding.MeldingAntwoord;
import nl.hgkm.keten.melding.MeldingIntake;
import nl.hgkm.keten.melding.MeldingVerzoek;
import nl.hgkm.keten.zaak.Bsn;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Informs Veilig Thuis of an imposed order (Wth art. 2(8)) through the same intake as any melding, so the household
 * lands on Veilig Thuis's radar: a running case of the same persons receives it as a vervolgmelding, otherwise a new
 * VT case starts. The externeReferentie {@code HV:<zaaknummer>} makes a retry of this step answer with the first
 * result instead of reporting twice.
 */
@Component("veiligThuisInformeren")
@ProcesBean
class VeiligThuisInformeren implements JavaDelegate {

  private static final DateTimeFormatter DATUM_TIJD = DateTimeFormatter.ofPattern("d-M-yyyy HH:mm");

  private final MeldingIntake intake;
  private final JdbcClient jdbc;
  private final Werkdagenkalender kalender;
  private final Klok klok;

  VeiligThuisInformeren(MeldingIntake intake, JdbcClient jdbc, Werkdagenkalender kalender, Klok klok) {
    this.intake = intake;
    this.jdbc = jdbc;
    this.kalender = kalender;
    this.klok = klok;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String zaaknummer = (String) execution.getVariable("zaaknummer");
    String regio = (String) execution.getVariable("regio");
    String gemeente = (String) execution.getVariable("gemeente");
    List<MeldingVerzoek.Persoon> personen = jdbc.sql("""
            select rol, naam, geboortedatum, bsn from huisverbod_persoon where zaaknummer = :zaak order by id""")
        .param("zaak", zaaknummer)
        .query((rij, n) -> new MeldingVerzoek.Persoon(
            BetrokkeneRol.valueOf(rij.getString("rol")),
            rij.getString("naam"),
            rij.getObject("geboortedatum", LocalDate.class),
            Bsn.van(rij.getString("bsn")).orElse(null)))
        .list();
    Instant opgelegdOp = DatumTijd.lees("opgelegdOp", execution.getVariable("opgelegdOp"));
    Instant eindigtOp = DatumTijd.lees("huisverbodEindigtOp", execution.getVariable("huisverbodEindigtOp"));
    String omschrijving = "Tijdelijk huisverbod " + zaaknummer + " opgelegd op " + lokaal(opgelegdOp)
        + " door " + String.valueOf(execution.getVariable("opgelegdDoor")).toLowerCase()
        + " (gemeente " + gemeente + "); het huisverbod eindigt op " + lokaal(eindigtOp) + ". "
        + (Boolean.TRUE.equals(execution.getVariable("kindermishandeling"))
            ? "Er is sprake van (een vermoeden van) kindermishandeling. " : "")
        + "RiHG-advies: " + execution.getVariable("advies") + ".";
    MeldingVerzoek melding = new MeldingVerzoek(
        "HV:" + zaaknummer,
        klok.nu(),
        regio,
        new MeldingVerzoek.Melder(MelderType.POLITIE, "Politie en gemeente " + gemeente
            + " (tijdelijk huisverbod " + zaaknummer + ")", null, false),
        personen,
        Map.of(),
        omschrijving);
    MeldingAntwoord antwoord = intake.verwerk(melding, "huisverbod").antwoord();
    execution.setVariable("vtZaaknummer", antwoord.zaaknummer());
    execution.setVariable("vtCategorie", antwoord.categorie());
  }

  private String lokaal(Instant moment) {
    return kalender.lokaal(moment).format(DATUM_TIJD);
  }
}
