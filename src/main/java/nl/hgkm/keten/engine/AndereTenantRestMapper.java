package nl.hgkm.keten.engine;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;

/**
 * A REST call on an instance, task or job of another region's tenant: the engine refuses it with a
 * ProcessEngineException ("... belongs to no authenticated tenant", naming the id), which its REST API answers with
 * 500 and that message. That would confirm the case exists; this mapper answers 404 as for an unknown id, as the
 * domain APIs do (issue 9). Everything else goes to Camunda's handler unchanged.
 */
@Priority(1)
public class AndereTenantRestMapper implements ExceptionMapper<ProcessEngineException> {

  private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

  @Override
  public Response toResponse(ProcessEngineException fout) {
    return vanAndereTenant(fout) ? nietGevonden() : camunda.toResponse(fout);
  }

  static boolean vanAndereTenant(Throwable fout) {
    for (Throwable oorzaak = fout; oorzaak != null; oorzaak = oorzaak.getCause()) {
      if (oorzaak.getMessage() != null && oorzaak.getMessage().contains("belongs to no authenticated tenant")) {
        return true;
      }
      if (oorzaak.getCause() == oorzaak) {
        break;
      }
    }
    return false;
  }

  static Response nietGevonden() {
    return Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Map.of("type", "InvalidRequestException", "message", "Niet gevonden", "code", 0)).build();
  }
}
