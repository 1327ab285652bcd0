package nl.hgkm.keten.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/**
 * The Dutch page of the decision what-if replay, {@code /audit/wat-als/} (docs/wat-als.md), for auditors and process
 * owners. Served from {@code audit/wat-als.html} with the session's CSRF token in it, which the page's script sends
 * with its POST; the script itself is {@code static/audit/wat-als/wat-als.js}.
 */
@Controller
class WatAlsPaginaController {

  private final String sjabloon;

  WatAlsPaginaController() {
    try (InputStream in = new ClassPathResource("audit/wat-als.html").getInputStream()) {
      this.sjabloon = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException fout) {
      throw new UncheckedIOException(fout);
    }
  }

  @GetMapping({"/audit/wat-als", "/audit/wat-als/"})
  @ResponseBody
  ResponseEntity<String> pagina(HttpServletRequest request) {
    CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
    String html = sjabloon
        .replace("{{csrfHeader}}", token == null ? "X-CSRF-TOKEN" : HtmlUtils.htmlEscape(token.getHeaderName()))
        .replace("{{csrfToken}}", token == null ? "" : HtmlUtils.htmlEscape(token.getToken()));
    return ResponseEntity.ok().contentType(AuditController.HTML).header("Cache-Control", "no-store").body(html);
  }
}
