package nl.hgkm.keten.zorg;

import java.util.List;
import nl.hgkm.keten.engine.ProcesBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The persons of a huisverbod as the hulpaanbod model sees them: ids in a process variable, names and roles read
 * from the case file ({@code ${hulpaanbodPersonen.naam(persoonId)}}), so no personal data is copied into variables
 * beyond the task that needs it.
 */
@Component("hulpaanbodPersonen")
@ProcesBean
public class HulpaanbodPersonen {

  private final JdbcClient jdbc;

  public HulpaanbodPersonen(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The uithuisgeplaatste first, then the achterblijvers. */
  public List<Long> van(String zaaknummer) {
    return jdbc.sql("""
            select id from huisverbod_persoon where zaaknummer = :zaak
            order by case when rol = 'PLEGER' then 0 else 1 end, id""")
        .param("zaak", zaaknummer).query(Long.class).list();
  }

  public String naam(Object persoonId) {
    return veld("naam", persoonId);
  }

  /** PLEGER for the uithuisgeplaatste; SLACHTOFFER, KIND or OVERIG for an achterblijver. */
  public String rol(Object persoonId) {
    return veld("rol", persoonId);
  }

  private String veld(String kolom, Object persoonId) {
    return jdbc.sql("select " + kolom + " from huisverbod_persoon where id = :id")
        .param("id", ((Number) persoonId).longValue())
        .query(String.class).optional()
        .orElseThrow(() -> new IllegalStateException("Onbekende persoon in huisverbod: " + persoonId));
  }
}
