package nl.hgkm.keten.privacy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nl.hgkm.keten.api.VeldFout;
import nl.hgkm.keten.zaak.Bsn;

/**
 * Who a data-subject request is about, as the request names them: a BSN, a person key, or a name with a birth date
 * (for files kept without BSN), or several of these. Never in a URL: a BSN in a path would land in access logs and in
 * the read log.
 */
public record Betrokkene(String bsn, String persoonssleutel, String naam, LocalDate geboortedatum) {

  /** Every field error at once; empty when the person is named well enough. */
  public List<VeldFout> fouten() {
    List<VeldFout> fouten = new ArrayList<>();
    boolean bsnGegeven = bsn != null && !bsn.isBlank();
    boolean sleutelGegeven = persoonssleutel != null && !persoonssleutel.isBlank();
    boolean naamGegeven = naam != null && !naam.isBlank();
    if (bsnGegeven && !Bsn.isGeldig(bsn.strip())) {
      fouten.add(new VeldFout("bsn", Bsn.heeftNegenCijfers(bsn.strip())
          ? "is geen geldig burgerservicenummer (voldoet niet aan de elfproef)" : "moet uit precies 9 cijfers bestaan"));
    }
    if (sleutelGegeven && !Persoonssleutels.isSleutel(persoonssleutel.strip())) {
      fouten.add(new VeldFout("persoonssleutel", "is geen persoonssleutel (ps- en 64 hexadecimale tekens)"));
    }
    if (naamGegeven != (geboortedatum != null)) {
      fouten.add(new VeldFout(naamGegeven ? "geboortedatum" : "naam",
          "is verplicht naast " + (naamGegeven ? "naam" : "geboortedatum") + ": zonder BSN vindt alleen naam met "
              + "geboortedatum een persoon"));
    }
    if (!bsnGegeven && !sleutelGegeven && !naamGegeven && geboortedatum == null) {
      fouten.add(new VeldFout("bsn", "geef een bsn, een persoonssleutel of naam met geboortedatum"));
    }
    return fouten;
  }

  /** The keys under which the case file may hold this person. */
  Set<String> sleutels(Persoonssleutels persoonssleutels) {
    Set<String> sleutels = new LinkedHashSet<>();
    if (bsn != null && !bsn.isBlank()) {
      sleutels.add(persoonssleutels.vanBsn(bsn.strip()));
    }
    if (persoonssleutel != null && !persoonssleutel.isBlank()) {
      sleutels.add(persoonssleutel.strip());
    }
    if (naam != null && !naam.isBlank() && geboortedatum != null) {
      persoonssleutels.van(null, naam, geboortedatum).ifPresent(sleutels::add);
    }
    return sleutels;
  }

  /** Never the BSN or the name in a log line. */
  @Override
  public String toString() {
    return "Betrokkene[***]";
  }
}
