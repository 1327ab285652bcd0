package nl.hgkm.keten.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import nl.hgkm.keten.kalender.Klok;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The read-access log (table inzage_log; AVG accountability, NEN 7513): every opening of a case file, a document, a
 * replay page or its data, and every history query through the domain API. Who (user and roles), which case, what
 * was shown, when, from which address, with which outcome. Call it from any read:
 *
 * <pre>
 *   inzagelog.vastleggen(zaaknummer, "Dossier huisverbod", Inzagelog.Uitkomst.GETOOND);
 * </pre>
 *
 * <p>User, roles and address come from the current request; outside a request (a job) the user is "systeem". Each
 * line is written in a transaction of its own, so a refused or failed read is logged even when the caller's
 * transaction rolls back, and a read-only caller's transaction is no obstacle.
 */
@Service
public class Inzagelog {

  /** The outcome of one read. */
  public enum Uitkomst {
    /** The content was shown. */
    GETOOND,
    /** The user's roles or region give no access. */
    GEWEIGERD,
    /** There is no such case (or the user may not know that there is). */
    NIET_GEVONDEN,
    /** The request named no valid zaaknummer. */
    ONGELDIG
  }

  /** One line, as the auditor sees it. */
  public record Regel(Instant tijdstip, String gebruiker, String rollen, String wat, Uitkomst uitkomst, String adres,
      String verzoek) {}

  static final String SYSTEEM = "systeem";
  private static final int MAX_ZAAKNUMMER = 40;

  private final JdbcClient jdbc;
  private final Klok klok;
  private final TransactionTemplate eigenTransactie;

  public Inzagelog(JdbcClient jdbc, Klok klok, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.klok = klok;
    this.eigenTransactie = new TransactionTemplate(transactionManager);
    this.eigenTransactie.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Logs one read of {@code zaaknummer} by the current user. */
  public void vastleggen(String zaaknummer, String wat, Uitkomst uitkomst) {
    vastleggen(zaaknummer, wat, uitkomst, RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
        ? a.getRequest() : null);
  }

  /** As {@link #vastleggen(String, String, Uitkomst)}, for a caller that holds the request (a servlet filter). */
  public void vastleggen(String zaaknummer, String wat, Uitkomst uitkomst, HttpServletRequest request) {
    Authentication authenticatie = SecurityContextHolder.getContext().getAuthentication();
    String gebruiker = authenticatie == null || !authenticatie.isAuthenticated() ? SYSTEEM : authenticatie.getName();
    String rollen = authenticatie == null ? "" : String.join(",", authenticatie.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority).filter(a -> !a.startsWith("ROLE_") && !a.startsWith("FACTOR_"))
        .sorted().toList());
    String adres = request == null ? null : request.getRemoteAddr();
    String verzoek = request == null ? null : kort(request.getMethod() + " " + request.getRequestURI(), 300);
    String zaak = zaaknummer == null || zaaknummer.isBlank() ? "(geen)" : kort(zaaknummer, MAX_ZAAKNUMMER);
    eigenTransactie.executeWithoutResult(status -> jdbc.sql("""
            insert into inzage_log (zaaknummer, tijdstip, gebruiker, rollen, wat, uitkomst, adres, verzoek)
            values (:zaaknummer, :tijdstip, :gebruiker, :rollen, :wat, :uitkomst, :adres, :verzoek)""")
        .param("zaaknummer", zaak)
        .param("tijdstip", klok.nu().atOffset(ZoneOffset.UTC))
        .param("gebruiker", kort(gebruiker, 64))
        .param("rollen", kort(rollen, 500))
        .param("wat", kort(wat, 300))
        .param("uitkomst", uitkomst.name())
        .param("adres", adres == null ? null : kort(adres, 64))
        .param("verzoek", verzoek)
        .update());
  }

  /** Every read of these cases, oldest first. */
  public List<Regel> van(List<String> zaaknummers) {
    if (zaaknummers.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("""
            select tijdstip, gebruiker, rollen, wat, uitkomst, adres, verzoek from inzage_log
            where zaaknummer in (:zaken) order by tijdstip, id""")
        .param("zaken", zaaknummers)
        .query((rs, n) -> new Regel(rs.getObject("tijdstip", java.time.OffsetDateTime.class).toInstant(),
            rs.getString("gebruiker"), rs.getString("rollen"), rs.getString("wat"),
            Uitkomst.valueOf(rs.getString("uitkomst")), rs.getString("adres"), rs.getString("verzoek")))
        .list();
  }

  private static String kort(String tekst, int max) {
    return tekst.length() <= max ? tekst : tekst.substring(0, max - 1) + "…";
  }
}
