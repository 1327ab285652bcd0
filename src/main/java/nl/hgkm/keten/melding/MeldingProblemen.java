package nl.hgkm.keten.melding;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Refused meldingen as {@code application/problem+json} (RFC 9457) with an {@code errors} list of {field, message}.
 * Ahead of Spring's generic problem handler, and for the melding API only.
 */
@RestControllerAdvice(assignableTypes = MeldingController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class MeldingProblemen {

  private static final Logger LOG = LoggerFactory.getLogger(MeldingProblemen.class);

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

  /** Anything else: the transaction has been rolled back, nothing was stored; the cause goes to the log only. */
  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> anders(Exception fout) {
    if (fout instanceof ErrorResponse antwoord) {
      return ResponseEntity.status(antwoord.getStatusCode()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(antwoord.getBody());
    }
    LOG.error("Melding niet verwerkt", fout);
    ProblemDetail probleem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
        "De melding kon niet worden verwerkt en is niet opgeslagen. Probeer het opnieuw of neem contact op met "
            + "de beheerder.");
    probleem.setTitle("Melding niet verwerkt");
    return ResponseEntity.internalServerError().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(probleem);
  }

  private static ResponseEntity<ProblemDetail> probleem(String detail, List<VeldFout> fouten) {
    ProblemDetail probleem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    probleem.setType(TYPE);
    probleem.setTitle(TITEL);
    probleem.setProperty("errors", fouten);
    return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(probleem);
  }
}
