package nl.hgkm.keten.meldcode;

import java.util.List;
import java.util.Optional;
import nl.hgkm.keten.api.Problemen;
import nl.hgkm.keten.melding.OngeldigeMeldingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
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

  @ExceptionHandler(OngeldigeAfwegingException.class)
  ResponseEntity<ProblemDetail> ongeldigeAfweging(OngeldigeAfwegingException fout) {
    return Problemen.geweigerd("Ongeldige afweging",
        "De afweging bevat " + Problemen.aantalFouten(fout.fouten()) + ".", fout.fouten());
  }

  @ExceptionHandler(OngeldigeMeldingException.class)
  ResponseEntity<ProblemDetail> ongeldigeMelding(OngeldigeMeldingException fout) {
    return Problemen.geweigerd("Ongeldige melding",
        "De melding bevat " + Problemen.aantalFouten(fout.fouten()) + ".", fout.fouten());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> onleesbaar(HttpMessageNotReadableException fout) {
    return Problemen.geweigerd("Verzoek geweigerd", Problemen.onleesbaar("Het verzoek", fout, Optional.empty()),
        List.of());
  }

  @ExceptionHandler(OnbekendeAfwegingException.class)
  ResponseEntity<ProblemDetail> onbekend(OnbekendeAfwegingException fout) {
    return Problemen.probleem(HttpStatus.NOT_FOUND, "Afweging niet gevonden", fout.getMessage());
  }

  @ExceptionHandler(AfwegingConflictException.class)
  ResponseEntity<ProblemDetail> conflict(AfwegingConflictException fout) {
    return Problemen.probleem(HttpStatus.CONFLICT, "Niet mogelijk in deze stand van de afweging", fout.getMessage());
  }

  /** Anything else: the transaction has been rolled back, nothing was stored; the cause goes to the log only. */
  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> anders(Exception fout) {
    return Problemen.vanSpring(fout).orElseGet(() -> {
      LOG.error("Verzoek aan de meldcode-API niet verwerkt", fout);
      return Problemen.nietVerwerkt("Niet verwerkt", "Het verzoek");
    });
  }
}
