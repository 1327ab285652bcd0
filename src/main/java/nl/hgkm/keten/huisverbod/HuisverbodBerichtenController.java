package nl.hgkm.keten.huisverbod;

import com.fasterxml.jackson.databind.JsonNode;
import nl.hgkm.keten.identiteit.Gebruiker;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.security.core.Authentication;

/**
 * Events during a running huisverbod (contract §3 messages), for clients that should not hold engine rights:
 * <ul>
 *   <li>{@code POST /api/huisverboden/{z}/overtredingen} (politie, hulpofficier): {overtredingOp, omschrijving}</li>
 *   <li>{@code POST .../voorlopige-voorziening} (burgemeester): {ingediendOp?}</li>
 *   <li>{@code POST .../uitspraak} (burgemeester): {uitspraak: TOEGEWEZEN | AFGEWEZEN}</li>
 *   <li>{@code POST .../hulpaanbod-aanvaard} (wijkteam, burgemeester): {bevestigdDoor}</li>
 * </ul>
 * 202 with {zaaknummer, bericht, processInstanceId}; 400 with every field error; 404 unknown zaak; 409 when the
 * order is not in force. The same messages can be correlated through {@code POST /engine-rest/message} by users with
 * engine rights on the instance.
 */
@RestController
@RequestMapping("/api/huisverboden/{zaaknummer}")
class HuisverbodBerichtenController {

  private final HuisverbodBerichten berichten;

  HuisverbodBerichtenController(HuisverbodBerichten berichten) {
    this.berichten = berichten;
  }

  @PostMapping("/overtredingen")
  @ResponseStatus(HttpStatus.ACCEPTED)
  HuisverbodBerichten.Afgeleverd overtreding(@PathVariable String zaaknummer,
      @RequestBody(required = false) JsonNode body, Authentication authenticatie) {
    return berichten.overtreding(zaaknummer, tekst(body, "overtredingOp"), tekst(body, "omschrijving"),
        Gebruiker.van(authenticatie).id());
  }

  @PostMapping("/voorlopige-voorziening")
  @ResponseStatus(HttpStatus.ACCEPTED)
  HuisverbodBerichten.Afgeleverd voorlopigeVoorziening(@PathVariable String zaaknummer,
      @RequestBody(required = false) JsonNode body, Authentication authenticatie) {
    return berichten.verzoekVoorlopigeVoorziening(zaaknummer, tekst(body, "ingediendOp"),
        Gebruiker.van(authenticatie).id());
  }

  @PostMapping("/uitspraak")
  @ResponseStatus(HttpStatus.ACCEPTED)
  HuisverbodBerichten.Afgeleverd uitspraak(@PathVariable String zaaknummer,
      @RequestBody(required = false) JsonNode body, Authentication authenticatie) {
    return berichten.uitspraak(zaaknummer, tekst(body, "uitspraak"), Gebruiker.van(authenticatie).id());
  }

  @PostMapping("/hulpaanbod-aanvaard")
  @ResponseStatus(HttpStatus.ACCEPTED)
  HuisverbodBerichten.Afgeleverd hulpaanbodAanvaard(@PathVariable String zaaknummer,
      @RequestBody(required = false) JsonNode body, Authentication authenticatie) {
    return berichten.hulpaanbodAanvaard(zaaknummer, tekst(body, "bevestigdDoor"), Gebruiker.van(authenticatie).id());
  }

  private static String tekst(JsonNode body, String veld) {
    return body != null && body.hasNonNull(veld) && body.get(veld).isTextual() ? body.get(veld).asText() : null;
  }
}
