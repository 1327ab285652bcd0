package nl.hgkm.keten.melding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.hgkm.keten.engine.ProcesBean;
import nl.hgkm.keten.engine.StapUitvoering;
import nl.hgkm.keten.notificatie.Mail;
import nl.hgkm.keten.notificatie.MailSjablonen;
import nl.hgkm.keten.notificatie.Mailer;
import nl.hgkm.keten.regio.Regio;
import nl.hgkm.keten.regio.Regios;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Mails the reporter what {@code terugkoppeling-melder} allows to be told (variable {@code terugkoppelingOnderdelen})
 * at a moment ({@code NA_VEILIGHEIDSBEOORDELING}, {@code NA_ONDERZOEK}). Never names the people involved.
 */
@Component("terugkoppelingMelder")
@ProcesBean
class TerugkoppelingMelder implements JavaDelegate {

  private static final Map<String, String> PARTIJ = Map.of(
      "ONDERZOEK_VT", "Veilig Thuis doet zelf onderzoek.",
      "VERZOEK_ONDERZOEK_RVDK", "Veilig Thuis heeft de Raad voor de Kinderbescherming gevraagd onderzoek te doen.",
      "VOORWAARDEN_EN_VERVOLG", "Veilig Thuis heeft veiligheidsvoorwaarden afgesproken; de hulp wordt ingezet door "
          + "het lokale team of de betrokken hulpverlening, en Veilig Thuis volgt of het gezin veilig wordt en blijft.",
      "OVERDRACHT_LOKAAL_TEAM", "De zaak is overgedragen aan het lokale team (wijkteam).",
      "OVERDRACHT_LOPENDE_HULPVERLENING", "De zaak is overgedragen aan de hulpverlening die al betrokken is.",
      "MDA_PLUSPLUS", "De zaak is aangemeld voor de multidisciplinaire aanpak (MDA++).",
      "EINDE_BEMOEIENIS", "Veilig Thuis beëindigt zijn bemoeienis.",
      "OMZETTEN_IN_ADVIES", "De melding is omgezet in een advies.");

  private final MelderContact contact;
  private final Mailer mailer;
  private final MailSjablonen sjablonen;
  private final Regios regios;

  TerugkoppelingMelder(MelderContact contact, Mailer mailer, MailSjablonen sjablonen, Regios regios) {
    this.contact = contact;
    this.mailer = mailer;
    this.sjablonen = sjablonen;
    this.regios = regios;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String zaaknummer = (String) execution.getVariable("zaaknummer");
    String moment = (String) execution.getVariable("moment");
    String vervolg = (String) execution.getVariable("vervolg");
    boolean vervolgIngezet = Boolean.TRUE.equals(execution.getVariable("vervolgIngezet"));
    List<String> onderdelen = List.of(((String) execution.getVariable("terugkoppelingOnderdelen")).split(",\\s*"));
    String email = contact.emailVanMelder(zaaknummer).orElseThrow(() -> new IllegalStateException(
        "Zaak " + zaaknummer + ": e-mailadres van de melder verwacht maar niet in het dossier"));

    List<String> alineas = new ArrayList<>();
    boolean naOnderzoek = "NA_ONDERZOEK".equals(moment);
    if (onderdelen.contains("VERVOLG_JA_NEE")) {
      if (naOnderzoek) {
        alineas.add(vervolgIngezet
            ? "Het onderzoek van Veilig Thuis is afgerond. Er zijn veiligheidsvoorwaarden gesteld en Veilig Thuis "
                + "blijft volgen of de situatie veilig wordt en blijft."
            : "Het onderzoek van Veilig Thuis is afgerond. Er volgt geen verdere bemoeienis van Veilig Thuis.");
      } else {
        alineas.add(vervolgIngezet
            ? "Veilig Thuis heeft uw melding beoordeeld en zet een vervolg in."
            : "Veilig Thuis heeft uw melding beoordeeld. Er volgt geen vervolg door Veilig Thuis. "
                + PARTIJ.getOrDefault(vervolg, ""));
      }
    }
    if (onderdelen.contains("OVERDRACHTSPARTIJEN") && PARTIJ.containsKey(vervolg) && !naOnderzoek) {
      alineas.add(PARTIJ.get(vervolg));
    }
    if (onderdelen.contains("VEILIGHEIDSVOORWAARDEN_EN_MONITORAFSPRAKEN")) {
      alineas.add("U heeft een rol in het vervolg. Uw contactpersoon bij Veilig Thuis bespreekt met u de "
          + "veiligheidsvoorwaarden en de afspraken over het volgen van de veiligheid (monitoring).");
    }
    Regio regio = regios.regio((String) execution.getVariable("regio")).orElse(null);
    MailSjablonen.Opgemaakt tekst = sjablonen.maakOp("terugkoppeling-melder", Map.of(
        "zaaknummer", zaaknummer,
        "moment", naOnderzoek ? "na het onderzoek" : "na de veiligheidsbeoordeling",
        "inhoud", String.join("\n\n", alineas),
        "organisatie", regio == null ? "Veilig Thuis" : regio.naam()));
    mailer.verstuur(new Mail(email, tekst.onderwerp(), tekst.tekst(),
        zaaknummer + "." + moment + "." + StapUitvoering.id(execution)));
  }
}
