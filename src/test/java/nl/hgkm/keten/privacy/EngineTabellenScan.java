package nl.hgkm.keten.privacy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Reads every column of every engine table ({@code ACT_%}), text and binary (ACT_GE_BYTEARRAY's contents, serialized
 * variables), and answers where any of the given values occurs, case-insensitively, also inside a longer text. The
 * pseudonymisation tests' eyes: what this finds is a BSN or a name the engine holds.
 */
final class EngineTabellenScan {

  private EngineTabellenScan() {}

  /** Every hit as "TABLE.COLUMN bevat 'value'". */
  static List<String> vondsten(DataSource dataSource, Collection<String> waarden) throws SQLException {
    List<String> gezocht = waarden.stream().filter(w -> w != null && !w.isBlank())
        .map(w -> w.toLowerCase(Locale.ROOT)).distinct().toList();
    List<String> vondsten = new ArrayList<>();
    try (Connection verbinding = dataSource.getConnection()) {
      for (Map.Entry<String, List<Kolom>> tabel : kolommen(verbinding).entrySet()) {
        scan(verbinding, tabel.getKey(), tabel.getValue(), gezocht, vondsten);
      }
    }
    return vondsten;
  }

  /** How many engine tables and columns a scan reads: proof that it reads something. */
  static int aantalKolommen(DataSource dataSource) throws SQLException {
    try (Connection verbinding = dataSource.getConnection()) {
      return kolommen(verbinding).values().stream().mapToInt(List::size).sum();
    }
  }

  private record Kolom(String naam, boolean binair) {}

  private static Map<String, List<Kolom>> kolommen(Connection verbinding) throws SQLException {
    DatabaseMetaData meta = verbinding.getMetaData();
    Map<String, List<Kolom>> kolommen = new LinkedHashMap<>();
    String schema = verbinding.getSchema();
    for (String patroon : List.of("ACT_%", "act_%")) {
      try (ResultSet rijen = meta.getColumns(null, schema, patroon, "%")) {
        while (rijen.next()) {
          String tabel = rijen.getString("TABLE_NAME");
          if (!tabel.toUpperCase(Locale.ROOT).startsWith("ACT_")) {
            continue;
          }
          int type = rijen.getInt("DATA_TYPE");
          boolean tekst = switch (type) {
            case Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.CLOB, Types.NVARCHAR, Types.NCHAR,
                Types.LONGNVARCHAR, Types.NCLOB -> true;
            default -> false;
          };
          boolean binair = switch (type) {
            case Types.BLOB, Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY -> true;
            default -> false;
          };
          if (tekst || binair) {
            kolommen.computeIfAbsent(tabel, t -> new ArrayList<>())
                .add(new Kolom(rijen.getString("COLUMN_NAME"), binair));
          }
        }
      }
    }
    return kolommen;
  }

  private static void scan(Connection verbinding, String tabel, List<Kolom> kolommen, List<String> gezocht,
      List<String> vondsten) throws SQLException {
    String sql = "select " + String.join(", ", kolommen.stream().map(Kolom::naam).toList()) + " from " + tabel;
    try (ResultSet rijen = verbinding.createStatement().executeQuery(sql)) {
      while (rijen.next()) {
        for (int i = 0; i < kolommen.size(); i++) {
          Kolom kolom = kolommen.get(i);
          String waarde;
          if (kolom.binair()) {
            byte[] bytes = rijen.getBytes(i + 1);
            waarde = bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
          } else {
            waarde = rijen.getString(i + 1);
          }
          if (waarde == null) {
            continue;
          }
          String klein = waarde.toLowerCase(Locale.ROOT);
          for (String g : gezocht) {
            if (klein.contains(g)) {
              vondsten.add(tabel + "." + kolom.naam() + " bevat '" + g + "'");
            }
          }
        }
      }
    }
  }
}
