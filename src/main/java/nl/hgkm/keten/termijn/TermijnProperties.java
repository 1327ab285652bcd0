package nl.hgkm.keten.termijn;

import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Terms of the chain that are parameters (domain README: marked "param", or fixed by law but kept in one place).
 *
 * @param veiligheidsbeoordelingWerkdagen working days for the veiligheidsbeoordeling (Uitvoeringsbesluit Wmo 2015: 5)
 * @param directeVeiligheid               due time of the immediate-safety task for acute unsafety (default 2 hours)
 * @param onderzoek                       term of a Veilig Thuis investigation after the assessment (10 weeks)
 * @param vervolgmeldingWegen             due time for weighing a repeat report in a running case
 * @param overdracht                      due time for the receiving team to confirm a hand-over
 * @param escalatie                       due time of a team leader's task when a statutory term has passed
 */
@ConfigurationProperties("keten.termijnen")
public record TermijnProperties(
    Integer veiligheidsbeoordelingWerkdagen,
    Duration directeVeiligheid,
    Period onderzoek,
    Duration vervolgmeldingWegen,
    Period overdracht,
    Duration escalatie) {

  public TermijnProperties {
    veiligheidsbeoordelingWerkdagen = veiligheidsbeoordelingWerkdagen == null ? 5 : veiligheidsbeoordelingWerkdagen;
    directeVeiligheid = directeVeiligheid == null ? Duration.ofHours(2) : directeVeiligheid;
    onderzoek = onderzoek == null ? Period.ofWeeks(10) : onderzoek;
    vervolgmeldingWegen = vervolgmeldingWegen == null ? Duration.ofHours(24) : vervolgmeldingWegen;
    overdracht = overdracht == null ? Period.ofDays(5) : overdracht;
    escalatie = escalatie == null ? Duration.ofHours(24) : escalatie;
  }
}
