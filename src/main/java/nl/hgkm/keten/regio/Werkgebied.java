package nl.hgkm.keten.regio;

import java.util.Set;

/**
 * Where a user works, as the organisation has it: Veilig Thuis staff in a region, a police officer or hulpofficier in
 * a police unit (which spans one or more regions), a mayor or a local team in municipalities, intake and audit
 * possibly nationally. {@link RegioTenants} turns it into memberships of the regions' tenants
 * (docs/rollen-en-rechten.md).
 *
 * @param regios          Veilig Thuis regions (slugs)
 * @param politieEenheden police units (slugs): every region in the unit
 * @param gemeenten       municipalities (CBS code or name): the region each one is in
 * @param heelNederland   every region
 */
public record Werkgebied(Set<String> regios, Set<String> politieEenheden, Set<String> gemeenten, boolean heelNederland) {

  public Werkgebied {
    regios = Set.copyOf(regios);
    politieEenheden = Set.copyOf(politieEenheden);
    gemeenten = Set.copyOf(gemeenten);
  }

  public static Werkgebied regio(String... slugs) {
    return new Werkgebied(Set.of(slugs), Set.of(), Set.of(), false);
  }

  public static Werkgebied politieEenheden(String... slugs) {
    return new Werkgebied(Set.of(), Set.of(slugs), Set.of(), false);
  }

  public static Werkgebied gemeenten(String... gemeenten) {
    return new Werkgebied(Set.of(), Set.of(), Set.of(gemeenten), false);
  }

  public static Werkgebied landelijk() {
    return new Werkgebied(Set.of(), Set.of(), Set.of(), true);
  }

  /** No region: the professional using the meldcode, the platform administrator. */
  public static Werkgebied geen() {
    return new Werkgebied(Set.of(), Set.of(), Set.of(), false);
  }
}
