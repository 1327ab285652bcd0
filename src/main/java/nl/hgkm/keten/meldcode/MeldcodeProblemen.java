package nl.hgkm.keten.meldcode;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.net.URI;
import java.util.List;
import nl.hgkm.keten.melding.OngeldigeMeldingException;
import nl.hgkm.keten.melding.VeldFout;
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
 * Errors of the meldcode API as {@code application/problem+json} (RFC 9457): 400 with an {@code errors} list of
 * {field, message} (every error at once), 404 for a weighing that is not the caller's, 409 for a step the weighing's
 * state does not allow. A refused request has stored nothing.
 */
@RestControllerAdvice(assignableTypes = MeldcodeController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class MeldcodeProblemen {

  private static final Logger LOG = LoggerFactory.getLogger(MeldcodeProblemen.class);
  private static final URI TYPE = URI.create("about:blank");

  @ExceptionHandler(OngeldigeAfwegingException.class)
  ResponseEntity<ProblemDetail> ongeldigeAfweging(OngeldigeAfwegingException fout) {
    return geweigerd("Ongeldige afweging", "De afweging bevat " + aantal(fout.fouten()) + ".", fout.fouten());
  }

  @ExceptionHandler(OngeldigeMeldingException.class)
  ResponseEntity<ProblemDetail> ongeldigeMelding(OngeldigeMeldingException fout) {
    return geweigerd("Ongeldige melding", "De melding bevat " + aantal(fout.fouten()) + ".", fout.fouten());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> onleesbaar(HttpMessageNotReadableException fout) {
    String detail = "Het verzoek is geen geldige JSON";
    if (fout.getMostSpecificCause() instanceof JsonProcessingException json && json.getLocation() != null) {
      JsonLocation plek = json.getLocation();
      detail += " (regel " + plek.getLineNr() + ", kolom " + plek.getColumnNr() + ")";
    }
    return geweigerd("Verzoek geweigerd", detail + ".", List.of());
  }

  @ExceptionHandler(OnbekendeAfwegingException.class)
  ResponseEntity<ProblemDetail> onbekend(OnbekendeAfwegingException fout) {
    return probleem(HttpStatus.NOT_FOUND, "Afweging niet gevonden", fout.getMessage());
  }

  @ExceptionHandler(AfwegingConflictException.class)
  ResponseEntity<ProblemDetail> conflict(AfwegingConflictException fout) {
    return probleem(HttpStatus.CONFLICT, "Niet mogelijk in deze stand van de afweging", fout.getMessage());
  }

  /** Anything else: the transaction has been rolled back, nothing was stored; the cause goes to the log only. */
  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> anders(Exception fout) {
    if (fout instanceof ErrorResponse antwoord) {
      return ResponseEntity.status(antwoord.getStatusCode()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(antwoord.getBody());
    }
    LOG.error("Verzoek aan de meldcode-API niet verwerkt", fout);
    return probleem(HttpStatus.INTERNAL_SERVER_ERROR, "Niet verwerkt", "Het verzoek kon niet worden verwerkt en is "
        + "niet opgeslagen. Probeer het opnieuw of neem contact op met de beheerder.");
  }

  private static String aantal(List<VeldFout> fouten) {
    return fouten.size() == 1 ? "1 fout" : fouten.size() + " fouten";
  }

  private static ResponseEntity<ProblemDetail> geweigerd(String titel, String detail, List<VeldFout> fouten) {
    ProblemDetail probleem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    probleem.setType(TYPE);
    probleem.setTitle(titel);
    probleem.setProperty("errors", fouten);
    return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(probleem);
  }

  private static ResponseEntity<ProblemDetail> probleem(HttpStatus status, String titel, String detail) {
    ProblemDetail probleem = ProblemDetail.forStatusAndDetail(status, detail);
    probleem.setType(TYPE);
    probleem.setTitle(titel);
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(probleem);
  }
}
