package nl.hgkm.keten.engine;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The seam to the engine's own tables for personal data (docs/privacy.md): replaces a value the engine should never
 * have held (a BSN, a name) by a pseudonym, in every column where the engine keeps variable values, decision inputs
 * and outputs, operation-log values and business keys, for running and for historic instances. Plain SQL on the
 * Camunda 7 schema (the same table and column names in Operaton), portable between H2 and PostgreSQL; used by the
 * migration of release 0.2 (Flyway 71) and by a destruction request. Exact values only: a name typed inside a free
 * text is not found here.
 */
public final class PersoonsgegevensInEngine {

  /** Table and column of every place a value can sit. */
  record Kolom(String tabel, String kolom) {}

  static final List<Kolom> WAARDEKOLOMMEN = List.of(
      new Kolom("ACT_RU_VARIABLE", "TEXT_"), new Kolom("ACT_RU_VARIABLE", "TEXT2_"),
      new Kolom("ACT_HI_VARINST", "TEXT_"), new Kolom("ACT_HI_VARINST", "TEXT2_"),
      new Kolom("ACT_HI_DETAIL", "TEXT_"), new Kolom("ACT_HI_DETAIL", "TEXT2_"),
      new Kolom("ACT_HI_DEC_IN", "TEXT_"), new Kolom("ACT_HI_DEC_IN", "TEXT2_"),
      new Kolom("ACT_HI_DEC_OUT", "TEXT_"), new Kolom("ACT_HI_DEC_OUT", "TEXT2_"),
      new Kolom("ACT_HI_OP_LOG", "ORG_VALUE_"), new Kolom("ACT_HI_OP_LOG", "NEW_VALUE_"),
      new Kolom("ACT_RU_EXECUTION", "BUSINESS_KEY_"), new Kolom("ACT_HI_PROCINST", "BUSINESS_KEY_"),
      new Kolom("ACT_RU_TASK", "NAME_"), new Kolom("ACT_HI_TASKINST", "NAME_"));

  private final JdbcTemplate jdbc;

  public PersoonsgegevensInEngine(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Whether this database holds the engine's tables at all (a fresh installation may not have them yet). */
  public static boolean engineTabellenAanwezig(Connection verbinding) throws SQLException {
    DatabaseMetaData meta = verbinding.getMetaData();
    for (String naam : List.of("ACT_RU_VARIABLE", "act_ru_variable")) {
      try (ResultSet tabellen = meta.getTables(null, null, naam, new String[] {"TABLE"})) {
        if (tabellen.next()) {
          return true;
        }
      }
    }
    return false;
  }

  /** Replaces every value that equals {@code oud} by {@code nieuw}; answers how many cells changed. */
  public int vervang(String oud, String nieuw) {
    if (oud == null || oud.isBlank()) {
      return 0;
    }
    int aantal = 0;
    for (Kolom kolom : WAARDEKOLOMMEN) {
      aantal += jdbc.update("update " + kolom.tabel() + " set " + kolom.kolom() + " = ? where " + kolom.kolom()
          + " = ?", nieuw, oud);
    }
    return aantal;
  }

  /**
   * Replaces every variable value that equals {@code oud} by {@code nieuw}, in the process instances of one case (the
   * instances whose business key is the zaaknummer, running and historic): for a name, which as a bare word could also
   * be some other variable's value elsewhere. Answers how many cells changed.
   */
  public int vervangInZaak(String zaaknummer, String oud, String nieuw) {
    if (oud == null || oud.isBlank()) {
      return 0;
    }
    int aantal = 0;
    for (String tabel : List.of("ACT_RU_VARIABLE", "ACT_HI_VARINST", "ACT_HI_DETAIL")) {
      for (String kolom : List.of("TEXT_", "TEXT2_")) {
        aantal += jdbc.update("update " + tabel + " set " + kolom + " = ? where " + kolom + " = ? and PROC_INST_ID_ in "
            + "(select ID_ from ACT_HI_PROCINST where BUSINESS_KEY_ = ?)", nieuw, oud, zaaknummer);
      }
    }
    return aantal;
  }

  /**
   * Replaces {@code oud} inside the variable values of the given process instances (the comma-separated
   * {@code persoonssleutels}), running and historic; answers how many cells changed.
   */
  public int vervangIn(Collection<String> procesInstanties, String oud, String nieuw) {
    int aantal = 0;
    for (String instantie : procesInstanties) {
      for (String tabel : List.of("ACT_RU_VARIABLE", "ACT_HI_VARINST", "ACT_HI_DETAIL")) {
        aantal += jdbc.update("update " + tabel + " set TEXT_ = replace(TEXT_, ?, ?) where PROC_INST_ID_ = ? "
            + "and TEXT_ like ?", oud, nieuw, instantie, "%" + oud + "%");
      }
    }
    return aantal;
  }
}
