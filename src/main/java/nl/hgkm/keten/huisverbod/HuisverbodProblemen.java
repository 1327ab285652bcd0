package nl.hgkm.keten.huisverbod;

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
 * Errors of the huisverbod API as {@code application/problem+json} (RFC 9457). A refused request (400) carries an
 * {@code errors} list of {field, message} with every field error at once; malformed JSON is a 400 too, with an empty
 * list and the place of the error in {@code detail}.
 */
@RestControllerAdvice(assignableTypes = {HuisverbodController.class, HuisverbodBerichtenController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class HuisverbodProblemen {

  private static final Logger LOG = LoggerFactory.getLogger(HuisverbodProblemen.class);
  private static final URI TYPE = URI.create("about:blank");

  @ExceptionHandler(OngeldigVerzoekException.class)
  ResponseEntity<ProblemDetail> ongeldig(OngeldigVerzoekException fout) {
    int aantal = fout.fouten().size();
    return geweigerd(fout.onderwerp() + (aantal == 1 ? " bevat 1 fout." : " bevat " + aantal + " fouten."),
        fout.fouten());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> onleesbaar(HttpMessageNotReadableException fout) {
    String detail = "Het verzoek is geen geldige JSON";
    if (fout.getMostSpecificCause() instanceof JsonProcessingException json && json.getLocation() != null) {
      JsonLocation plek = json.getLocation();
      detail += " (regel " + plek.getLineNr() + ", kolom " + plek.getColumnNr() + ")";
    }
    return geweigerd(detail + ".", List.of());
  }

  @ExceptionHandler(OnbekendeZaakException.class)
  ResponseEntity<ProblemDetail> onbekend(OnbekendeZaakException fout) {
    ProblemDetail probleem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, fout.getMessage());
    probleem.setType(TYPE);
    probleem.setTitle("Niet gevonden");
    return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(probleem);
  }

  @ExceptionHandler(HuisverbodBerichten.NietVanKrachtException.class)
  ResponseEntity<ProblemDetail> nietVanKracht(HuisverbodBerichten.NietVanKrachtException fout) {
    ProblemDetail probleem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, fout.getMessage());
    probleem.setType(TYPE);
    probleem.setTitle("Huisverbod niet van kracht");
    return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(probleem);
  }

  /** Anything else: the transaction has been rolled back, nothing was stored; the cause goes to the log only. */
  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> anders(Exception fout) {
    if (fout instanceof ErrorResponse antwoord) {
      return ResponseEntity.status(antwoord.getStatusCode()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(antwoord.getBody());
    }
    LOG.error("Verzoek aan de huisverbod-API niet verwerkt", fout);
    ProblemDetail probleem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
        "Het verzoek kon niet worden verwerkt en is niet opgeslagen. Probeer het opnieuw of neem contact op met de "
            + "beheerder.");
    probleem.setType(TYPE);
    probleem.setTitle("Niet verwerkt");
    return ResponseEntity.internalServerError().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(probleem);
  }

  private static ResponseEntity<ProblemDetail> geweigerd(String detail, List<VeldFout> fouten) {
    ProblemDetail probleem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    probleem.setType(TYPE);
    probleem.setTitle("Verzoek geweigerd");
    probleem.setProperty("errors", fouten);
    return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(probleem);
  }
}
