package nl.hgkm.keten.zorg;

import java.util.List;
import nl.hgkm.keten.engine.ProcesBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The persons of a huisverbod as the hulpaanbod model sees them: ids and pseudonymous person keys in process
 * variables, roles read from the case file ({@code ${hulpaanbodPersonen.rol(persoonId)}}). No name or BSN goes into a
 * variable (docs/privacy.md): the wijkteam finds the person in the care referral.
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

  /**
   * Only for instances of hulpaanbod 1.0.0 of release 0.1, whose model still maps the name into a variable; since
   * release 0.2 the model maps {@link #sleutel(Object)}, and the migration step replaced the names already stored
   * (nl.hgkm.keten.privacy.PersoonssleutelMigratie).
   */
  @Deprecated
  public String naam(Object persoonId) {
    return veld("persoonssleutel", persoonId);
  }

  /** The person's pseudonymous key, or "geen" for a person without BSN and without name plus birth date. */
  public String sleutel(Object persoonId) {
    return jdbc.sql("select persoonssleutel from huisverbod_persoon where id = :id")
        .param("id", ((Number) persoonId).longValue())
        .query((rs, n) -> rs.getString(1) == null ? "geen" : rs.getString(1)).optional()
        .orElseThrow(() -> new IllegalStateException("Onbekende persoon in huisverbod: " + persoonId));
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
