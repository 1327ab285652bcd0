package nl.hgkm.keten.huisverbod;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Calls to the huisverbod API as a demo user (HTTP Basic, password demo), answers as text. */
final class HuisverbodApi {

  private final TestRestTemplate rest;

  HuisverbodApi(TestRestTemplate rest) {
    this.rest = rest;
  }

  ResponseEntity<String> stelVoor(String gebruiker, Object body) {
    return stuur(gebruiker, HttpMethod.POST, "/api/huisverboden", body);
  }

  ResponseEntity<String> stuur(String gebruiker, HttpMethod methode, String pad, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    String tekst = body == null ? null : body instanceof String s ? s : body.toString();
    return client(gebruiker).exchange(pad, methode, new HttpEntity<>(tekst, headers), String.class);
  }

  ResponseEntity<String> haal(String gebruiker, String pad) {
    return client(gebruiker).exchange(pad, HttpMethod.GET, HttpEntity.EMPTY, String.class);
  }

  private TestRestTemplate client(String gebruiker) {
    return gebruiker == null ? rest : rest.withBasicAuth(gebruiker, HuisverbodTestGebruikers.WACHTWOORD);
  }

  static JsonNode json(ResponseEntity<String> antwoord) {
    try {
      return TestVoorstel.JSON.readTree(antwoord.getBody());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Geen JSON: " + antwoord.getBody(), e);
    }
  }
}
