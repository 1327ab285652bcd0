package nl.hgkm.keten.melding;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import nl.hgkm.keten.identiteit.Gebruiker;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/meldingen} (contract §5), for groups vt-intake and politie (see BeveiligingConfiguratie).
 * 201 for a registered melding, 200 with the first answer when its externeReferentie was seen before, 400 with every
 * field error at once for a refused one (which stores nothing and starts nothing).
 */
@RestController
@RequestMapping("/api/meldingen")
class MeldingController {

  private final MeldingValidatie validatie;
  private final MeldingIntake intake;

  MeldingController(MeldingValidatie validatie, MeldingIntake intake) {
    this.validatie = validatie;
    this.intake = intake;
  }

  @PostMapping
  ResponseEntity<MeldingAntwoord> meld(@RequestBody JsonNode body, Authentication authenticatie) {
    MeldingVerzoek verzoek = validatie.valideer(body);
    MeldingIntake.Resultaat resultaat = intake.verwerk(verzoek, Gebruiker.van(authenticatie).id());
    MeldingAntwoord antwoord = resultaat.antwoord();
    if (!resultaat.nieuw()) {
      return ResponseEntity.ok(antwoord);
    }
    return ResponseEntity.status(HttpStatus.CREATED)
        .location(URI.create("/api/zaken/" + antwoord.zaaknummer()))
        .body(antwoord);
  }
}
