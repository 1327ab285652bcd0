package nl.hgkm.keten.melding;

import java.util.List;
import java.util.Set;

/**
 * What the radar found for a new melding and how radar-classificatie classified it.
 *
 * @param lopendeZaak         the running case of the same regio the melding joins; null when none
 * @param bekendeZakenInRegio every case of the same regio with one of the persons, newest first
 * @param andereRegios        the other regions that know one of the persons (their files stay theirs: no numbers)
 */
public record RadarUitkomst(
    LopendeBetrokkenheidFase fase,
    boolean eerderBekendBijVT,
    String categorie,
    boolean bundelMetLopendDossier,
    boolean radarSignaal,
    LopendeZaak lopendeZaak,
    List<String> bekendeZakenInRegio,
    Set<String> andereRegios) {

  /** A running case and the process instance a vervolgmelding is correlated into. */
  public record LopendeZaak(String zaaknummer, String processInstanceId, LopendeBetrokkenheidFase fase) {}

  /** One line for the audit trail; never names a person. */
  public String samenvatting() {
    StringBuilder tekst = new StringBuilder("Radar: ").append(categorie)
        .append(" (lopende betrokkenheid ").append(fase)
        .append(", eerder bekend bij Veilig Thuis: ").append(eerderBekendBijVT ? "ja" : "nee")
        .append(", radarsignaal: ").append(radarSignaal ? "ja" : "nee").append(")");
    if (lopendeZaak != null) {
      tekst.append("; gebundeld met lopende zaak ").append(lopendeZaak.zaaknummer());
    }
    if (!bekendeZakenInRegio.isEmpty()) {
      tekst.append("; bekende zaken in de regio: ").append(String.join(", ", bekendeZakenInRegio));
    }
    if (!andereRegios.isEmpty()) {
      tekst.append("; eerder bekend in regio ").append(String.join(", ", andereRegios));
    }
    return tekst.toString();
  }
}
