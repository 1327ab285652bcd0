package nl.hgkm.keten.privacy;

import java.util.List;
import nl.hgkm.keten.api.Problemen;
import nl.hgkm.keten.api.VeldFout;
import nl.hgkm.keten.identiteit.Gebruiker;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The data-subject rights API (docs/privacy.md), for the privacy officer ({@code privacyfunctionaris}) and the Veilig
 * Thuis team leader:
 * <ul>
 *   <li>{@code POST /api/betrokkenen/inzage} with {@code {"bsn"} | {"persoonssleutel"} | {"naam", "geboortedatum"}}:
 *       the document of everything held about the person, JSON or (Accept: text/html) a printable page;</li>
 *   <li>{@code GET /api/betrokkenen/{persoonssleutel}/inzage}: the same by key (never a BSN in a URL);</li>
 *   <li>{@code POST /api/betrokkenen/vernietigingsverzoeken} with {@code {"betrokkene", "verzoeker",
 *       "toelichting"}}: recorded, decided per case, carried out where the law allows, answered with the reasons;</li>
 *   <li>{@code GET /api/betrokkenen/vernietigingsverzoeken/{id}}: a recorded request and its decisions.</li>
 * </ul>
 */
@RestController
@RequestMapping("/api/betrokkenen")
class BetrokkenenController {

  private final BetrokkeneRechten rechten;
  private final JdbcClient jdbc;

  BetrokkenenController(BetrokkeneRechten rechten, JdbcClient jdbc) {
    this.rechten = rechten;
    this.jdbc = jdbc;
  }

  record Vernietigingsverzoek(Betrokkene betrokkene, String verzoeker, String toelichting) {}

  @PostMapping(path = "/inzage", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> inzage(@RequestBody Betrokkene betrokkene, Authentication authenticatie) {
    List<VeldFout> fouten = betrokkene.fouten();
    if (!fouten.isEmpty()) {
      return geweigerd("Inzageverzoek", fouten);
    }
    return ResponseEntity.ok(rechten.inzage(betrokkene, Gebruiker.van(authenticatie)));
  }

  @PostMapping(path = "/inzage", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<?> inzageHtml(@RequestBody Betrokkene betrokkene, Authentication authenticatie) {
    List<VeldFout> fouten = betrokkene.fouten();
    if (!fouten.isEmpty()) {
      return geweigerd("Inzageverzoek", fouten);
    }
    return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
        .body(InzageHtml.van(rechten.inzage(betrokkene, Gebruiker.van(authenticatie))));
  }

  @GetMapping(path = "/{persoonssleutel}/inzage", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> inzageOpSleutel(@PathVariable String persoonssleutel, Authentication authenticatie) {
    if (!Persoonssleutels.isSleutel(persoonssleutel)) {
      return geweigerd("Inzageverzoek", List.of(new VeldFout("persoonssleutel", "is geen persoonssleutel (ps- en "
          + "64 hexadecimale tekens); een BSN hoort niet in een adres: gebruik POST /api/betrokkenen/inzage")));
    }
    return ResponseEntity.ok(rechten.inzage(new Betrokkene(null, persoonssleutel, null, null),
        Gebruiker.van(authenticatie)));
  }

  @PostMapping("/vernietigingsverzoeken")
  ResponseEntity<?> vernietigingsverzoek(@RequestBody Vernietigingsverzoek verzoek, Authentication authenticatie) {
    List<VeldFout> fouten = new java.util.ArrayList<>();
    if (verzoek.betrokkene() == null) {
      fouten.add(new VeldFout("betrokkene", "is verplicht: bsn, persoonssleutel of naam met geboortedatum"));
    } else {
      verzoek.betrokkene().fouten().forEach(f -> fouten.add(new VeldFout("betrokkene." + f.field(), f.message())));
    }
    if (verzoek.verzoeker() == null || verzoek.verzoeker().isBlank()) {
      fouten.add(new VeldFout("verzoeker", "is verplicht: wie vraagt het (de betrokkene zelf, een wettelijk "
          + "vertegenwoordiger) en hoe (brief, balie)"));
    } else if (verzoek.verzoeker().length() > 300) {
      fouten.add(new VeldFout("verzoeker", "is langer dan 300 tekens"));
    }
    if (verzoek.toelichting() != null && verzoek.toelichting().length() > 2000) {
      fouten.add(new VeldFout("toelichting", "is langer dan 2000 tekens"));
    }
    if (!fouten.isEmpty()) {
      return geweigerd("Vernietigingsverzoek", fouten);
    }
    return ResponseEntity.status(HttpStatus.CREATED).body(rechten.vernietigingsverzoek(verzoek.betrokkene(),
        verzoek.verzoeker(), verzoek.toelichting(), Gebruiker.van(authenticatie)));
  }

  record VastgelegdVerzoek(long verzoekId, String persoonssleutel, java.time.OffsetDateTime ontvangenOp,
      String vastgelegdDoor, String verzoeker, String toelichting, String uitkomst, String antwoord,
      List<BetrokkeneRechten.Besluit> besluiten) {}

  @GetMapping("/vernietigingsverzoeken/{id}")
  ResponseEntity<?> vastgelegd(@PathVariable long id, Authentication authenticatie) {
    java.util.Optional<List<BetrokkeneRechten.Besluit>> besluiten =
        rechten.besluitenVoor(id, Gebruiker.van(authenticatie));
    if (besluiten.isEmpty()) {
      return Problemen.probleem(HttpStatus.NOT_FOUND, "Onbekend vernietigingsverzoek",
          "Er is geen vernietigingsverzoek " + id + ".");
    }
    return jdbc.sql("""
            select id, persoonssleutel, ontvangen_op, vastgelegd_door, verzoeker, toelichting, uitkomst, antwoord
            from vernietigingsverzoek where id = :id""")
        .param("id", id)
        .query((rs, n) -> new VastgelegdVerzoek(rs.getLong(1), rs.getString(2),
            rs.getObject(3, java.time.OffsetDateTime.class), rs.getString(4), rs.getString(5), rs.getString(6),
            rs.getString(7), rs.getString(8), besluiten.get()))
        .optional()
        .<ResponseEntity<?>>map(ResponseEntity::ok)
        .orElseGet(() -> Problemen.probleem(HttpStatus.NOT_FOUND, "Onbekend vernietigingsverzoek",
            "Er is geen vernietigingsverzoek " + id + "."));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> onleesbaar(HttpMessageNotReadableException fout) {
    return Problemen.geweigerd("Verzoek niet leesbaar", Problemen.onleesbaar("Het verzoek", fout,
        java.util.Optional.of("Het verzoek heeft geen inhoud.")), List.of(new VeldFout("(body)",
        "geen geldige JSON of een ongeldige datum (geboortedatum als jjjj-mm-dd)")));
  }

  private static ResponseEntity<ProblemDetail> geweigerd(String wat, List<VeldFout> fouten) {
    return Problemen.geweigerd(wat + " geweigerd", wat + " geweigerd: " + Problemen.aantalFouten(fouten) + ".",
        fouten);
  }
}
