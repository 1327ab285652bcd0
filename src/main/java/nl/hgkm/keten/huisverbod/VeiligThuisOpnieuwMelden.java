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
 * The monitoring after a huisverbod found the household unsafe again: the household is reported to Veilig Thuis once
 * more through the melding intake, so the radar bundles it with a running case or starts a new one and Veilig Thuis
 * assesses it within its statutory term. Repeated unsafety after an order is a structural signal
 * ({@code herhalendeOfVoortdurendeOnveiligeGebeurtenissen}).
 *
 * <p>Each report has its own externeReferentie {@code HV:<zaaknummer>:monitoring:<n>}, n counting this order's
 * earlier monitoring reports; the intake runs in this step's transaction, so a retried step counts the same n and the
 * intake answers with the first result instead of reporting twice. Sets {@code vtZaaknummer} and {@code vtCategorie}.
 */
@Component("veiligThuisOpnieuwMelden")
@ProcesBean
class VeiligThuisOpnieuwMelden implements JavaDelegate {

  private static final DateTimeFormatter DATUM_TIJD = DateTimeFormatter.ofPattern("d-M-yyyy HH:mm");

  private final MeldingIntake intake;
  private final JdbcClient jdbc;
  private final Werkdagenkalender kalender;
  private final Klok klok;

  VeiligThuisOpnieuwMelden(MeldingIntake intake, JdbcClient jdbc, Werkdagenkalender kalender, Klok klok) {
    this.intake = intake;
    this.jdbc = jdbc;
    this.kalender = kalender;
    this.klok = klok;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String zaaknummer = ProcesVariabelen.zaaknummer(execution);
    String regio = ProcesVariabelen.tekst(execution, "regio");
    String gemeente = ProcesVariabelen.tekst(execution, "gemeente");
    String voorvoegsel = "HV:" + zaaknummer + ":monitoring:";
    long eerder = jdbc.sql("select count(*) from melding where externe_referentie like :voorvoegsel")
        .param("voorvoegsel", voorvoegsel + "%")
        .query(Long.class).single();
    List<MeldingVerzoek.Persoon> personen = jdbc.sql("""
            select rol, naam, geboortedatum, bsn from huisverbod_persoon where zaaknummer = :zaak order by id""")
        .param("zaak", zaaknummer)
        .query((rij, n) -> new MeldingVerzoek.Persoon(
            BetrokkeneRol.valueOf(rij.getString("rol")),
            rij.getString("naam"),
            rij.getObject("geboortedatum", LocalDate.class),
            Bsn.van(rij.getString("bsn")).orElse(null)))
        .list();
    Instant nu = klok.nu();
    MeldingVerzoek melding = new MeldingVerzoek(
        voorvoegsel + (eerder + 1),
        nu,
        regio,
        new MeldingVerzoek.Melder(MelderType.PROFESSIONAL, "Veilig Thuis, monitoring na tijdelijk huisverbod "
            + zaaknummer + " (gemeente " + gemeente + ")", null, false),
        personen,
        Map.of("herhalendeOfVoortdurendeOnveiligeGebeurtenissen", true),
        "Bij de monitoring na het tijdelijk huisverbod " + zaaknummer + " (gemeente " + gemeente + ") bleek het "
            + "huishouden op " + kalender.lokaal(nu).format(DATUM_TIJD) + " opnieuw onveilig. De bevindingen "
            + "staan bij de monitoring van zaak " + zaaknummer + ".");
    MeldingAntwoord antwoord = intake.verwerk(melding, "huisverbod").antwoord();
    execution.setVariable("vtZaaknummer", antwoord.zaaknummer());
    execution.setVariable("vtCategorie", antwoord.categorie());
  }
}
