package nl.hgkm.keten.regio;

import java.util.Set;
import java.util.TreeSet;
import nl.hgkm.keten.gemeente.Gemeente;
import nl.hgkm.keten.gemeente.Gemeenten;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * One Camunda tenant per Veilig Thuis region, id = the region's slug (contract §6), created on every start for the
 * regions of the reference data that have none yet; and the memberships that follow from a user's
 * {@link Werkgebied}. A user sees a case's tasks, instances, history and incidents only as a member of its
 * region's tenant (the engine's tenant check), whatever the user's groups.
 */
@Component
public class RegioTenants {

  private static final Logger LOG = LoggerFactory.getLogger(RegioTenants.class);

  private final IdentityService identityService;
  private final Regios regios;
  private final Gemeenten gemeenten;

  RegioTenants(IdentityService identityService, Regios regios, Gemeenten gemeenten) {
    this.identityService = identityService;
    this.regios = regios;
    this.gemeenten = gemeenten;
  }

  /** Before the demo users (which become members) and anything that starts a case. */
  @EventListener(ApplicationReadyEvent.class)
  @Order(Ordered.HIGHEST_PRECEDENCE + 50)
  public void richtIn() {
    int nieuw = 0;
    for (String slug : regios.slugs()) {
      if (identityService.createTenantQuery().tenantId(slug).count() == 0) {
        Tenant tenant = identityService.newTenant(slug);
        tenant.setName(regios.regio(slug).orElseThrow().naam());
        identityService.saveTenant(tenant);
        nieuw++;
      }
    }
    if (nieuw > 0) {
      LOG.info("{} tenant(s) voor Veilig Thuis-regio's aangemaakt", nieuw);
    }
  }

  /** The regions (tenant ids) of a work area, sorted; unknown regions, units or municipalities are an error. */
  public Set<String> regios(Werkgebied gebied) {
    Set<String> uit = new TreeSet<>();
    if (gebied.heelNederland()) {
      uit.addAll(regios.slugs());
    }
    for (String regio : gebied.regios()) {
      if (!regios.bestaat(regio)) {
        throw new IllegalArgumentException("Onbekende Veilig Thuis-regio " + regio);
      }
      uit.add(regio);
    }
    for (String eenheid : gebied.politieEenheden()) {
      Set<String> inEenheid = new TreeSet<>();
      regios.slugs().stream().filter(r -> eenheid.equals(regios.regio(r).orElseThrow().politieEenheid()))
          .forEach(inEenheid::add);
      if (inEenheid.isEmpty()) {
        throw new IllegalArgumentException("Onbekende politie-eenheid " + eenheid);
      }
      uit.addAll(inEenheid);
    }
    for (String gemeente : gebied.gemeenten()) {
      uit.add(gemeenten.vind(gemeente).map(Gemeente::regio)
          .orElseThrow(() -> new IllegalArgumentException("Onbekende gemeente " + gemeente)));
    }
    return uit;
  }

  /** Makes the user a member of the tenant of every region of the work area (adds only what is missing). */
  public void maakLid(String gebruiker, Werkgebied gebied) {
    for (String regio : regios(gebied)) {
      if (identityService.createTenantQuery().tenantId(regio).userMember(gebruiker).count() == 0) {
        identityService.createTenantUserMembership(regio, gebruiker);
      }
    }
  }
}
