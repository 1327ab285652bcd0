package nl.hgkm.keten.melding;

import java.util.List;
import nl.hgkm.keten.api.VeldFout;

/** A melding refused by validation, with every field error at once. */
public class OngeldigeMeldingException extends RuntimeException {

  private final List<VeldFout> fouten;

  public OngeldigeMeldingException(List<VeldFout> fouten) {
    super("Ongeldige melding: " + fouten.size() + " fout(en)");
    this.fouten = List.copyOf(fouten);
  }

  public List<VeldFout> fouten() {
    return fouten;
  }
}
