package nl.hgkm.keten.migratie;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.hgkm.keten.migratie.MigratieplanBouwer.Instructieregel;

/**
 * What a release's migration would do, found by trying it on every running case and rolling that back (a dry run):
 * per process and per version that still has running cases, the plan as the engine builds it, what the plan file
 * does not cover, which cases would move and which stay, and why.
 *
 * @param uitvoerbaar no plan has an error or a gap; cases that stay (listed) do not block
 * @param zonderPlan processes with running cases on an older version and no plan file in this release: they stay
 */
public record Migratierapport(String release, Instant opgesteldOp, List<Procesrapport> processen,
    List<String> zonderPlan, boolean uitvoerbaar) {

  public record Procesrapport(String proces, String planbestand, String toelichting, String doelversie,
      List<Overgang> overgangen) {}

  /** From one deployed version (and tenant) to the newest one. */
  public record Overgang(Versie bron, Versie doel, String tenant, List<Instructieregel> instructies,
      Map<String, Object> variabelen, List<String> fouten, List<String> gaten, List<Zaakinstantie> teMigreren,
      List<Blijver> blijven) {
    public boolean uitvoerbaar() {
      return fouten.isEmpty() && gaten.isEmpty();
    }
  }

  public record Versie(String id, int versie, String versieTag, String deployment) {}

  public record Zaakinstantie(String instantie, String zaak, List<String> wachtIn) {}

  /** A case that stays on its version: where it waits and why it cannot move. */
  public record Blijver(String instantie, String zaak, List<String> wachtIn, String waarom) {}
}
