package nl.hgkm.keten.melding;

import java.util.List;
import java.util.Optional;
import nl.hgkm.keten.api.Problemen;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
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

  private static final Logger LOG = LoggerFactory.getLogger(MeldingProblemen.class);

  static final String TITEL = "Ongeldige melding";

  @ExceptionHandler(OngeldigeMeldingException.class)
  ResponseEntity<ProblemDetail> ongeldig(OngeldigeMeldingException fout) {
    return Problemen.geweigerd(TITEL, "De melding bevat " + Problemen.aantalFouten(fout.fouten()) + ".",
        fout.fouten());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> onleesbaar(HttpMessageNotReadableException fout) {
    return Problemen.geweigerd(TITEL, Problemen.onleesbaar("De melding", fout,
        Optional.of("De melding ontbreekt: stuur een JSON-object.")), List.of());
  }

  /** Anything else: the transaction has been rolled back, nothing was stored; the cause goes to the log only. */
  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> anders(Exception fout) {
    return Problemen.vanSpring(fout).orElseGet(() -> {
      LOG.error("Melding niet verwerkt", fout);
      return Problemen.nietVerwerkt("Melding niet verwerkt", "De melding");
    });
  }
}
