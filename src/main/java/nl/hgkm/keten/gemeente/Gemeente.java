package nl.hgkm.keten.gemeente;

import java.time.LocalDate;

/**
 * A municipality as the reference data hold it for a period (docs/referentiedata.md).
 *
 * @param code           CBS gemeentecode ({@code GM0518})
 * @param naam           the name as CBS writes it ({@code 's-Gravenhage})
 * @param slug           what clients send ({@code s-gravenhage})
 * @param regio          the Veilig Thuis region (slug, also the Camunda tenant id)
 * @param politieEenheid the regional police unit (slug)
 * @param burgemeester   the mayor's office, as letters name it
 * @param geldigVanaf    the first day the row holds
 * @param geldigTot      the first day it no longer holds; null while it holds
 * @param opgegaanIn     after a merger: the code of the municipality it became part of
 */
public record Gemeente(String code, String naam, String slug, String regio, String politieEenheid,
    String burgemeester, LocalDate geldigVanaf, LocalDate geldigTot, String opgegaanIn) {

  public boolean geldigOp(LocalDate dag) {
    return !dag.isBefore(geldigVanaf) && (geldigTot == null || dag.isBefore(geldigTot));
  }
}
