package nl.hgkm.keten.engine;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The evaluations of one decision key in a period, for the what-if replay, in windows of time that each cost the same
 * however long the history: a range scan on the engine's index on {@code EVAL_TIME_} of {@code ACT_HI_DECINST}
 * ({@code ACT_IDX_HI_DEC_INST_TIME}), ordered by time and id. (Paging by offset, as the engine's query API does, or
 * by a limit on the key's index, would sort the key's whole history for every page.) The ids of a window are then read
 * with their inputs and outputs through the engine's query API
 * ({@code decisionInstanceIdIn(...).includeInputs().includeOutputs()}). Plain SQL on one engine history table (the
 * Operaton fork keeps its name, columns and index).
 */
@Component
public class BeslissingEvaluaties {

  /** One evaluation: its id and time. */
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

  /** Every evaluation of {@code sleutel} in [van, tot), oldest first (ties by id). */
  public List<Evaluatie> venster(String sleutel, Instant van, Instant tot) {
    return jdbc.sql("""
            select ID_, EVAL_TIME_ from ACT_HI_DECINST
            where EVAL_TIME_ >= :van and EVAL_TIME_ < :tot and DEC_DEF_KEY_ = :sleutel
            order by EVAL_TIME_, ID_""")
        .param("sleutel", sleutel)
        .param("van", Timestamp.from(van))
        .param("tot", Timestamp.from(tot))
        .query((rs, n) -> new Evaluatie(rs.getString("ID_"), rs.getTimestamp("EVAL_TIME_").toInstant()))
        .list();
  }
}
