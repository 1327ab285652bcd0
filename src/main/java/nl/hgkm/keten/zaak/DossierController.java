package nl.hgkm.keten.zaak;

import nl.hgkm.keten.identiteit.Gebruiker;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/zaken/{zaaknummer}}: the case file, as far as the caller's groups may see it (DossierInzage). */
@RestController
@RequestMapping("/api/zaken")
class DossierController {

  private final DossierInzage inzage;

  DossierController(DossierInzage inzage) {
    this.inzage = inzage;
  }

  @GetMapping("/{zaaknummer}")
  DossierWeergave dossier(@PathVariable String zaaknummer, Authentication authenticatie) {
    return inzage.dossier(zaaknummer, Gebruiker.van(authenticatie));
  }
}
