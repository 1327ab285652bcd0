package nl.hgkm.keten.zaak;

import nl.hgkm.keten.audit.Inzagelog;
import nl.hgkm.keten.identiteit.Gebruiker;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.ErrorResponseException;

/**
 * {@code GET /api/zaken/{zaaknummer}}: the case file, as far as the caller's groups may see it (DossierInzage). Every
 * opening, also a refused one, is a line in the read-access log.
 */
@RestController
@RequestMapping("/api/zaken")
class DossierController {

  private static final String WAT = "Dossier Veilig Thuis";

  private final DossierInzage inzage;
  private final Inzagelog inzagelog;

  DossierController(DossierInzage inzage, Inzagelog inzagelog) {
    this.inzage = inzage;
    this.inzagelog = inzagelog;
  }

  @GetMapping("/{zaaknummer}")
  DossierWeergave dossier(@PathVariable String zaaknummer, Authentication authenticatie) {
    DossierWeergave dossier;
    try {
      dossier = inzage.dossier(zaaknummer, Gebruiker.van(authenticatie));
    } catch (ErrorResponseException fout) {
      inzagelog.vastleggen(zaaknummer, WAT, fout.getStatusCode().value() == HttpStatus.NOT_FOUND.value()
          && !(fout instanceof DossierInzage.ZaakVanAndereRegio)
          ? Inzagelog.Uitkomst.NIET_GEVONDEN : Inzagelog.Uitkomst.GEWEIGERD);
      throw fout;
    }
    inzagelog.vastleggen(zaaknummer, WAT, Inzagelog.Uitkomst.GETOOND);
    return dossier;
  }
}
