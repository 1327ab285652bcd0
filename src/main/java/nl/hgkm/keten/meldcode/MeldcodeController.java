package nl.hgkm.keten.meldcode;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import nl.hgkm.keten.identiteit.Gebruiker;
import nl.hgkm.keten.melding.MeldingAntwoord;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The meldcode weighing for professionals (group {@code professional}, see BeveiligingConfiguratie). A professional
 * sees and continues only their own weighings; any other id is 404.
 * <ul>
 *   <li>{@code POST /api/meldcode/afweging} (contract §5): a step of a weighing. 201 for a new weighing, 200 for a
 *       continued one, with {afwegingId, besluit, volgendeAfweging, ...}; 400 with every error at once.</li>
 *   <li>{@code GET /api/meldcode/afweging/{afwegingId}}: the weighing with every answer, its reasoning and history.</li>
 *   <li>{@code POST /api/meldcode/afweging/{afwegingId}/melding} (contract §5): files the melding a reporting weighing
 *       leads to, with the body of {@code POST /api/meldingen}; answers as that endpoint does (201, or 200 with the
 *       first answer when the weighing was filed before); 409 when the outcome is not to report.</li>
 * </ul>
 */
@RestController
@RequestMapping("/api/meldcode/afweging")
class MeldcodeController {

  private final AfwegingValidatie validatie;
  private final MeldcodeAfwegingen afwegingen;

  MeldcodeController(AfwegingValidatie validatie, MeldcodeAfwegingen afwegingen) {
    this.validatie = validatie;
    this.afwegingen = afwegingen;
  }

  @PostMapping
  ResponseEntity<AfwegingUitkomst> weeg(@RequestBody(required = false) JsonNode body, Authentication authenticatie) {
    AfwegingValidatie.Gelezen gelezen = validatie.lees(body);
    MeldcodeAfwegingen.Gewogen gewogen = afwegingen.weeg(Gebruiker.van(authenticatie).id(), gelezen.verzoek(),
        gelezen.fouten(), null);
    if (!gewogen.nieuw()) {
      return ResponseEntity.ok(gewogen.uitkomst());
    }
    return ResponseEntity.status(HttpStatus.CREATED)
        .location(URI.create("/api/meldcode/afweging/" + gewogen.uitkomst().afwegingId()))
        .body(gewogen.uitkomst());
  }

  @GetMapping("/{afwegingId}")
  AfwegingWeergave afweging(@PathVariable String afwegingId, Authentication authenticatie) {
    return afwegingen.inzien(Gebruiker.van(authenticatie).id(), afwegingId);
  }

  @PostMapping("/{afwegingId}/melding")
  ResponseEntity<MeldingAntwoord> meld(@PathVariable String afwegingId,
      @RequestBody(required = false) JsonNode body, Authentication authenticatie) {
    MeldcodeAfwegingen.Gemeld gemeld = afwegingen.meld(Gebruiker.van(authenticatie).id(), afwegingId, body);
    MeldingAntwoord antwoord = gemeld.antwoord();
    if (!gemeld.nieuw()) {
      return ResponseEntity.ok(antwoord);
    }
    return ResponseEntity.status(HttpStatus.CREATED)
        .location(URI.create("/api/zaken/" + antwoord.zaaknummer()))
        .body(antwoord);
  }
}
