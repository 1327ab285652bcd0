package nl.hgkm.keten.engine;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The two history reads of the auditor's replay that the engine's query API cannot do without a query per task or
 * per case: the candidate groups of all tasks of a case at once ({@code ACT_HI_IDENTITYLINK} has no process instance
 * filter in the API, only a task id), and the search for cases whose tasks missed their due date (a comparison of two
 * columns of {@code ACT_HI_TASKINST}). Plain SQL on the engine's history tables, on indexed columns; the one class
 * outside the query API that knows these tables' names (the Operaton fork keeps them).
 */
@Component
public class AuditHistorie {

  /** One change of a task's people: a candidate group or user added or removed, an assignee or owner set. */
  public record Koppeling(String taakId, String soort, String groep, String gebruiker, String handeling,
      Instant tijdstip, String door) {}

  /** The filters of the case search; null means "any". */
  public record Zoekvraag(String zaaknummerBegin, String regio, Instant van, Instant tot, String proces,
      boolean termijnGemist, List<String> regios, int maximum) {}

  /** One case found. */
  public record Gevonden(String zaaknummer, String zaaktype, String regio, Instant aangemaaktOp) {}

  private final JdbcClient jdbc;

  AuditHistorie(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Every identity link change of the tasks in these root process instances (index on ROOT_PROC_INST_ID_). */
  public List<Koppeling> taakKoppelingen(List<String> rootProcessInstanceIds) {
    if (rootProcessInstanceIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("""
            select TASK_ID_, TYPE_, GROUP_ID_, USER_ID_, OPERATION_TYPE_, TIMESTAMP_, ASSIGNER_ID_
            from ACT_HI_IDENTITYLINK where ROOT_PROC_INST_ID_ in (:wortels) and TASK_ID_ is not null
            order by TIMESTAMP_""")
        .param("wortels", rootProcessInstanceIds)
        .query((rs, n) -> new Koppeling(rs.getString("TASK_ID_"), rs.getString("TYPE_"), rs.getString("GROUP_ID_"),
            rs.getString("USER_ID_"), rs.getString("OPERATION_TYPE_"),
            rs.getTimestamp("TIMESTAMP_") == null ? null : rs.getTimestamp("TIMESTAMP_").toInstant(),
            rs.getString("ASSIGNER_ID_")))
        .list();
  }

  /**
   * Cases (table zaak) by the search filters, newest first. "Term missed": a user task of one of the case's process
   * instances was completed after its due date, or is still open past it; the statutory terms are those due dates
   * (veiligheidsbeoordeling, onderzoek, the huisverbod's first contact and safety plan).
   */
  public List<Gevonden> zoekZaken(Zoekvraag vraag, Instant nu) {
    StringBuilder sql = new StringBuilder("select z.zaaknummer, z.zaaktype, z.regio, z.aangemaakt_op from zaak z where 1 = 1");
    List<Object> waarden = new ArrayList<>();
    if (vraag.zaaknummerBegin() != null) {
      sql.append(" and z.zaaknummer like ?");
      waarden.add(vraag.zaaknummerBegin().replace("%", "").replace("_", "") + "%");
    }
    if (vraag.regio() != null) {
      sql.append(" and z.regio = ?");
      waarden.add(vraag.regio());
    }
    if (vraag.regios() != null) {
      if (vraag.regios().isEmpty()) {
        return List.of();
      }
      sql.append(" and z.regio in (").append(String.join(", ", vraag.regios().stream().map(r -> "?").toList()))
          .append(")");
      waarden.addAll(vraag.regios());
    }
    if (vraag.van() != null) {
      sql.append(" and z.aangemaakt_op >= ?");
      waarden.add(OffsetDateTime.ofInstant(vraag.van(), ZoneOffset.UTC));
    }
    if (vraag.tot() != null) {
      sql.append(" and z.aangemaakt_op < ?");
      waarden.add(OffsetDateTime.ofInstant(vraag.tot(), ZoneOffset.UTC));
    }
    if (vraag.proces() != null) {
      sql.append(" and exists (select 1 from ACT_HI_PROCINST p where p.BUSINESS_KEY_ = z.zaaknummer"
          + " and p.PROC_DEF_KEY_ = ?)");
      waarden.add(vraag.proces());
    }
    if (vraag.termijnGemist()) {
      sql.append(" and exists (select 1 from ACT_HI_PROCINST p join ACT_HI_TASKINST t on t.PROC_INST_ID_ = p.ID_"
          + " where p.BUSINESS_KEY_ = z.zaaknummer and t.DUE_DATE_ is not null"
          + " and (t.END_TIME_ > t.DUE_DATE_ or (t.END_TIME_ is null and t.DUE_DATE_ < ?)))");
      waarden.add(java.sql.Timestamp.from(nu));
    }
    sql.append(" order by z.aangemaakt_op desc, z.zaaknummer desc fetch first ").append(Math.max(1, vraag.maximum()))
        .append(" rows only");
    var opdracht = jdbc.sql(sql.toString());
    for (Object waarde : waarden) {
      opdracht = opdracht.param(waarde);
    }
    return opdracht.query((rs, n) -> new Gevonden(rs.getString("zaaknummer"), rs.getString("zaaktype"),
            rs.getString("regio"), rs.getObject("aangemaakt_op", OffsetDateTime.class).toInstant()))
        .list();
  }
}
