package nl.hgkm.keten.melding;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.net.URI;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Refused meldingen as {@code application/problem+json} (RFC 9457) with an {@code errors} list of {field, message}.
 * Ahead of Spring's generic problem handler, and for the melding API only.
 */
@RestControllerAdvice(assignableTypes = MeldingController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class MeldingProblemen {

  static final String TITEL = "Ongeldige melding";
  static final URI TYPE = URI.create("about:blank");

  @ExceptionHandler(OngeldigeMeldingException.class)
  ResponseEntity<ProblemDetail> ongeldig(OngeldigeMeldingException fout) {
    int aantal = fout.fouten().size();
    return probleem(aantal == 1 ? "De melding bevat 1 fout." : "De melding bevat " + aantal + " fouten.",
        fout.fouten());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> onleesbaar(HttpMessageNotReadableException fout) {
    String detail = "De melding is geen geldige JSON";
    if (fout.getMostSpecificCause() instanceof JsonProcessingException json && json.getLocation() != null) {
      JsonLocation plek = json.getLocation();
      detail += " (regel " + plek.getLineNr() + ", kolom " + plek.getColumnNr() + ")";
    } else if (fout.getMostSpecificCause() == fout) {
      detail = "De melding ontbreekt: stuur een JSON-object";
    }
    return probleem(detail + ".", List.of());
  }

  private static ResponseEntity<ProblemDetail> probleem(String detail, List<VeldFout> fouten) {
    ProblemDetail probleem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    probleem.setType(TYPE);
    probleem.setTitle(TITEL);
    probleem.setProperty("errors", fouten);
    return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(probleem);
  }
}
