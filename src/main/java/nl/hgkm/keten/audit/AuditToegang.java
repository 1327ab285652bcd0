package nl.hgkm.keten.audit;

import java.util.List;
import java.util.regex.Pattern;
import nl.hgkm.keten.identiteit.Gebruiker;
import nl.hgkm.keten.identiteit.Groepen;
import nl.hgkm.keten.zaak.DossierRepository;
import nl.hgkm.keten.zaak.Zaak;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Who may replay which case. The auditor: every case. A Veilig Thuis team leader: the cases of the regions whose
 * Camunda tenant (id = region slug, contract §6) the team leader is a member of, directly or through a group; a case
 * of another region answers 404, as if it did not exist (issue 9: never confirm another region's case). Everyone else
 * is refused by BeveiligingConfiguratie before this, and again here. Every refusal is a line in the read-access log.
 */
@Component
public class AuditToegang {

  /** A zaaknummer as the contract names them: {@code VT-<yyyy>-<6 digits>} or {@code HV-<yyyy>-<6 digits>}. */
  static final Pattern ZAAKNUMMER = Pattern.compile("(VT|HV)-\\d{4}-\\d{6}");

  private final DossierRepository dossiers;
  private final IdentityService identityService;
  private final Inzagelog inzagelog;

  public AuditToegang(DossierRepository dossiers, IdentityService identityService, Inzagelog inzagelog) {
    this.dossiers = dossiers;
    this.identityService = identityService;
    this.inzagelog = inzagelog;
  }

  /** The case, when this user may replay it; otherwise the refusal (logged), as problem+json. */
  public Zaak zaak(String zaaknummer, Authentication authenticatie, String wat) {
    if (zaaknummer == null || !ZAAKNUMMER.matcher(zaaknummer).matches()) {
      inzagelog.vastleggen(zaaknummer, wat, Inzagelog.Uitkomst.ONGELDIG);
      throw fout(HttpStatus.BAD_REQUEST, "Ongeldig zaaknummer", "'" + zaaknummer + "' is geen zaaknummer: een "
          + "zaaknummer ziet eruit als VT-2027-000123 (Veilig Thuis) of HV-2027-000123 (huisverbod).");
    }
    Gebruiker gebruiker = Gebruiker.van(authenticatie);
    boolean auditor = gebruiker.groepen().contains(Groepen.AUDITOR);
    if (!auditor && !gebruiker.groepen().contains(Groepen.VT_TEAMLEIDER)) {
      inzagelog.vastleggen(zaaknummer, wat, Inzagelog.Uitkomst.GEWEIGERD);
      throw fout(HttpStatus.FORBIDDEN, "Geen toegang", "Alleen een auditor of een teamleider van Veilig Thuis "
          + "(voor de zaken van de eigen regio) ziet de reconstructie van een zaak.");
    }
    Zaak zaak = dossiers.zaak(zaaknummer).orElse(null);
    if (zaak == null) {
      inzagelog.vastleggen(zaaknummer, wat, Inzagelog.Uitkomst.NIET_GEVONDEN);
      throw nietGevonden(zaaknummer);
    }
    if (!auditor && !regios(gebruiker).contains(zaak.regio())) {
      inzagelog.vastleggen(zaaknummer, wat, Inzagelog.Uitkomst.GEWEIGERD);
      throw nietGevonden(zaaknummer);
    }
    return zaak;
  }

  /** The regions whose cases this user may replay; null: every region (the auditor). */
  public List<String> zichtbareRegios(Authentication authenticatie) {
    Gebruiker gebruiker = Gebruiker.van(authenticatie);
    return gebruiker.groepen().contains(Groepen.AUDITOR) ? null : regios(gebruiker);
  }

  private List<String> regios(Gebruiker gebruiker) {
    return identityService.createTenantQuery().userMember(gebruiker.id()).includingGroupsOfUser(true).list()
        .stream().map(Tenant::getId).toList();
  }

  private static ErrorResponseException nietGevonden(String zaaknummer) {
    return fout(HttpStatus.NOT_FOUND, "Zaak niet gevonden", "Er is geen zaak met zaaknummer " + zaaknummer
        + " die u mag inzien.");
  }

  static ErrorResponseException fout(HttpStatus status, String titel, String detail) {
    ProblemDetail probleem = ProblemDetail.forStatusAndDetail(status, detail);
    probleem.setTitle(titel);
    return new ErrorResponseException(status, probleem, null);
  }
}
