package nl.hgkm.keten.meldcode;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A weighing as its owner sees it ({@code GET /api/meldcode/afweging/{afwegingId}}): the current answer to each
 * question with its reasoning, and every earlier answer. Times in Europe/Amsterdam.
 */
public record AfwegingWeergave(
    String afwegingId,
    String eigenaar,
    OffsetDateTime aangemaaktOp,
    OffsetDateTime bijgewerktOp,
    AfwegingUitkomst stand,
    List<Vraag> antwoorden,
    List<Stap> geschiedenis,
    String zaaknummer,
    OffsetDateTime gemeldOp) {

  /** A question with its current answer (null: not answered) and the reasoning that goes with it. */
  public record Vraag(int nummer, String naam, String vraag, @JsonInclude(JsonInclude.Include.ALWAYS) Boolean antwoord,
      String toelichting, OffsetDateTime gegevenOp, String gegevenDoor) {}

  /** One recorded step, oldest first. */
  public record Stap(int nummer, String naam, GegevenAntwoord.Soort soort,
      @JsonInclude(JsonInclude.Include.ALWAYS) Boolean antwoord, String toelichting, OffsetDateTime gegevenOp,
      String gegevenDoor) {}
}
