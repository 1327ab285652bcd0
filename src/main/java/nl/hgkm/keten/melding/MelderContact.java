package nl.hgkm.keten.melding;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The reporter's mail address for feedback: from the first melding of the case, also when it is kept in the
 * protected part (anonymity towards the family is never anonymity towards Veilig Thuis).
 */
@Component
class MelderContact {

  private final JdbcClient jdbc;

  MelderContact(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<String> emailVanMelder(String zaaknummer) {
    return jdbc.sql("""
            select coalesce(m.melder_email, b.email)
            from melding m left join melder_beschermd b on b.melding_id = m.id
            where m.zaaknummer = :zaaknummer
            order by m.id""")
        .param("zaaknummer", zaaknummer)
        .query(String.class)
        .list().stream().findFirst();
  }
}
