package nl.hgkm.keten.tasklist;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import nl.hgkm.keten.gemeente.Gemeente;
import nl.hgkm.keten.gemeente.Gemeenten;
import nl.hgkm.keten.regio.Regio;
import nl.hgkm.keten.regio.Regios;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs when any user task of the chain is created (the engine seam adds it to every user task; no model names it)
 * and gives the task, as task-local variables, what a person reads on its card and in its form:
 *
 * <ul>
 *   <li>the card ({@link #KAART_ZAAK}, {@link #KAART_REGIO}, {@link #KAART_TERMIJN} (the task's due date),
 *       {@link #KAART_ACUUT}), which the
 *       Tasklist filters show on every task (see {@code TasklistFilters});
 *   <li>for the case's codes, dates, periods and yes/no facts the words of {@link Weergave}, as {@code <name>Tekst}
 *       ({@code melderTypeTekst} "burger", {@code ontvangenOpTekst} "3 december 2026 om 09:42"), and the grounds
 *       of a melding as one labelled list ({@link #GRONDEN}). The forms show these instead of the codes.
 * </ul>
 *
 * <p>Display only: nothing reads these variables back, and the process variables they come from stay as they are.
 * They show the case as it was when the task was created.
 */
@Component
public class TaakWeergave implements TaskListener {

  public static final String KAART_ZAAK = "kaartZaak";
  public static final String KAART_REGIO = "kaartRegio";
  public static final String KAART_TERMIJN = "kaartTermijn";
  public static final String KAART_ACUUT = "kaartAcuut";
  public static final String GRONDEN = "grondenTekst";
  public static final String ACHTERVOEGSEL = "Tekst";

  /** Codes shown in words. */
  static final List<String> CODES = List.of("melderType", "categorie", "vervolg", "advies", "moment",
      "risicoprofiel", "herkomst", "persoonRol", "vervolgCategorie", "vervolgMelderType", "besluit", "opgelegdDoor",
      "uitspraak");
  /** Lists of codes ("a, b"). */
  static final List<String> LIJSTEN = List.of("acuteGronden", "structureleGronden", "terugkoppelingOnderdelen");
  static final List<String> JA_NEE = List.of("acuut", "structureel", "kindermishandeling", "vervolgAcuut",
      "vervolgStructureel");
  static final List<String> TIJDSTIPPEN = List.of("ontvangenOp", "deadline", "opgelegdOp", "incidentOp",
      "huisverbodEindigtOp", "maximaleEinddatum", "eersteContactUiterlijk", "momentDatum", "planTot",
      "overtredingOp", "raadsmanUiterlijk", "verzoekIngediendOp", "zittingUiterlijk", "vervolgOntvangenOp",
      "veiligheidsbeoordelingUiterlijk", "onderzoekUiterlijk");
  static final List<String> PERIODES = List.of("monitoringInterval", "monitoringDuur");

  private static final Logger LOG = LoggerFactory.getLogger(TaakWeergave.class);
  private static final String REGIO_VOORVOEGSEL = "Veilig Thuis ";

  private final Regios regios;
  private final Gemeenten gemeenten;

  TaakWeergave(Regios regios, Gemeenten gemeenten) {
    this.regios = regios;
    this.gemeenten = gemeenten;
  }

  @Override
  public void notify(DelegateTask taak) {
    Map<String, Object> weergave;
    try {
      String bedrijfssleutel = taak.getExecution() == null ? null : taak.getExecution().getProcessBusinessKey();
      weergave = weergave(taak::getVariable, bedrijfssleutel, taak.getDueDate());
    } catch (RuntimeException fout) {
      // Display only: a value it cannot read must never stop a case; the form then shows less.
      LOG.warn("Weergave van taak {} ({}) niet gezet: {}", taak.getId(), taak.getTaskDefinitionKey(), fout.toString());
      return;
    }
    taak.setVariablesLocal(weergave);
  }

  /** The display variables for a task whose case has these variables (null when absent). */
  Map<String, Object> weergave(Function<String, Object> variabele, String bedrijfssleutel, java.util.Date deadline) {
    Map<String, Object> weergave = new LinkedHashMap<>();
    for (String naam : CODES) {
      aanwezig(variabele, naam).ifPresent(w -> weergave.put(naam + ACHTERVOEGSEL, Weergave.woord(w)));
    }
    for (String naam : LIJSTEN) {
      aanwezig(variabele, naam).ifPresent(w -> weergave.put(naam + ACHTERVOEGSEL, Weergave.lijst(w)));
    }
    for (String naam : JA_NEE) {
      aanwezig(variabele, naam).ifPresent(w -> weergave.put(naam + ACHTERVOEGSEL, Weergave.janee(w)));
    }
    for (String naam : TIJDSTIPPEN) {
      aanwezig(variabele, naam).flatMap(Weergave::tijdstip)
          .ifPresent(w -> weergave.put(naam + ACHTERVOEGSEL, w));
    }
    for (String naam : PERIODES) {
      aanwezig(variabele, naam).flatMap(Weergave::periode).ifPresent(w -> weergave.put(naam + ACHTERVOEGSEL, w));
    }
    Object acuteGronden = variabele.apply("acuteGronden");
    Object structureleGronden = variabele.apply("structureleGronden");
    if (acuteGronden != null || structureleGronden != null) {
      weergave.put(GRONDEN, Weergave.gronden(acuteGronden, structureleGronden));
    }
    Optional<String> regio = aanwezig(variabele, "regio").map(String::valueOf).map(this::regioNaam);
    regio.ifPresent(r -> weergave.put("regio" + ACHTERVOEGSEL, r));
    aanwezig(variabele, "gemeente").map(String::valueOf)
        .ifPresent(g -> weergave.put("gemeente" + ACHTERVOEGSEL,
            gemeenten.vind(g).map(Gemeente::naam).orElse(g)));

    Object zaaknummer = variabele.apply("zaaknummer");
    Object zaak = zaaknummer != null ? zaaknummer : bedrijfssleutel;
    if (zaak != null) {
      weergave.put(KAART_ZAAK, String.valueOf(zaak));
    }
    regio.map(r -> r.startsWith(REGIO_VOORVOEGSEL) ? r.substring(REGIO_VOORVOEGSEL.length()) : r)
        .ifPresent(r -> weergave.put(KAART_REGIO, r));
    // The term of this step (the due date the calendar set: statutory where the law sets one); the case's
    // "deadline" only for a task without one. "deadline" alone would go stale: it keeps an earlier step's term.
    Object termijn = deadline != null ? Weergave.termijn(deadline.toInstant())
        : weergave.get("deadline" + ACHTERVOEGSEL);
    if (termijn != null) {
      weergave.put(KAART_TERMIJN, termijn);
    }
    Object acuut = variabele.apply("acuut");
    Object vervolgAcuut = variabele.apply("vervolgAcuut");
    if (acuut != null || vervolgAcuut != null) {
      weergave.put(KAART_ACUUT, Weergave.janee(Boolean.TRUE.equals(acuut) || Boolean.TRUE.equals(vervolgAcuut)));
    }
    return weergave;
  }

  private String regioNaam(String code) {
    return regios.regio(code).map(Regio::naam).filter(naam -> !naam.isBlank()).orElse(code);
  }

  private static Optional<Object> aanwezig(Function<String, Object> variabele, String naam) {
    Object waarde = variabele.apply(naam);
    return waarde == null || (waarde instanceof String s && s.isBlank()) ? Optional.empty() : Optional.of(waarde);
  }
}
