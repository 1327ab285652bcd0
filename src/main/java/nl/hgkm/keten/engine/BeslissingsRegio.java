package nl.hgkm.keten.engine;

import java.util.function.Supplier;

/**
 * The region a decision evaluated outside a process belongs to (the intake's onveiligheid, the radar
 * classification): its history then carries that region's tenant, and another region does not see it
 * ({@link RegioTenantIdProvider}).
 */
public final class BeslissingsRegio {

  private static final ThreadLocal<String> HUIDIGE = new ThreadLocal<>();

  private BeslissingsRegio() {}

  /** Evaluates within the given region (slug); the history of every decision evaluated in it gets that tenant. */
  public static <T> T binnen(String regio, Supplier<T> evaluatie) {
    String vorige = HUIDIGE.get();
    HUIDIGE.set(regio);
    try {
      return evaluatie.get();
    } finally {
      if (vorige == null) {
        HUIDIGE.remove();
      } else {
        HUIDIGE.set(vorige);
      }
    }
  }

  static String huidige() {
    return HUIDIGE.get();
  }
}
