package nl.hgkm.keten.integratie.register;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.hgkm.keten.demo.DemoPoort;
import nl.hgkm.keten.integratie.DemoSimulator;
import nl.hgkm.keten.zaak.Namen;

/**
 * <b>DEMO ONLY. Not the Veilig Thuis-register.</b> A stand-in register on localhost (default port 8093) that speaks
 * the resources of {@link RegisterHttpAdapter}; see {@link DemoSimulator} for what every simulator checks. It keeps,
 * in memory, which region is involved with which person (by BSN, or by normalised name and birth date), answers a
 * lookup with the other regions involved (never the asking one), and takes registrations: a person registered by
 * one region is found by the next lookup of another.
 *
 * <p>Seeded so that the demo shows a match: BSN {@value #BEKEND_BSN} is currently known in Rotterdam Rijnmond, and
 * "{@value #BEKENDE_NAAM}" born {@value #BEKENDE_GEBOORTEDATUM} was known in Haaglanden (involvement ended).
 */
public class RegisterSimulator extends DemoSimulator {

  public static final String BEKEND_BSN = "123456782";
  public static final String BEKENDE_NAAM = "Sanne de Wit";
  public static final String BEKENDE_GEBOORTEDATUM = "1992-07-14";

  static final String RAADPLEGING = "RAADPLEGING";
  static final String BETROKKENHEID = "BETROKKENHEID";

  /** Per person key ("bsn:..." or "naam:...|yyyy-MM-dd"), per region code: the involvement. */
  private final Map<String, Map<String, Map<String, Object>>> betrokkenheden = new HashMap<>();

  public RegisterSimulator(int poort, String gebruiker, String wachtwoord) {
    super("Veilig Thuis-register (demo-simulator)", DemoPoort.REGISTER, poort, gebruiker, wachtwoord, List.of(
        Route.post(RAADPLEGING, "/api/v1/raadplegingen", "RPL", "regio", "persoon"),
        Route.post(BETROKKENHEID, "/api/v1/betrokkenheden", "BTK", "regio", "referentie", "persoon")));
    bekend("bsn:" + BEKEND_BSN, "rotterdam-rijnmond", "Veilig Thuis Rotterdam Rijnmond", true);
    bekend("naam:" + Namen.normaliseer(BEKENDE_NAAM) + "|" + BEKENDE_GEBOORTEDATUM, "haaglanden",
        "Veilig Thuis Haaglanden", false);
  }

  @Override
  protected Optional<String> controleer(String soort, JsonNode inhoud) {
    return sleutel(inhoud.path("persoon")).isPresent()
        ? Optional.empty()
        : Optional.of("persoon heeft een bsn, of een naam met een geboortedatum, nodig");
  }

  @Override
  protected Object verwerk(String soort, JsonNode inhoud, String id) {
    String sleutel = sleutel(inhoud.path("persoon")).orElseThrow();
    String regio = inhoud.path("regio").asText();
    Map<String, Object> antwoord = new LinkedHashMap<>();
    antwoord.put("id", id);
    if (RAADPLEGING.equals(soort)) {
      List<Map<String, Object>> anderen = new ArrayList<>();
      betrokkenheden.getOrDefault(sleutel, Map.of()).forEach((code, betrokkenheid) -> {
        if (!code.equals(regio)) {
          anderen.add(betrokkenheid);
        }
      });
      antwoord.put("betrokkenheden", anderen);
    } else {
      // One involvement per region and person, however often it is registered.
      bekend(sleutel, regio, "Veilig Thuis " + regio, true);
    }
    return antwoord;
  }

  private void bekend(String sleutel, String regio, String naam, boolean actueel) {
    Map<String, Object> betrokkenheid = new LinkedHashMap<>();
    betrokkenheid.put("regio", regio);
    betrokkenheid.put("naam", naam);
    betrokkenheid.put("actueel", actueel);
    betrokkenheden.computeIfAbsent(sleutel, k -> new LinkedHashMap<>()).put(regio, betrokkenheid);
  }

  private static Optional<String> sleutel(JsonNode persoon) {
    if (persoon.hasNonNull("bsn") && !persoon.path("bsn").asText().isBlank()) {
      return Optional.of("bsn:" + persoon.path("bsn").asText());
    }
    if (persoon.hasNonNull("naam") && persoon.hasNonNull("geboortedatum")) {
      return Optional.of("naam:" + Namen.normaliseer(persoon.path("naam").asText()) + "|"
          + persoon.path("geboortedatum").asText());
    }
    return Optional.empty();
  }
}
