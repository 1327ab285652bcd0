package nl.hgkm.keten.meldcode;

import java.util.List;
import nl.hgkm.keten.api.VeldFout;

/** A step of a weighing refused with every field error at once (400); nothing of it is stored. */
public class OngeldigeAfwegingException extends RuntimeException {

  private final List<VeldFout> fouten;

  public OngeldigeAfwegingException(List<VeldFout> fouten) {
    super("Ongeldige afweging: " + fouten.size() + " fout(en)");
    this.fouten = List.copyOf(fouten);
  }

  public List<VeldFout> fouten() {
    return fouten;
  }
}
