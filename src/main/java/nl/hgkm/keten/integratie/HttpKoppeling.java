package nl.hgkm.keten.integratie;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.StreamUtils;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The HTTP plumbing shared by the adapters of the outside systems: Spring {@link RestClient} over the JDK HTTP
 * client with connect and read timeouts, HTTP Basic credentials, JSON bodies and the {@code Idempotency-Key}
 * header. It owns its JSON mapper, so the wire format (ISO-8601 instants, no nulls) does not change with the
 * application's Jackson settings.
 *
 * <p>How answers count (see {@code package-info}): 2xx is success; 409 is success only when it carries the
 * {@code id} of the original request (the system saw this Idempotency-Key before); everything else, including no
 * answer at all, throws {@link KoppelingMisluktException} naming the system, the call and the HTTP status.
 */
public final class HttpKoppeling {

  public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  private static final Logger LOG = LoggerFactory.getLogger(HttpKoppeling.class);
  private static final int MAX_FOUTTEKST = 300;

  private final String systeem;
  private final IntegratieProperties.Koppeling instellingen;
  private final RestClient client;
  private final ObjectMapper json = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .serializationInclusion(JsonInclude.Include.NON_NULL)
      .build();

  /**
   * @param systeem     the system's name as users read it in incidents, e.g. "Politiesysteem"
   * @param instellingen base URL, credentials and timeouts
   * @param builder     Spring Boot's builder (keeps its observation setup), or {@code RestClient.builder()}
   */
  public HttpKoppeling(String systeem, IntegratieProperties.Koppeling instellingen, RestClient.Builder builder) {
    if (instellingen.basisUrl() == null) {
      throw new IllegalStateException(systeem + ": basis-url ontbreekt in de configuratie (keten.integratie.*)");
    }
    if (!instellingen.heeftGebruiker()) {
      LOG.warn("{}: geen gebruiker geconfigureerd; aanroepen gaan zonder authenticatie naar {}", systeem,
          instellingen.basisUrl());
    }
    this.systeem = systeem;
    this.instellingen = instellingen;
    // HTTP/1.1: no h2c upgrade attempts against plain-HTTP peers.
    HttpClient http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(instellingen.verbindTimeout())
        .build();
    JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(http);
    requestFactory.setReadTimeout(instellingen.leesTimeout());
    this.client = builder
        .baseUrl(instellingen.basisUrl().toString())
        .requestFactory(requestFactory)
        .defaultHeaders(headers -> {
          headers.setAccept(List.of(MediaType.APPLICATION_JSON));
          if (instellingen.heeftGebruiker()) {
            headers.setBasicAuth(instellingen.gebruiker(),
                instellingen.wachtwoord() == null ? "" : instellingen.wachtwoord(), StandardCharsets.UTF_8);
          }
        })
        .build();
  }

  /**
   * POSTs {@code body} as JSON and answers the {@code id} the system gave (the original one on a repeat).
   *
   * @param aanroep   the port method, for messages (e.g. "registreerHuisverbod")
   * @param verzoekId sent as {@code Idempotency-Key}; the same for every retry of one step
   * @param pad       path template below the base URL, e.g. {@code /api/v1/huisverboden/{zaaknummer}/uitreikingen}
   * @throws KoppelingMisluktException on any failure, also when a success carries no id
   */
  public String postVoorId(String aanroep, String verzoekId, Object body, String pad, Object... padVariabelen) {
    return post(aanroep, verzoekId, body, pad, padVariabelen).orElseThrow(() -> new KoppelingMisluktException(
        systeem, aanroep, null, systeem + ": aanroep " + aanroep + " (POST " + pad(pad, padVariabelen)
            + ", verzoek " + verzoekId + ") gaf succes maar geen id terug", null));
  }

  /** POSTs {@code body} as JSON; answers the id if the system gave one. Throws on failure, as above. */
  public Optional<String> post(String aanroep, String verzoekId, Object body, String pad, Object... padVariabelen) {
    return id(verstuur(aanroep, verzoekId, body, pad, padVariabelen).tekst());
  }

  /**
   * POSTs {@code body} as JSON and reads the system's answer as {@code type} (fields the type does not know are
   * ignored, so the system may add some). For calls whose answer is more than an id, e.g. a lookup.
   *
   * @throws KoppelingMisluktException on any failure, also when a success carries no readable answer
   */
  public <T> T postVoorAntwoord(String aanroep, String verzoekId, Object body, Class<T> type, String pad,
      Object... padVariabelen) {
    Antwoord antwoord = verstuur(aanroep, verzoekId, body, pad, padVariabelen);
    String context = "POST " + pad(pad, padVariabelen) + ", verzoek " + verzoekId;
    try {
      T gelezen = json.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .readValue(antwoord.tekst() == null ? "" : antwoord.tekst());
      if (gelezen != null) {
        return gelezen;
      }
    } catch (IOException onleesbaar) {
      String bericht = systeem + ": aanroep " + aanroep + " gaf HTTP " + antwoord.status().value()
          + " met een onleesbaar antwoord (" + context + ")" + foutTekst(antwoord.tekst());
      LOG.warn(bericht);
      throw new KoppelingMisluktException(systeem, aanroep, antwoord.status().value(), bericht, onleesbaar);
    }
    throw new KoppelingMisluktException(systeem, aanroep, antwoord.status().value(), systeem + ": aanroep "
        + aanroep + " gaf succes maar geen antwoord terug (" + context + ")", null);
  }

  /** Sends; answers the answer when it counts as success (2xx, or 409 with the original id), else throws. */
  private Antwoord verstuur(String aanroep, String verzoekId, Object body, String pad, Object... padVariabelen) {
    String uitgeschrevenPad = pad(pad, padVariabelen);
    String context = "POST " + uitgeschrevenPad + ", verzoek " + verzoekId;
    Antwoord antwoord;
    try {
      antwoord = client.post()
          .uri(pad, padVariabelen)
          .contentType(MediaType.APPLICATION_JSON)
          .header(IDEMPOTENCY_KEY, verzoekId)
          .body(json.writeValueAsBytes(body))
          .exchange((request, response) -> new Antwoord(response.getStatusCode(),
              StreamUtils.copyToString(response.getBody(), StandardCharsets.UTF_8)));
    } catch (JsonProcessingException fout) {
      throw new IllegalStateException(systeem + ": verzoek " + aanroep + " is niet als JSON te schrijven", fout);
    } catch (RestClientException fout) {
      String bericht = systeem + ": aanroep " + aanroep + " mislukt zonder HTTP-antwoord (" + context + "): "
          + oorzaak(fout);
      LOG.warn(bericht);
      throw new KoppelingMisluktException(systeem, aanroep, null, bericht, fout);
    }

    int status = antwoord.status().value();
    if (antwoord.status().is2xxSuccessful()) {
      return antwoord;
    }
    Optional<String> id = id(antwoord.tekst());
    if (status == 409 && id.isPresent()) {
      LOG.info("{}: {} was al verwerkt (409, {}); oorspronkelijk id {}", systeem, aanroep, context, id.get());
      return antwoord;
    }
    String bericht = systeem + ": aanroep " + aanroep + " mislukt met HTTP " + status
        + (status == 409 ? " zonder oorspronkelijk id" : "") + " (" + context + ")" + foutTekst(antwoord.tekst());
    LOG.warn(bericht);
    throw new KoppelingMisluktException(systeem, aanroep, status, bericht, null);
  }

  private Optional<String> id(String tekst) {
    if (tekst == null || tekst.isBlank()) {
      return Optional.empty();
    }
    try {
      JsonNode id = json.readTree(tekst).path("id");
      return id.isValueNode() && !id.asText().isBlank() ? Optional.of(id.asText()) : Optional.empty();
    } catch (JsonProcessingException nietJson) {
      return Optional.empty();
    }
  }

  private static String pad(String pad, Object... variabelen) {
    return UriComponentsBuilder.fromPath(pad).buildAndExpand(variabelen).encode().toUriString();
  }

  /**
   * The outside system's error text, shortened. A system may echo the request (a BSN in a validation error), and this
   * text goes into the log and, through the job's failure, into the engine's tables: every run of nine digits is
   * masked (docs/privacy.md).
   */
  private static String foutTekst(String tekst) {
    if (tekst == null || tekst.isBlank()) {
      return "";
    }
    String kort = tekst.strip().replaceAll("\\s+", " ").replaceAll("(?<!\\d)\\d{9}(?!\\d)", "*********");
    return ": " + (kort.length() > MAX_FOUTTEKST ? kort.substring(0, MAX_FOUTTEKST) + "..." : kort);
  }

  /** A readable cause: time-out, refused, broken off. */
  private String oorzaak(Throwable fout) {
    for (Throwable t = fout; t != null; t = t.getCause()) {
      if (t instanceof HttpConnectTimeoutException) {
        return "time-out: geen verbinding binnen " + instellingen.verbindTimeout().toMillis() + " ms";
      }
      if (t instanceof HttpTimeoutException) {
        return "time-out: geen antwoord binnen " + instellingen.leesTimeout().toMillis() + " ms";
      }
      if (t instanceof ConnectException) {
        return "verbinding geweigerd of niet mogelijk";
      }
    }
    Throwable diepste = fout;
    while (diepste.getCause() != null) {
      diepste = diepste.getCause();
    }
    return diepste instanceof IOException
        ? "verbinding verbroken (" + diepste.getClass().getSimpleName() + ": " + diepste.getMessage() + ")"
        : fout.getMessage();
  }

  private record Antwoord(HttpStatusCode status, String tekst) {}
}
