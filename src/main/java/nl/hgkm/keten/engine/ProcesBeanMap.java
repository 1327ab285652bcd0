package nl.hgkm.keten.engine;

import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationContext;

/**
 * The engine's view of the Spring context: a read-only map that resolves only beans marked {@link ProcesBean}.
 * Resolved lazily, so delegates may depend on engine services without a cycle at engine start.
 */
class ProcesBeanMap extends AbstractMap<Object, Object> {

  private final ApplicationContext context;

  ProcesBeanMap(ApplicationContext context) {
    this.context = context;
  }

  @Override
  public boolean containsKey(Object key) {
    return key instanceof String naam
        && context.containsBean(naam)
        && context.findAnnotationOnBean(naam, ProcesBean.class) != null;
  }

  @Override
  public Object get(Object key) {
    return containsKey(key) ? context.getBean((String) key) : null;
  }

  @Override
  public Set<Entry<Object, Object>> entrySet() {
    return Arrays.stream(context.getBeanNamesForAnnotation(ProcesBean.class))
        .map(naam -> (Entry<Object, Object>) new SimpleImmutableEntry<Object, Object>(naam, context.getBean(naam)))
        .collect(Collectors.toUnmodifiableSet());
  }
}
