package nl.hgkm.keten.migratie;

/**
 * A place in a model where a running case can rest between two transactions: there it can be found by a migration.
 *
 * @param activiteit the activity id as the engine's activity instance tree names it ({@code X#multiInstanceBody} for
 *     the body of a multi-instance activity)
 * @param soort what kind of wait, in words a process owner knows
 * @param naam the label in the diagram
 */
public record Wachttoestand(String activiteit, String soort, String naam) {

  @Override
  public String toString() {
    return "'" + activiteit + "' (" + soort + (naam == null || naam.isBlank() ? "" : ", \"" + naam + "\"") + ")";
  }
}
