package nl.hgkm.keten.meldcode;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import nl.hgkm.keten.engine.OngeldigeTaakInvoerException;
import nl.hgkm.keten.engine.ProcesBean;
import nl.hgkm.keten.melding.OngeldigeMeldingException;
import nl.hgkm.keten.melding.Signalen;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Process {@code meldcode-afweging}, when the outcome is to report: files the melding of the start form through
 * {@code POST /api/meldcode/afweging/{afwegingId}/melding}'s service, so through the melding intake, and links the
 * weighing to the case. Runs as the application ({@link AlsApplicatie}): the intake looks across all cases and starts
 * process {@code melding}, which the professional has no rights on; the professional is the recorded reporter.
 *
 * <p>Reads {@code regio}, {@code melderNaam}, {@code melderEmail} (both optional: the account's name and address),
 * {@code anoniemNaarGezin}, {@code betrokkene1..3Rol/Naam/Geboortedatum/Bsn} (a person counts when named),
 * {@code omschrijving} and the signals of {@link Signalen} as checkboxes. Sets {@code zaaknummer}. Synchronous, in the
 * start's transaction: a refused melding (a BSN that fails the elfproef, say) is shown in the form and nothing of the
 * weighing or the melding is stored.
 */
@Component("meldcodeMeldingDoen")
@ProcesBean
class MeldingDoenUitAfweging implements JavaDelegate {

  static final int BETROKKENEN_IN_FORMULIER = 3;

  private final MeldcodeAfwegingen afwegingen;
  private final ObjectMapper objectMapper;

  MeldingDoenUitAfweging(MeldcodeAfwegingen afwegingen, ObjectMapper objectMapper) {
    this.afwegingen = afwegingen;
    this.objectMapper = objectMapper;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String eigenaar = (String) execution.getVariable("eigenaar");
    String afwegingId = (String) execution.getVariable("afwegingId");
    ObjectNode melding = objectMapper.createObjectNode();
    tekst(execution, "regio").ifPresent(regio -> melding.put("regio", regio));
    ObjectNode melder = melding.putObject("melder");
    tekst(execution, "melderNaam").ifPresent(naam -> melder.put("naam", naam));
    tekst(execution, "melderEmail").ifPresent(email -> melder.put("email", email));
    melder.put("anoniemNaarGezin", Boolean.TRUE.equals(execution.getVariable("anoniemNaarGezin")));
    ArrayNode betrokkenen = melding.putArray("betrokkenen");
    for (int nummer = 1; nummer <= BETROKKENEN_IN_FORMULIER; nummer++) {
      String prefix = "betrokkene" + nummer;
      if (tekst(execution, prefix + "Naam").isEmpty()) {
        continue;
      }
      ObjectNode persoon = betrokkenen.addObject();
      tekst(execution, prefix + "Rol").ifPresent(rol -> persoon.put("rol", rol));
      tekst(execution, prefix + "Naam").ifPresent(naam -> persoon.put("naam", naam));
      tekst(execution, prefix + "Geboortedatum").ifPresent(datum -> persoon.put("geboortedatum", datum));
      tekst(execution, prefix + "Bsn").ifPresent(bsn -> persoon.put("bsn", bsn));
    }
    ObjectNode signalen = melding.putObject("signalen");
    Signalen.ALLE.forEach(signaal -> {
      if (execution.getVariable(signaal) instanceof Boolean waarde) {
        signalen.put(signaal, waarde);
      }
    });
    tekst(execution, "omschrijving").ifPresent(omschrijving -> melding.put("omschrijving", omschrijving));

    MeldcodeAfwegingen.Gemeld gemeld;
    try {
      gemeld = afwegingen.meld(eigenaar, afwegingId, melding);
    } catch (OngeldigeMeldingException fout) {
      throw new OngeldigeTaakInvoerException(Formulierfouten.tekst(fout.fouten()));
    }
    execution.setVariable("zaaknummer", gemeld.antwoord().zaaknummer());
  }

  private static Optional<String> tekst(DelegateExecution execution, String naam) {
    return execution.getVariable(naam) instanceof String tekst && !tekst.isBlank()
        ? Optional.of(tekst.strip()) : Optional.empty();
  }
}
