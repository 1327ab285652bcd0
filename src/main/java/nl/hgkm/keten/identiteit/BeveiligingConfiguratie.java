package nl.hgkm.keten.identiteit;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import nl.hgkm.keten.audit.AuditPaginas;
import nl.hgkm.keten.audit.Inzagelog;
import nl.hgkm.keten.metriek.MetriekProperties;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Who may call what. {@code /api} and {@code /engine-rest} take HTTP Basic against the engine's users;
 * {@code /actuator/health} is the only thing open without credentials (its details only for a logged-in user).
 * Metrics ({@code /actuator/prometheus}, {@code /actuator/metrics}) only for the groups in
 * {@code keten.metriek.lezers} (default camunda-admin; docs/metrieken.md). The webapps ({@code /camunda}) keep
 * Camunda's own login and are not touched here. The auditor's pages ({@code /audit/**}) and their data
 * ({@code /api/audit/**}) have a chain of their own: a Dutch login form with a session for a person in a browser,
 * HTTP Basic for a program (docs/audit.md).
 */
@Configuration
public class BeveiligingConfiguratie {

  static final String REALM = "Keten HG/KM";

  /** Who may read a huisverbod's case file: the police, the burgemeester, the auditor and Veilig Thuis (art. 2(8)). */
  private static final String[] HUISVERBOD_DOSSIER_LEZERS = {Groepen.POLITIE, Groepen.HULPOFFICIER,
      Groepen.BURGEMEESTER, Groepen.AUDITOR, Groepen.VT_INTAKE, Groepen.VT_MEDEWERKER, Groepen.VT_TEAMLEIDER,
      Groepen.VERTROUWENSARTS};

  @Bean
  AuthenticationManager authenticationManager(EngineGebruikersAuthenticatie provider) {
    return new ProviderManager(provider);
  }

  /**
   * The auditor's replay: pages under {@code /audit/} and their JSON under {@code /api/audit/}. A browser that is not
   * logged in is sent to the Dutch login form ({@code /audit/inloggen}); the session is the application's (Spring
   * Session JDBC, any node of a cluster). A program uses HTTP Basic and gets 401 problem+json without it. Groups
   * auditor and vt-teamleider; which cases a team leader sees is decided per case (audit/AuditToegang). Other groups:
   * 403, a Dutch page or problem+json. CSRF protection for the session's form posts; not for requests with their own
   * credentials (Basic), which a page of another site cannot forge.
   */
  @Bean
  @Order(1)
  SecurityFilterChain auditBeveiliging(HttpSecurity http, AuthenticationManager authenticationManager,
      ObjectMapper objectMapper, Inzagelog inzagelog) throws Exception {
    PathPatternRequestMatcher.Builder pad = PathPatternRequestMatcher.withDefaults();
    RequestMatcher api = pad.matcher("/api/audit/**");
    RequestMatcher metEigenInlog = request -> request.getHeader("Authorization") != null;
    RequestMatcher watAlsPaden = new OrRequestMatcher(pad.matcher("/api/audit/beslissingen"),
        pad.matcher("/api/audit/beslissingen/**"), pad.matcher("/audit/wat-als"), pad.matcher("/audit/wat-als/**"));
    http.securityMatcher(new OrRequestMatcher(pad.matcher("/audit"), pad.matcher("/audit/**"), api))
        .authenticationManager(authenticationManager)
        .authorizeHttpRequests(regels -> regels
            .requestMatchers(pad.matcher("/audit/inloggen"), pad.matcher("/audit/audit.css"),
                pad.matcher("/audit/favicon.svg")).permitAll()
            // Decision what-if (docs/wat-als.md): auditors and process owners, who deploy the models.
            .requestMatchers(watAlsPaden).hasAnyAuthority(Groepen.AUDITOR, Groepen.CAMUNDA_ADMIN)
            .anyRequest().hasAnyAuthority(Groepen.AUDITOR, Groepen.VT_TEAMLEIDER))
        .formLogin(formulier -> formulier.loginPage("/audit/inloggen").loginProcessingUrl("/audit/inloggen")
            .defaultSuccessUrl("/audit/", false).failureUrl("/audit/inloggen?fout").permitAll())
        // Logging out is a plain link (GET): forging it only logs a user out.
        .logout(uit -> uit.logoutRequestMatcher(pad.matcher("/audit/uitloggen"))
            .logoutSuccessUrl("/audit/inloggen?uitgelogd"))
        .httpBasic(basic -> basic.realmName(REALM))
        .exceptionHandling(fouten -> fouten
            .defaultAuthenticationEntryPointFor((request, response, fout) -> {
              response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
              schrijfProbleem(objectMapper, response, HttpStatus.UNAUTHORIZED,
                  "Inloggen vereist: gebruik HTTP Basic met een gebruiker van de engine.");
            }, new OrRequestMatcher(api, metEigenInlog))
            .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/audit/inloggen"),
                request -> true)
            .accessDeniedHandler((request, response, fout) -> {
              if (api.matches(request) && nietIngelogd()) {
                // a POST without credentials meets the CSRF check first: say what is missing, the login
                response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
                schrijfProbleem(objectMapper, response, HttpStatus.UNAUTHORIZED,
                    "Inloggen vereist: gebruik HTTP Basic met een gebruiker van de engine.");
                return;
              }
              logWeigering(inzagelog, request);
              boolean watAls = watAlsPaden.matches(request);
              if (api.matches(request)) {
                schrijfProbleem(objectMapper, response, HttpStatus.FORBIDDEN, watAls
                    ? "Uw groepen geven geen toegang tot wat-als voor beslissingen: dat is voor auditors en "
                        + "proceseigenaren (groep camunda-admin)."
                    : "Uw groepen geven geen toegang tot de reconstructie van zaken: die is voor auditors en "
                        + "teamleiders van Veilig Thuis.");
                return;
              }
              response.setStatus(HttpStatus.FORBIDDEN.value());
              response.setContentType("text/html;charset=UTF-8");
              response.getWriter().write(AuditPaginas.fout(HttpStatus.FORBIDDEN, "Geen toegang", (watAls
                  ? "Uw groepen geven geen toegang tot wat-als voor beslissingen: dat is voor auditors en "
                      + "proceseigenaren (groep camunda-admin)."
                  : "Uw groepen geven geen toegang tot de reconstructie van zaken: die is voor auditors en "
                      + "teamleiders van Veilig Thuis (zaken van de eigen regio).")
                  + " U bent ingelogd als " + request.getRemoteUser() + "."));
            }))
        .csrf(csrf -> csrf.ignoringRequestMatchers(metEigenInlog));
    return http.build();
  }

  private static boolean nietIngelogd() {
    org.springframework.security.core.Authentication wie = org.springframework.security.core.context
        .SecurityContextHolder.getContext().getAuthentication();
    return wie == null || wie instanceof org.springframework.security.authentication.AnonymousAuthenticationToken;
  }

  /** A refused read of a case (by path) is a line in the read-access log too. */
  private static void logWeigering(Inzagelog inzagelog, jakarta.servlet.http.HttpServletRequest request) {
    if (!HttpMethod.GET.matches(request.getMethod())) {
      return;
    }
    java.util.regex.Matcher zaak = ZAAK_IN_PAD.matcher(request.getRequestURI());
    if (zaak.find()) {
      inzagelog.vastleggen(zaak.group(2), "Inzage geweigerd: " + zaak.group(1), Inzagelog.Uitkomst.GEWEIGERD,
          request);
    }
  }

  /** Paths that open one case: the case files, their documents, the replay. */
  private static final java.util.regex.Pattern ZAAK_IN_PAD = java.util.regex.Pattern.compile(
      "^(/api/zaken|/api/huisverboden|/api/audit/zaken|/audit/zaken)/([^/]+)");

  @Bean
  SecurityFilterChain apiBeveiliging(HttpSecurity http, AuthenticationManager authenticationManager,
      IdentityService identityService, ObjectMapper objectMapper, MetriekProperties metriek, Inzagelog inzagelog)
      throws Exception {
    // Path patterns on the whole request path: /engine-rest is a Jersey servlet, not Spring MVC.
    PathPatternRequestMatcher.Builder pad = PathPatternRequestMatcher.withDefaults();
    http.securityMatcher(new OrRequestMatcher(
            pad.matcher("/api/**"), pad.matcher("/engine-rest/**"), pad.matcher("/actuator/**")))
        .authenticationManager(authenticationManager)
        .authorizeHttpRequests(regels -> regels
            .requestMatchers(pad.matcher("/actuator/health"), pad.matcher("/actuator/health/**")).permitAll()
            .requestMatchers(pad.matcher("/actuator/prometheus"), pad.matcher("/actuator/metrics"),
                pad.matcher("/actuator/metrics/**"))
                .hasAnyAuthority(metriek.lezers().toArray(String[]::new))
            .requestMatchers(pad.matcher(HttpMethod.POST, "/api/meldingen"))
                .hasAnyAuthority(Groepen.VT_INTAKE, Groepen.POLITIE)
            .requestMatchers(pad.matcher(HttpMethod.POST, "/api/huisverboden"))
                .hasAnyAuthority(Groepen.HULPOFFICIER, Groepen.POLITIE)
            .requestMatchers(pad.matcher(HttpMethod.PUT, "/api/huisverboden/*/bereikbaarheid"))
                .hasAnyAuthority(Groepen.POLITIE, Groepen.HULPOFFICIER)
            .requestMatchers(pad.matcher(HttpMethod.POST, "/api/huisverboden/*/overtredingen"))
                .hasAnyAuthority(Groepen.POLITIE, Groepen.HULPOFFICIER)
            .requestMatchers(pad.matcher(HttpMethod.POST, "/api/huisverboden/*/voorlopige-voorziening"),
                pad.matcher(HttpMethod.POST, "/api/huisverboden/*/uitspraak"))
                .hasAuthority(Groepen.BURGEMEESTER)
            .requestMatchers(pad.matcher(HttpMethod.POST, "/api/huisverboden/*/hulpaanbod-aanvaard"))
                .hasAnyAuthority(Groepen.WIJKTEAM, Groepen.BURGEMEESTER)
            .requestMatchers(pad.matcher(HttpMethod.GET, "/api/huisverboden/**"))
                .hasAnyAuthority(HUISVERBOD_DOSSIER_LEZERS)
            .requestMatchers(pad.matcher("/api/meldcode/**")).hasAuthority(Groepen.PROFESSIONAL)
            // Data-subject rights (AVG art. 15 and 17): the privacy officer and the VT team leader (docs/privacy.md).
            .requestMatchers(pad.matcher("/api/betrokkenen/**"))
                .hasAnyAuthority(Groepen.PRIVACYFUNCTIONARIS, Groepen.VT_TEAMLEIDER)
            // Moving running cases to new model versions (docs/modellen-wijzigen.md): administrators only.
            .requestMatchers(pad.matcher("/api/migraties/**"), pad.matcher("/api/migraties"))
                .hasAuthority(Groepen.CAMUNDA_ADMIN)
            .anyRequest().authenticated())
        .httpBasic(basic -> basic.realmName(REALM)
            .authenticationEntryPoint((request, response, fout) -> {
              response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
              schrijfProbleem(objectMapper, response, HttpStatus.UNAUTHORIZED,
                  "Inloggen vereist: gebruik HTTP Basic met een gebruiker van de engine.");
            }))
        .exceptionHandling(fouten -> fouten.accessDeniedHandler((request, response, fout) -> {
          logWeigering(inzagelog, request);
          schrijfProbleem(objectMapper, response, HttpStatus.FORBIDDEN,
              "Uw groepen geven geen toegang tot " + request.getMethod() + " " + request.getRequestURI() + ".");
        }))
        .sessionManagement(sessies -> sessies.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // Stateless Basic-authenticated JSON APIs: no cookies, so no CSRF exposure.
        .csrf(AbstractHttpConfigurer::disable)
        .addFilterAfter(new EngineRestIdentiteitFilter(identityService), AuthorizationFilter.class);
    return http.build();
  }

  static void schrijfProbleem(ObjectMapper objectMapper, HttpServletResponse response, HttpStatus status,
      String detail) throws IOException {
    ProblemDetail probleem = ProblemDetail.forStatusAndDetail(status, detail);
    probleem.setType(URI.create("about:blank"));
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    objectMapper.writeValue(response.getOutputStream(), probleem);
  }
}
