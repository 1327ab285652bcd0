package nl.hgkm.keten.migratie;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The reviewed migration plans of a release: {@code processes/migraties/<release>/<proces>.json} in the repository,
 * on the classpath as {@code processes/migraties/...} (outside the deployment pattern {@code processes/*.bpmn}, so
 * the engine never deploys them). A file that cannot be read stops the migration with the file and the reason.
 */
@Component
public class Migratieplannen {

  static final String MAP = "processes/migraties/";
  private static final Pattern RELEASE = Pattern.compile("[0-9A-Za-z][0-9A-Za-z._-]{0,40}");

  private final PathMatchingResourcePatternResolver bronnen = new PathMatchingResourcePatternResolver();
  // Strict on purpose: a misspelt key ("blijftOpVersi") must not silently turn a decision into nothing.
  private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** The releases that have plans, oldest name first. */
  public List<String> releases() {
    List<String> namen = new ArrayList<>();
    for (Resource bestand : bestanden("*/*.json")) {
      try {
        String pad = bestand.getURL().getPath();
        String map = pad.substring(0, pad.lastIndexOf('/'));
        String release = map.substring(map.lastIndexOf('/') + 1);
        if (!namen.contains(release)) {
          namen.add(release);
        }
      } catch (IOException e) {
        throw new IllegalStateException("Kan " + bestand + " niet lezen", e);
      }
    }
    namen.sort(Comparator.naturalOrder());
    return namen;
  }

  public static boolean geldigeRelease(String release) {
    return release != null && RELEASE.matcher(release).matches();
  }

  /** Every plan of the release, by process key; none when the release has no folder. */
  public List<Migratieplan> van(String release) {
    if (!geldigeRelease(release)) {
      throw new OngeldigePlanException("'" + release + "' is geen geldige releasenaam (letters, cijfers, . _ -)");
    }
    List<Migratieplan> plannen = new ArrayList<>();
    for (Resource bestand : bestanden(release + "/*.json")) {
      String naam = bestand.getFilename();
      Migratieplan plan;
      try (InputStream in = bestand.getInputStream()) {
        plan = json.readValue(in, Migratieplan.class);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new OngeldigePlanException(MAP + release + "/" + naam + " is geen geldig migratieplan: "
            + e.getOriginalMessage() + (e.getLocation() == null ? ""
                : " (regel " + e.getLocation().getLineNr() + ", kolom " + e.getLocation().getColumnNr() + ")"));
      } catch (IOException e) {
        throw new IllegalStateException("Kan " + MAP + release + "/" + naam + " niet lezen", e);
      }
      String verwacht = naam.substring(0, naam.length() - ".json".length());
      if (!verwacht.equals(plan.proces())) {
        throw new OngeldigePlanException(MAP + release + "/" + naam + " noemt proces '" + plan.proces()
            + "'; de bestandsnaam moet de proces-key zijn: " + plan.proces() + ".json");
      }
      for (Migratieplan.Instructie instructie : plan.instructies()) {
        if (leeg(instructie.van()) || leeg(instructie.naar()) || leeg(instructie.waarom())) {
          throw new OngeldigePlanException(MAP + release + "/" + naam
              + ": elke instructie heeft 'van', 'naar' en 'waarom' (" + instructie + ")");
        }
      }
      for (Migratieplan.Besluit besluit : alleBesluiten(plan)) {
        if (leeg(besluit.activiteit()) || leeg(besluit.waarom())) {
          throw new OngeldigePlanException(MAP + release + "/" + naam
              + ": elk besluit in blijftOpVersie en nieuweWachttoestanden heeft 'activiteit' en 'waarom' ("
              + besluit + ")");
        }
      }
      plannen.add(plan);
    }
    plannen.sort(Comparator.comparing(Migratieplan::proces));
    return plannen;
  }

  private static List<Migratieplan.Besluit> alleBesluiten(Migratieplan plan) {
    List<Migratieplan.Besluit> alle = new ArrayList<>(plan.blijftOpVersie());
    alle.addAll(plan.nieuweWachttoestanden());
    return alle;
  }

  private List<Resource> bestanden(String patroon) {
    try {
      List<Resource> gevonden = new ArrayList<>(List.of(bronnen.getResources("classpath*:" + MAP + patroon)));
      gevonden.sort(Comparator.comparing(r -> String.valueOf(r.getFilename())));
      return gevonden;
    } catch (IOException e) {
      throw new IllegalStateException("Kan de migratieplannen niet lezen", e);
    }
  }

  private static boolean leeg(String tekst) {
    return tekst == null || tekst.isBlank();
  }

  /** A plan file that cannot be used as it is. */
  public static class OngeldigePlanException extends RuntimeException {
    public OngeldigePlanException(String bericht) {
      super(bericht);
    }
  }
}
