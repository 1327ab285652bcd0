package nl.hgkm.keten.engine;

import java.util.Set;
import nl.hgkm.keten.regio.Regios;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;

/**
 * Every case belongs to the Camunda tenant of its Veilig Thuis region (tenant id = region slug, contract §6); the
 * definitions are shared (deployed without tenant), so the engine asks this provider for each new instance:
 * <ol>
 *   <li>a called process (hulpaanbod, monitoring, terugkoppeling) gets the tenant of the process that calls it;</li>
 *   <li>otherwise the tenant is the start variable {@code regio}, which must name a known region;</li>
 *   <li>without either, the start is refused: a case of no region would be visible to every region.</li>
 * </ol>
 * The one process that is no case of a region, the professional's meldcode weighing, starts without tenant: it
 * belongs to the professional, who is of no region (docs/rollen-en-rechten.md). Jobs, timers, tasks, variables,
 * incidents and history of an instance carry its tenant by the engine's design.
 * Decisions evaluated in a process get the process's tenant; a decision evaluated outside a process gets the region
 * the caller names with {@link BeslissingsRegio}.
 */
public class RegioTenantIdProvider implements TenantIdProvider {

  /** Processes that are no case of a Veilig Thuis region. */
  static final Set<String> ZONDER_REGIO = Set.of("meldcode-afweging");

  private final Regios regios;

  public RegioTenantIdProvider(Regios regios) {
    this.regios = regios;
  }

  @Override
  public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext ctx) {
    DelegateExecution ouder = ctx.getSuperExecution();
    if (ouder != null && ouder.getTenantId() != null) {
      return ouder.getTenantId();
    }
    String proces = ctx.getProcessDefinition().getKey();
    if (ZONDER_REGIO.contains(proces)) {
      return null;
    }
    Object regio = ctx.getVariables() == null ? null : ctx.getVariables().get("regio");
    if (regio instanceof String slug && regios.bestaat(slug)) {
      return slug;
    }
    throw new ProcessEngineException("Een zaak start niet zonder Veilig Thuis-regio: proces '" + proces + "' kreeg "
        + (regio == null ? "geen variabele regio" : "regio '" + regio + "', geen bekende regio")
        + " en wordt niet door een zaak van een regio aangeroepen");
  }

  @Override
  public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext ctx) {
    return null;
  }

  @Override
  public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext ctx) {
    if (ctx.getExecution() != null) {
      return ctx.getExecution().getTenantId();
    }
    return BeslissingsRegio.huidige();
  }
}
