package nl.hgkm.keten.migratie;

import java.util.List;
import java.util.Map;
import nl.hgkm.keten.api.Problemen;
import nl.hgkm.keten.identiteit.Gebruiker;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The administrator's three steps of moving running cases to the new models of a release (camunda-admin only;
 * docs/modellen-wijzigen.md):
 * <ul>
 *   <li>{@code GET /api/migraties}: the releases that have plans;</li>
 *   <li>{@code GET /api/migraties/{release}}: the dry run, changes nothing;</li>
 *   <li>{@code POST /api/migraties/{release}/uitvoering}: starts the batches (202); safe to repeat;</li>
 *   <li>{@code GET /api/migraties/{release}/uitvoering}: progress and failures per batch.</li>
 * </ul>
 */
@RestController
@RequestMapping("/api/migraties")
class MigratieController {

  private final Migratiedienst dienst;

  MigratieController(Migratiedienst dienst) {
    this.dienst = dienst;
  }

  @GetMapping
  Map<String, List<String>> releases() {
    return Map.of("releases", dienst.releases());
  }

  @GetMapping("/{release}")
  Migratierapport rapport(@PathVariable String release) {
    return dienst.rapport(release);
  }

  @PostMapping("/{release}/uitvoering")
  @ResponseStatus(HttpStatus.ACCEPTED)
  Migratiedienst.Uitvoering voerUit(@PathVariable String release, Authentication authenticatie) {
    Gebruiker gebruiker = Gebruiker.van(authenticatie);
    return dienst.voerUit(release, gebruiker.id(), gebruiker.groepen());
  }

  @GetMapping("/{release}/uitvoering")
  Migratiedienst.Voortgang voortgang(@PathVariable String release) {
    return dienst.voortgang(release);
  }

  @ExceptionHandler(Migratiedienst.OnbekendeReleaseException.class)
  ResponseEntity<ProblemDetail> onbekend(Migratiedienst.OnbekendeReleaseException fout) {
    return Problemen.probleem(HttpStatus.NOT_FOUND, "Onbekende release", fout.getMessage());
  }

  @ExceptionHandler(Migratieplannen.OngeldigePlanException.class)
  ResponseEntity<ProblemDetail> ongeldig(Migratieplannen.OngeldigePlanException fout) {
    return Problemen.probleem(HttpStatus.UNPROCESSABLE_ENTITY, "Migratieplan onbruikbaar", fout.getMessage());
  }
}
