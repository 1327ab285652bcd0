package nl.hgkm.keten.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;

/**
 * The answers of the domain API's error handlers (the {@code *Problemen} advice per API): {@code
 * application/problem+json} (RFC 9457), a refusal with an {@code errors} list of {@link VeldFout}s (contract §5).
 */
public final class Problemen {

  private static final URI TYPE = URI.create("about:blank");
  private static final String NIET_VERWERKT = " kon niet worden verwerkt en is niet opgeslagen. Probeer het opnieuw "
      + "of neem contact op met de beheerder.";

  private Problemen() {}

  /** 400 with every field error at once. */
  public static ResponseEntity<ProblemDetail> geweigerd(String titel, String detail, List<VeldFout> fouten) {
    ProblemDetail probleem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    probleem.setType(TYPE);
    probleem.setTitle(titel);
    probleem.setProperty("errors", fouten);
    return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(probleem);
  }

  public static ResponseEntity<ProblemDetail> probleem(HttpStatus status, String titel, String detail) {
    ProblemDetail probleem = ProblemDetail.forStatusAndDetail(status, detail);
    probleem.setType(TYPE);
    probleem.setTitle(titel);
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(probleem);
  }

  /** "1 fout", "3 fouten". */
  public static String aantalFouten(List<VeldFout> fouten) {
    return fouten.size() == 1 ? "1 fout" : fouten.size() + " fouten";
  }

  /**
   * Why a body could not be read, for {@code detail}: "{onderwerp} is geen geldige JSON (regel 3, kolom 14)." or,
   * without a body at all, {@code zonderInhoud} when given.
   */
  public static String onleesbaar(String onderwerp, HttpMessageNotReadableException fout,
      Optional<String> zonderInhoud) {
    if (fout.getMostSpecificCause() instanceof JsonProcessingException json && json.getLocation() != null) {
      JsonLocation plek = json.getLocation();
      return onderwerp + " is geen geldige JSON (regel " + plek.getLineNr() + ", kolom " + plek.getColumnNr() + ").";
    }
    if (fout.getMostSpecificCause() == fout && zonderInhoud.isPresent()) {
      return zonderInhoud.get();
    }
    return onderwerp + " is geen geldige JSON.";
  }

  /** Spring's own error answers (404 for an unknown path, 405, 415, ...) pass through as they are. */
  public static Optional<ResponseEntity<ProblemDetail>> vanSpring(Exception fout) {
    if (fout instanceof ErrorResponse antwoord) {
      return Optional.of(ResponseEntity.status(antwoord.getStatusCode()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(antwoord.getBody()));
    }
    return Optional.empty();
  }

  /** 500: the transaction has been rolled back, nothing was stored; the cause belongs in the log, not the answer. */
  public static ResponseEntity<ProblemDetail> nietVerwerkt(String titel, String onderwerp) {
    return probleem(HttpStatus.INTERNAL_SERVER_ERROR, titel, onderwerp + NIET_VERWERKT);
  }
}
