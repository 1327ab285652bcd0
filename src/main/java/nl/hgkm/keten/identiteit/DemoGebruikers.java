package nl.hgkm.keten.identiteit;

import java.util.List;

/**
 * The demo users of contract §2: one per group, password {@value #WACHTWOORD}. Seeded only in the {@code demo}
 * profile; {@link ProdStartControle} refuses to start {@code prod} while any of them still has that password.
 */
public final class DemoGebruikers {

  public static final String WACHTWOORD = "demo";

  public record DemoGebruiker(String id, String groep, String voornaam, String achternaam) {
    public String email() {
      return id + "@demo.keten-hgkm.example";
    }
  }

  public static final List<DemoGebruiker> ALLE = List.of(
      new DemoGebruiker("intake", Groepen.VT_INTAKE, "Iris", "de Vries"),
      new DemoGebruiker("medewerker", Groepen.VT_MEDEWERKER, "Mehmet", "Yilmaz"),
      new DemoGebruiker("teamleider", Groepen.VT_TEAMLEIDER, "Tineke", "Jansen"),
      new DemoGebruiker("arts", Groepen.VERTROUWENSARTS, "Anouk", "van Dijk"),
      new DemoGebruiker("agent", Groepen.POLITIE, "Arjen", "Visser"),
      new DemoGebruiker("hovj", Groepen.HULPOFFICIER, "Hanneke", "Smit"),
      new DemoGebruiker("burgemeester", Groepen.BURGEMEESTER, "Bram", "de Boer"),
      new DemoGebruiker("wijkteam", Groepen.WIJKTEAM, "Wendy", "Mulder"),
      new DemoGebruiker("professional", Groepen.PROFESSIONAL, "Pieter", "Bos"),
      new DemoGebruiker("auditor", Groepen.AUDITOR, "Anton", "Meijer"),
      new DemoGebruiker("privacy", Groepen.PRIVACYFUNCTIONARIS, "Priya", "Kramer"),
      new DemoGebruiker("demo", Groepen.CAMUNDA_ADMIN, "Demo", "Beheerder"));

  private DemoGebruikers() {}
}
