package nl.hgkm.keten.engine;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The evaluations of one decision key in a period, for the what-if replay, in pages that stay the same size however
 * long the history: keyset paging on ({@code EVAL_TIME_}, {@code ID_}) of {@code ACT_HI_DECINST}, since the engine's
 * query API pages only by offset, and on evaluation time alone, which does not order evaluations of the same
 * millisecond. The ids of a page are then read with their inputs and outputs through the engine's query API
 * ({@code decisionInstanceIdIn(...).includeInputs().includeOutputs()}). Plain SQL on one engine history table (the
 * Operaton fork keeps its name and columns).
 */
@Component
public class BeslissingEvaluaties {

  /** Where a page ended: the next page starts after this evaluation. */
  public record Positie(Instant tijdstip, String id) {}

  /** One evaluation of a page: its id and time. */
  public record Evaluatie(String id, Instant tijdstip) {}

  private final JdbcClient jdbc;

  BeslissingEvaluaties(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** How many evaluations of {@code sleutel} fall in [van, tot). */
  public long aantal(String sleutel, Instant van, Instant tot) {
    return jdbc.sql("""
            select count(*) from ACT_HI_DECINST
            where DEC_DEF_KEY_ = :sleutel and EVAL_TIME_ >= :van and EVAL_TIME_ < :tot""")
        .param("sleutel", sleutel)
        .param("van", Timestamp.from(van))
        .param("tot", Timestamp.from(tot))
        .query(Long.class).single();
  }

  /** The next at most {@code grootte} evaluations after {@code na} (null: from the start), oldest first. */
  public List<Evaluatie> pagina(String sleutel, Instant van, Instant tot, Positie na, int grootte) {
    String verder = na == null ? "" : " and (EVAL_TIME_ > :naTijd or (EVAL_TIME_ = :naTijd and ID_ > :naId))";
    var opdracht = jdbc.sql("""
            select ID_, EVAL_TIME_ from ACT_HI_DECINST
            where DEC_DEF_KEY_ = :sleutel and EVAL_TIME_ >= :van and EVAL_TIME_ < :tot%s
            order by EVAL_TIME_, ID_ fetch first %d rows only""".formatted(verder, grootte))
        .param("sleutel", sleutel)
        .param("van", Timestamp.from(van))
        .param("tot", Timestamp.from(tot));
    if (na != null) {
      opdracht = opdracht.param("naTijd", Timestamp.from(na.tijdstip())).param("naId", na.id());
    }
    return opdracht.query((rs, n) -> new Evaluatie(rs.getString("ID_"), rs.getTimestamp("EVAL_TIME_").toInstant()))
        .list();
  }
}
