package nl.hgkm.keten.engine;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;

/**
 * The engine wraps every exception from a task listener, so the REST API would answer a refused completion with
 * 500. This mapper finds {@link OngeldigeTaakInvoerException} in the cause chain and answers 400 with the engine
 * REST API's own error shape and the refusal's own message; everything else goes to Camunda's handler unchanged.
 */
@Priority(1)
public class OngeldigeTaakInvoerRestMapper implements ExceptionMapper<RestException> {

  private final RestExceptionHandler camunda = new RestExceptionHandler();

  @Override
  public Response toResponse(RestException fout) {
    if (AndereTenantRestMapper.vanAndereTenant(fout)) {
      return AndereTenantRestMapper.nietGevonden();
    }
    for (Throwable oorzaak = fout; oorzaak != null; oorzaak = oorzaak.getCause()) {
      if (oorzaak instanceof OngeldigeTaakInvoerException ongeldig) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
            .entity(Map.of("type", "InvalidRequestException", "message", ongeldig.getMessage(), "code", 0))
            .build();
      }
      if (oorzaak.getCause() == oorzaak) {
        break;
      }
    }
    return camunda.toResponse(fout);
  }
}
