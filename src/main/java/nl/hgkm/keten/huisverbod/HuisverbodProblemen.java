package nl.hgkm.keten.huisverbod;

import java.util.List;
import java.util.Optional;
import nl.hgkm.keten.api.Problemen;
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
 * Errors of the huisverbod API as {@code application/problem+json} (RFC 9457). A refused request (400) carries an
 * {@code errors} list of {field, message} with every field error at once; malformed JSON is a 400 too, with an empty
 * list and the place of the error in {@code detail}.
 */
@RestControllerAdvice(assignableTypes = {HuisverbodController.class, HuisverbodBerichtenController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class HuisverbodProblemen {

  private static final Logger LOG = LoggerFactory.getLogger(HuisverbodProblemen.class);
  private static final String GEWEIGERD = "Verzoek geweigerd";

  @ExceptionHandler(OngeldigVerzoekException.class)
  ResponseEntity<ProblemDetail> ongeldig(OngeldigVerzoekException fout) {
    return Problemen.geweigerd(GEWEIGERD, fout.onderwerp() + " bevat " + Problemen.aantalFouten(fout.fouten()) + ".",
        fout.fouten());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> onleesbaar(HttpMessageNotReadableException fout) {
    return Problemen.geweigerd(GEWEIGERD, Problemen.onleesbaar("Het verzoek", fout, Optional.empty()), List.of());
  }

  @ExceptionHandler(OnbekendeZaakException.class)
  ResponseEntity<ProblemDetail> onbekend(OnbekendeZaakException fout) {
    return Problemen.probleem(HttpStatus.NOT_FOUND, "Niet gevonden", fout.getMessage());
  }

  @ExceptionHandler(HuisverbodBerichten.NietVanKrachtException.class)
  ResponseEntity<ProblemDetail> nietVanKracht(HuisverbodBerichten.NietVanKrachtException fout) {
    return Problemen.probleem(HttpStatus.CONFLICT, "Huisverbod niet van kracht", fout.getMessage());
  }

  /** Anything else: the transaction has been rolled back, nothing was stored; the cause goes to the log only. */
  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> anders(Exception fout) {
    return Problemen.vanSpring(fout).orElseGet(() -> {
      LOG.error("Verzoek aan de huisverbod-API niet verwerkt", fout);
      return Problemen.nietVerwerkt("Niet verwerkt", "Het verzoek");
    });
  }
}
