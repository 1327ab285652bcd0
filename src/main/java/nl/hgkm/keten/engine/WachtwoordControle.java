package nl.hgkm.keten.engine;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.springframework.stereotype.Component;

/**
 * Does a user of the engine's own identity store have this password? Compares against the stored salted hash,
 * read only. {@code IdentityService.checkPassword} is no option for a start check: every miss counts as a failed
 * login, and after {@code loginMaxAttempts} the (administrator's) account is locked.
 */
@Component
public class WachtwoordControle {

  private final IdentityService identityService;
  private final ProcessEngineConfigurationImpl configuratie;

  WachtwoordControle(ProcessEngine processEngine) {
    this.identityService = processEngine.getIdentityService();
    this.configuratie = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
  }

  /** False for unknown users and for identity stores that are not the engine's database (LDAP). */
  public boolean heeftWachtwoord(String gebruikerId, String wachtwoord) {
    if (identityService.isReadOnly()) {
      return false;
    }
    User gebruiker = identityService.createUserQuery().userId(gebruikerId).singleResult();
    if (!(gebruiker instanceof UserEntity entiteit) || entiteit.getPassword() == null) {
      return false;
    }
    String gezouten = EncryptionUtil.saltPassword(wachtwoord, entiteit.getSalt());
    return configuratie.getPasswordManager().check(gezouten, entiteit.getPassword());
  }
}
