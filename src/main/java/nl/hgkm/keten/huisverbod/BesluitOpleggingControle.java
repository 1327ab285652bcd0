package nl.hgkm.keten.huisverbod;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import nl.hgkm.keten.engine.OngeldigeTaakInvoerException;
import nl.hgkm.keten.engine.ProcesBean;
import nl.hgkm.keten.kalender.Klok;
import nl.hgkm.keten.kalender.Werkdagenkalender;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Guards the decision to impose (task {@code besluit-oplegging}) and, when the order is imposed, fixes its terms:
 * the end 10 calendar days after {@code opgelegdOp} at the same local clock time (Wth art. 2(1), 13), the latest
 * possible end after extension (art. 9: four weeks), the evaluation moment and the 24-hour reachability term
 * (art. 2(6)). An invalid decision is refused with every reason at once; the task stays open.
 */
@Component("besluitOpleggingControle")
@ProcesBean
class BesluitOpleggingControle implements TaskListener {

  private static final Set<String> BESLUITEN = Set.of("OPLEGGEN", "NIET_OPLEGGEN");
  private static final Set<String> BESLISSERS = Set.of("BURGEMEESTER", "LOCOBURGEMEESTER", "HULPOFFICIER");
  /** Clock difference tolerated between a client's "now" and ours. */
  private static final Duration KLOKMARGE = Duration.ofMinutes(5);

  private final Werkdagenkalender kalender;
  private final HuisverbodProperties termijnen;
  private final Klok klok;
  private final Beslisser beslisser;
  private final JdbcClient jdbc;

  BesluitOpleggingControle(Werkdagenkalender kalender, HuisverbodProperties termijnen, Klok klok,
      Beslisser beslisser, JdbcClient jdbc) {
    this.kalender = kalender;
    this.termijnen = termijnen;
    this.klok = klok;
    this.beslisser = beslisser;
    this.jdbc = jdbc;
  }

  @Override
  public void notify(DelegateTask taak) {
    DelegateExecution zaak = taak.getExecution();
    List<String> fouten = new ArrayList<>();
    Object besluit = taak.getVariable("besluit");
    Object opgelegdDoor = taak.getVariable("opgelegdDoor");
    if (!(besluit instanceof String b) || !BESLUITEN.contains(b)) {
      fouten.add("besluit moet OPLEGGEN of NIET_OPLEGGEN zijn");
    }
    if (!(opgelegdDoor instanceof String d) || !BESLISSERS.contains(d)) {
      fouten.add("opgelegdDoor moet BURGEMEESTER, LOCOBURGEMEESTER of HULPOFFICIER zijn");
    } else {
      String rol = beslisser.rol(d);
      boolean klopt = "HULPOFFICIER".equals(d)
          ? "HULPOFFICIER".equals(rol)
          : "BURGEMEESTER".equals(rol) || "LOCOBURGEMEESTER".equals(rol);
      if (!klopt) {
        fouten.add("u kunt niet besluiten als " + d.toLowerCase() + " (uw rol: "
            + (rol == null ? "geen" : rol.toLowerCase()) + ")");
      }
    }
    if (!fouten.isEmpty() || "NIET_OPLEGGEN".equals(besluit)) {
      weigerBij(fouten);
      return;
    }

    Instant nu = klok.nu();
    Instant opgelegdOp = leesOfFout("opgelegdOp", taak.getVariable("opgelegdOp"), fouten);
    if (opgelegdOp == null && fouten.isEmpty()) {
      opgelegdOp = nu;
    }
    Instant incidentOp = DatumTijd.lees("incidentOp", zaak.getVariable("incidentOp"));
    Instant eindigtOp = null;
    if (opgelegdOp != null) {
      if (opgelegdOp.isAfter(nu.plus(KLOKMARGE))) {
        fouten.add("opgelegdOp ligt in de toekomst");
      }
      if (incidentOp != null && opgelegdOp.isBefore(incidentOp)) {
        fouten.add("opgelegdOp ligt voor het incident");
      }
      eindigtOp = kalender.plusKalenderdagen(opgelegdOp, termijnen.duurDagen());
      if (!eindigtOp.isAfter(nu)) {
        fouten.add("een huisverbod opgelegd op dit moment zou al zijn afgelopen");
      }
    }
    String advies = (String) zaak.getVariable("advies");
    if (!"HUISVERBOD_IN_BEGINSEL".equals(advies) && isLeeg(taak.getVariable("motivering"))) {
      fouten.add("motivering is verplicht: het advies was " + advies + " (opleggen tegen of buiten het advies)");
    }
    String woningAdres = tekst(taak.getVariable("woningAdres"));
    if (!Boolean.TRUE.equals(zaak.getVariable("woningBekend")) && woningAdres == null) {
      fouten.add("woningAdres is verplicht: de beschikking noemt de plaats van het huisverbod (Wth art. 2 lid 4)");
    }
    weigerBij(fouten);

    String zaaknummer = (String) zaak.getVariable("zaaknummer");
    if (woningAdres != null) {
      jdbc.sql("update huisverbod set woning_adres = :adres where zaaknummer = :zaak")
          .param("adres", woningAdres).param("zaak", zaaknummer).update();
    }
    String bereikbaarheid = tekst(taak.getVariable("bereikbaarheidsadres"));
    if (bereikbaarheid != null) {
      jdbc.sql("""
              update huisverbod set bereikbaarheid = :adres, bereikbaarheid_vastgelegd_op = :op
              where zaaknummer = :zaak""")
          .param("adres", bereikbaarheid).param("op", OffsetDateTime.ofInstant(nu, kalender.tijdzone()))
          .param("zaak", zaaknummer).update();
    }
    Instant evaluatie = kalender.plusKalenderdagen(opgelegdOp, termijnen.evaluatieNaDagen());
    zaak.setVariable("opgelegdOp", Date.from(opgelegdOp));
    zaak.setVariable("huisverbodEindigtOp", Date.from(eindigtOp));
    zaak.setVariable("maximaleEinddatum", Date.from(kalender.plusKalenderdagen(opgelegdOp,
        termijnen.maximaleDuurDagen())));
    zaak.setVariable("evaluatieOp", Date.from(evaluatie.isBefore(nu) ? nu : evaluatie));
    zaak.setVariable("bereikbaarheidUiterlijk", Date.from(opgelegdOp.plus(termijnen.bereikbaarheid())));
    zaak.setVariable("bereikbaarheidBekend", bereikbaarheid != null);
    zaak.setVariable("mondelingOpgelegd", Boolean.TRUE.equals(taak.getVariable("mondelingOpgelegd")));
    zaak.setVariable("beeindigingsreden", "VERLOPEN");
    zaak.setVariable("deadline", kalender.lokaleDatum(eindigtOp).format(DateTimeFormatter.ISO_LOCAL_DATE));
  }

  private static Instant leesOfFout(String veld, Object waarde, List<String> fouten) {
    try {
      return DatumTijd.lees(veld, waarde);
    } catch (OngeldigeTaakInvoerException fout) {
      fouten.add(fout.getMessage());
      return null;
    }
  }

  private static void weigerBij(List<String> fouten) {
    if (!fouten.isEmpty()) {
      throw new OngeldigeTaakInvoerException("Besluit over oplegging geweigerd: " + String.join("; ", fouten));
    }
  }

  private static boolean isLeeg(Object waarde) {
    return tekst(waarde) == null;
  }

  private static String tekst(Object waarde) {
    return waarde instanceof String s && !s.isBlank() ? s.strip() : null;
  }
}
