package nl.hgkm.keten.huisverbod;

import java.util.List;
import nl.hgkm.keten.api.VeldFout;

/** A request refused by validation, with every field error at once; nothing has been stored or started. */
class OngeldigVerzoekException extends RuntimeException {

  private final String onderwerp;
  private final List<VeldFout> fouten;

  /** @param onderwerp what was refused, in Dutch, for the problem's detail ("Het voorstel") */
  OngeldigVerzoekException(String onderwerp, List<VeldFout> fouten) {
    super(onderwerp + " geweigerd: " + fouten.size() + " fout(en)");
    this.onderwerp = onderwerp;
    this.fouten = List.copyOf(fouten);
  }

  String onderwerp() {
    return onderwerp;
  }

  List<VeldFout> fouten() {
    return fouten;
  }
}
