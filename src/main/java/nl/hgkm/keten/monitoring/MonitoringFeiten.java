package nl.hgkm.keten.monitoring;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import nl.hgkm.keten.engine.ProcesBean;
import nl.hgkm.keten.kalender.Klok;
import nl.hgkm.keten.kalender.Werkdagenkalender;
import nl.hgkm.keten.monitoring.MonitoringDossier.MeldingFeit;
import nl.hgkm.keten.monitoring.MonitoringDossier.Persoon;
import nl.hgkm.keten.zaak.Zaaktype;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Gathers the risk and household facts that decision {@code monitoring-plan} weighs, from the case file of the
 * monitored case (a Veilig Thuis case or a huisverbod) and the region's meldingen about the same persons:
 *
 * <ul>
 *   <li>{@code kinderenBetrokken}: a person has role KIND or is under 18 today;
 *   <li>{@code eerdereMeldingen12Maanden}: meldingen about these persons received in the last 12 months, without the
 *       report that opened the case (the first melding of a Veilig Thuis case; for a huisverbod, its report to Veilig
 *       Thuis {@code HV:<zaaknummer>});
 *   <li>{@code acuutInVoorgeschiedenis}: one of those meldingen, at any time, was acute, or the assessment of this case
 *       found acute unsafety (variable {@code acuut});
 *   <li>{@code huisverbodOpgelegd}: the monitoring follows a huisverbod, or one of those meldingen is the report of an
 *       imposed huisverbod (external reference {@code HV:...}, sent only after imposition).
 * </ul>
 */
@Component("monitoringFeiten")
@ProcesBean
class MonitoringFeiten implements JavaDelegate {

  static final String HERKOMST_HUISVERBOD = "HUISVERBOD";
  static final String REFERENTIE_HUISVERBOD = "HV:";
  private static final int MEERDERJARIG = 18;
  private static final Period TERUGKIJKEN = Period.ofMonths(12);

  private final MonitoringDossier dossier;
  private final Werkdagenkalender kalender;
  private final Klok klok;

  MonitoringFeiten(MonitoringDossier dossier, Werkdagenkalender kalender, Klok klok) {
    this.dossier = dossier;
    this.kalender = kalender;
    this.klok = klok;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String zaaknummer = MonitoringVariabelen.tekst(execution, "zaaknummer");
    String regio = MonitoringVariabelen.tekst(execution, "regio");
    String herkomst = MonitoringVariabelen.tekst(execution, "herkomst");
    Zaaktype zaaktype = dossier.zaaktype(zaaknummer)
        .orElseThrow(() -> new IllegalStateException("Geen dossier voor zaak " + zaaknummer));
    List<Persoon> personen = dossier.personen(zaaknummer, zaaktype);
    Collection<MeldingFeit> meldingen = dossier.meldingen(zaaknummer, regio, personen);

    Instant nu = klok.nu();
    LocalDate vandaag = kalender.lokaleDatum(nu);
    Instant terugTot = kalender.lokaal(nu).minus(TERUGKIJKEN).toInstant();
    Optional<Long> openingsmelding = openingsmelding(zaaknummer, zaaktype, meldingen);

    boolean kinderen = personen.stream().anyMatch(persoon -> "KIND".equals(persoon.rol())
        || (persoon.geboortedatum() != null
            && Period.between(persoon.geboortedatum(), vandaag).getYears() < MEERDERJARIG));
    long eerder = meldingen.stream()
        .filter(melding -> openingsmelding.map(id -> id != melding.id()).orElse(true))
        .filter(melding -> !melding.ontvangenOp().isBefore(terugTot) && !melding.ontvangenOp().isAfter(nu))
        .count();
    boolean acuut = Boolean.TRUE.equals(execution.getVariable("acuut"))
        || meldingen.stream().anyMatch(MeldingFeit::acuut);
    boolean huisverbod = HERKOMST_HUISVERBOD.equals(herkomst)
        || meldingen.stream().anyMatch(melding -> melding.externeReferentie() != null
            && melding.externeReferentie().startsWith(REFERENTIE_HUISVERBOD));

    execution.setVariable("kinderenBetrokken", kinderen);
    execution.setVariable("eerdereMeldingen12Maanden", (int) eerder);
    execution.setVariable("acuutInVoorgeschiedenis", acuut);
    execution.setVariable("huisverbodOpgelegd", huisverbod);
  }

  private static Optional<Long> openingsmelding(String zaaknummer, Zaaktype zaaktype,
      Collection<MeldingFeit> meldingen) {
    if (zaaktype == Zaaktype.HUISVERBOD) {
      return meldingen.stream()
          .filter(melding -> (REFERENTIE_HUISVERBOD + zaaknummer).equals(melding.externeReferentie()))
          .map(MeldingFeit::id)
          .findFirst();
    }
    return meldingen.stream()
        .filter(melding -> zaaknummer.equals(melding.zaaknummer()))
        .min(Comparator.comparing(MeldingFeit::ontvangenOp).thenComparing(MeldingFeit::id))
        .map(MeldingFeit::id);
  }
}
