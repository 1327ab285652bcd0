package nl.hgkm.keten.migratie;

import java.util.List;
import java.util.Map;

/**
 * One process's migration plan for one release, as the process owner reviews it:
 * {@code processes/migraties/<release>/<proces>.json}. Everything not named here is mapped by equal activity id
 * ({@code mapEqualActivities()}); the file holds only what a person decided.
 *
 * @param proces the process key
 * @param toelichting what changed in the model and why running cases may (or may not) move, in a sentence or two
 * @param instructies explicit mappings: an activity whose id changed, a wait state merged into another; they replace
 *     a mapping by equal id from the same activity
 * @param variabelen variables the new version expects and running cases lack, set on every migrated instance
 *     ({@code MigrationPlanBuilder.setVariables}); the same value for every case, so only for constants
 * @param blijftOpVersie wait states of the previous version whose cases do not migrate: they stay on the version
 *     they started on and finish there; each with the reason
 * @param nieuweWachttoestanden wait states only the new version has, with why no running case needs to be moved
 *     there (the owner thought about it)
 * @param luisteraarsOverslaan skip the models' own listeners of scopes the migration adds or removes (default
 *     {@code false}: a new scope's start listener runs, as it would for a new case)
 */
public record Migratieplan(
    String proces,
    String toelichting,
    List<Instructie> instructies,
    Map<String, Object> variabelen,
    List<Besluit> blijftOpVersie,
    List<Besluit> nieuweWachttoestanden,
    Boolean luisteraarsOverslaan) {

  public Migratieplan {
    instructies = instructies == null ? List.of() : List.copyOf(instructies);
    variabelen = variabelen == null ? Map.of() : Map.copyOf(variabelen);
    blijftOpVersie = blijftOpVersie == null ? List.of() : List.copyOf(blijftOpVersie);
    nieuweWachttoestanden = nieuweWachttoestanden == null ? List.of() : List.copyOf(nieuweWachttoestanden);
  }

  boolean listenersOverslaan() {
    return Boolean.TRUE.equals(luisteraarsOverslaan);
  }

  /**
   * An activity of the previous version ({@code van}) to an activity of the new one ({@code naar}).
   *
   * @param triggerBijwerken recompute the timer or subscription from the new model ({@code updateEventTrigger()});
   *     default {@code false}: a waiting timer keeps its due date, which is what a statutory term needs
   */
  public record Instructie(String van, String naar, Boolean triggerBijwerken, String waarom) {
    boolean eventTriggerBijwerken() {
      return Boolean.TRUE.equals(triggerBijwerken);
    }
  }

  /** A decision about one activity, with the reason a reviewer reads. */
  public record Besluit(String activiteit, String waarom) {}
}
