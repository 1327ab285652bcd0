package nl.hgkm.keten.metriek;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Counts what the intake endpoints of contract §5 answered: {@code keten_intake_total{soort, uitkomst}}. Counted from
 * the HTTP status the client got, after the request is done, so the controllers need no hook and every path to an
 * answer (validation, idempotent repeat, a parse error of the JSON) is counted the same way:
 * <ul>
 *   <li>201: {@code aangenomen} (a new melding, huisverbod, or a melding from a meldcode weighing)</li>
 *   <li>200: {@code herhaald} (the same {@code externeReferentie} again: the first answer, nothing new)</li>
 *   <li>other 4xx: {@code geweigerd} (invalid input, unknown weighing, a weighing that does not lead to reporting)</li>
 *   <li>5xx: {@code fout}</li>
 * </ul>
 * 401 and 403 are not counted: Spring Security answers them before a request reaches an intake.
 */
@Component
class IntakeMetrieken implements HandlerInterceptor, WebMvcConfigurer {

  /** One intake endpoint: POST on {@code pad} (a path pattern) takes in a {@code soort}. */
  record Ingang(String pad, String soort) {}

  static final List<Ingang> INGANGEN = List.of(
      new Ingang("/api/meldingen", "melding"),
      new Ingang("/api/huisverboden", "huisverbod"),
      new Ingang("/api/meldcode/afweging/{afwegingId}/melding", "meldcode"));

  enum Uitkomst {
    AANGENOMEN, HERHAALD, GEWEIGERD, FOUT;

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** What an answer means for an intake; empty for statuses that are no intake outcome (1xx, 3xx, other 2xx). */
    static Optional<Uitkomst> van(int status, boolean onafgehandeldeFout) {
      if (onafgehandeldeFout || status >= 500) {
        return Optional.of(FOUT);
      }
      if (status == 201) {
        return Optional.of(AANGENOMEN);
      }
      if (status == 200) {
        return Optional.of(HERHAALD);
      }
      if (status >= 400) {
        return Optional.of(GEWEIGERD);
      }
      return Optional.empty();
    }
  }

  private record Route(PathPattern patroon, Map<Uitkomst, Counter> tellers) {}

  private final List<Route> routes;

  IntakeMetrieken(MeterRegistry registry) {
    this.routes = INGANGEN.stream().map(ingang -> {
      Map<Uitkomst, Counter> tellers = new EnumMap<>(Uitkomst.class);
      for (Uitkomst uitkomst : Uitkomst.values()) {
        tellers.put(uitkomst, Counter.builder("keten.intake")
            .description("Aanroepen van de intake-API per soort en uitkomst (aangenomen 201, herhaald 200, geweigerd"
                + " 4xx, fout 5xx)")
            .tags("soort", ingang.soort(), "uitkomst", uitkomst.label())
            .register(registry));
      }
      return new Route(PathPatternParser.defaultInstance.parse(ingang.pad()), tellers);
    }).toList();
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this).addPathPatterns(INGANGEN.stream().map(Ingang::pad).toList());
  }

  @Override
  public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
      Exception fout) {
    if (!HttpMethod.POST.matches(request.getMethod())) {
      return;
    }
    PathContainer pad = PathContainer.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
    routes.stream().filter(route -> route.patroon().matches(pad)).findFirst().ifPresent(route ->
        Uitkomst.van(response.getStatus(), fout != null).ifPresent(u -> route.tellers().get(u).increment()));
  }
}
