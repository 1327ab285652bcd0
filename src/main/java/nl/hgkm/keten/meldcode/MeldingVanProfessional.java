package nl.hgkm.keten.meldcode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.hgkm.keten.melding.MelderType;
import nl.hgkm.keten.melding.MeldingValidatie;
import nl.hgkm.keten.melding.MeldingVerzoek;
import nl.hgkm.keten.melding.OngeldigeMeldingException;
import nl.hgkm.keten.api.VeldFout;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * The melding a professional files from a weighing: the body of {@code POST /api/meldingen} with the same checks
 * ({@link MeldingValidatie}), where the reporter is the professional who weighed. What the professional leaves out of
 * {@code melder} comes from their account: type {@code PROFESSIONAL}, their name and email address. A different
 * {@code melder.type} is refused rather than silently changed: the meldcode is the professional's own duty, a report
 * on someone else's behalf goes through Veilig Thuis's own intake.
 */
@Component
class MeldingVanProfessional {

  private final MeldingValidatie validatie;
  private final IdentityService identityService;

  MeldingVanProfessional(MeldingValidatie validatie, IdentityService identityService) {
    this.validatie = validatie;
    this.identityService = identityService;
  }

  /** @throws OngeldigeMeldingException with every field error at once */
  MeldingVerzoek valideer(JsonNode body, String professional) {
    if (body == null || !body.isObject()) {
      return validatie.valideer(body);
    }
    ObjectNode melding = ((ObjectNode) body).deepCopy();
    JsonNode melder = melding.get("melder");
    if (melder == null || melder.isNull()) {
      melder = melding.putObject("melder");
    }
    List<VeldFout> fouten = new ArrayList<>();
    if (melder instanceof ObjectNode opgegeven) {
      vulAan(opgegeven, professional);
      JsonNode type = opgegeven.get("type");
      if (type.isTextual() && !MelderType.PROFESSIONAL.name().equals(type.textValue())) {
        fouten.add(new VeldFout("melder.type", "moet PROFESSIONAL zijn (of ontbreken): een melding uit de "
            + "meldcode-afweging doet de professional die de afweging maakte"));
        opgegeven.put("type", MelderType.PROFESSIONAL.name());
      }
    }
    MeldingVerzoek verzoek;
    try {
      verzoek = validatie.valideer(melding);
    } catch (OngeldigeMeldingException andereFouten) {
      throw new OngeldigeMeldingException(Stream.concat(fouten.stream(), andereFouten.fouten().stream()).toList());
    }
    if (!fouten.isEmpty()) {
      throw new OngeldigeMeldingException(fouten);
    }
    return verzoek;
  }

  private void vulAan(ObjectNode melder, String professional) {
    if (!melder.hasNonNull("type")) {
      melder.put("type", MelderType.PROFESSIONAL.name());
    }
    if (!isLeeg(melder.get("naam")) && !isLeeg(melder.get("email"))) {
      return;
    }
    User account = identityService.createUserQuery().userId(professional).singleResult();
    if (account == null) {
      return;
    }
    String naam = Stream.of(account.getFirstName(), account.getLastName())
        .filter(deel -> deel != null && !deel.isBlank()).collect(Collectors.joining(" "));
    if (isLeeg(melder.get("naam")) && !naam.isBlank()) {
      melder.put("naam", naam);
    }
    if (isLeeg(melder.get("email")) && account.getEmail() != null && !account.getEmail().isBlank()) {
      melder.put("email", account.getEmail());
    }
  }

  private static boolean isLeeg(JsonNode waarde) {
    return waarde == null || waarde.isNull() || (waarde.isTextual() && waarde.textValue().isBlank());
  }
}
