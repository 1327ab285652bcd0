package nl.hgkm.keten.melding;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The signals a melding may carry: exactly the inputs of decisions {@code acute-onveiligheid} and
 * {@code structurele-onveiligheid} (contract §4). Other names are refused at intake.
 */
public final class Signalen {

  public static final List<String> ACUTE_ONVEILIGHEID = List.of(
      "directLevensgevaar",
      "ernstigLetselOfPoging",
      "mensenhandel",
      "gevaarDoorMiddelenOfPsychischeCrisisVerzorger",
      "acuteDreigingDodenLetselVrijheidsberoving",
      "verminkingHandicapOfDood",
      "ontbrekenBasaleVerzorging");

  public static final List<String> STRUCTURELE_ONVEILIGHEID = List.of(
      "ouderProblematiekHerhaaldBedreigendVoorKind",
      "zorgafhankelijkeVolwasseneHerhaaldBedreigd",
      "kindStelselmatigGetuigeHG",
      "escalerendeLangdurigeStalking",
      "herhalendeOfVoortdurendeOnveiligeGebeurtenissen");

  public static final List<String> ALLE =
      Stream.concat(ACUTE_ONVEILIGHEID.stream(), STRUCTURELE_ONVEILIGHEID.stream()).toList();

  private Signalen() {}

  /** All twelve signals, {@code false} where not given, so that every decision input exists. */
  public static Map<String, Object> volledig(Map<String, Boolean> gegeven) {
    Map<String, Object> alle = new LinkedHashMap<>();
    ALLE.forEach(naam -> alle.put(naam, Boolean.TRUE.equals(gegeven.get(naam))));
    return alle;
  }
}
