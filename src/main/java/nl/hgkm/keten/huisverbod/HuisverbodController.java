package nl.hgkm.keten.huisverbod;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import nl.hgkm.keten.identiteit.Gebruiker;
import nl.hgkm.keten.kalender.Werkdagenkalender;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The domain API of the tijdelijk huisverbod. Who may call what is in BeveiligingConfiguratie:
 * <ul>
 *   <li>{@code POST /api/huisverboden} (contract §5; hulpofficier, politie): the police proposal. 201 with
 *       {zaaknummer, processInstanceId, advies}; 200 with the first answer when its externeReferentie was seen
 *       before; 400 with every field error at once (nothing stored, nothing started).</li>
 *   <li>{@code PUT /api/huisverboden/{zaaknummer}/bereikbaarheid} (politie, hulpofficier): Wth art. 2(6).</li>
 *   <li>{@code GET /api/huisverboden/{zaaknummer}} and {@code .../documenten/{id}} (politie, hulpofficier,
 *       burgemeester, auditor, Veilig Thuis): the case file and one document's text.</li>
 * </ul>
 */
@RestController
@RequestMapping("/api/huisverboden")
class HuisverbodController {

  private static final MediaType TEKST = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);

  private final HuisverbodValidatie validatie;
  private final HuisverbodIntake intake;
  private final HuisverbodBereikbaarheid bereikbaarheid;
  private final HuisverbodInzage inzage;
  private final Werkdagenkalender kalender;

  HuisverbodController(HuisverbodValidatie validatie, HuisverbodIntake intake,
      HuisverbodBereikbaarheid bereikbaarheid, HuisverbodInzage inzage, Werkdagenkalender kalender) {
    this.validatie = validatie;
    this.intake = intake;
    this.bereikbaarheid = bereikbaarheid;
    this.inzage = inzage;
    this.kalender = kalender;
  }

  @PostMapping
  ResponseEntity<HuisverbodAntwoord> stelVoor(@RequestBody(required = false) JsonNode body,
      Authentication authenticatie) {
    HuisverbodVoorstel voorstel = validatie.valideerVoorstel(body);
    HuisverbodIntake.Resultaat resultaat = intake.verwerk(voorstel, Gebruiker.van(authenticatie).id());
    HuisverbodAntwoord antwoord = resultaat.antwoord();
    if (!resultaat.nieuw()) {
      return ResponseEntity.ok(antwoord);
    }
    return ResponseEntity.status(HttpStatus.CREATED)
        .location(URI.create("/api/huisverboden/" + antwoord.zaaknummer()))
        .body(antwoord);
  }

  /**
   * @param berichtAfgeleverd whether a running huisverbod instance was waiting for message
   *                          {@code BereikbaarheidVastgelegd} and received it
   */
  record BereikbaarheidAntwoord(String zaaknummer, String adres, OffsetDateTime vastgelegdOp,
      boolean berichtAfgeleverd) {}

  @PutMapping("/{zaaknummer}/bereikbaarheid")
  BereikbaarheidAntwoord legBereikbaarheidVast(@PathVariable String zaaknummer,
      @RequestBody(required = false) JsonNode body, Authentication authenticatie) {
    HuisverbodValidatie.BereikbaarheidVerzoek verzoek = validatie.valideerBereikbaarheid(body);
    HuisverbodBereikbaarheid.Vastgelegd vastgelegd =
        bereikbaarheid.leg(zaaknummer, verzoek, Gebruiker.van(authenticatie).id());
    return new BereikbaarheidAntwoord(vastgelegd.zaaknummer(), vastgelegd.adres(),
        kalender.lokaal(vastgelegd.vastgelegdOp()).toOffsetDateTime(), !vastgelegd.procesInstanties().isEmpty());
  }

  @GetMapping("/{zaaknummer}")
  HuisverbodDossier dossier(@PathVariable String zaaknummer, Authentication authenticatie) {
    return inzage.dossier(zaaknummer, Gebruiker.van(authenticatie).id());
  }

  @GetMapping("/{zaaknummer}/documenten/{documentId}")
  ResponseEntity<String> document(@PathVariable String zaaknummer, @PathVariable String documentId,
      Authentication authenticatie) {
    long id;
    try {
      id = Long.parseLong(documentId);
    } catch (NumberFormatException geenNummer) {
      throw new OnbekendeZaakException("Huisverbod " + zaaknummer + " heeft geen document " + documentId + ".");
    }
    String tekst = inzage.documentTekst(zaaknummer, id, Gebruiker.van(authenticatie).id());
    return ResponseEntity.ok().contentType(TEKST).body(tekst);
  }
}
