package nl.hgkm.keten.identiteit;

import java.util.List;

/** The engine's group ids (contract §2). A user sees and works only the tasks of its own groups. */
public final class Groepen {
  public static final String VT_INTAKE = "vt-intake";
  public static final String VT_MEDEWERKER = "vt-medewerker";
  public static final String VT_TEAMLEIDER = "vt-teamleider";
  public static final String VERTROUWENSARTS = "vertrouwensarts";
  public static final String POLITIE = "politie";
  public static final String HULPOFFICIER = "hulpofficier";
  public static final String BURGEMEESTER = "burgemeester";
  public static final String WIJKTEAM = "wijkteam";
  public static final String PROFESSIONAL = "professional";
  public static final String AUDITOR = "auditor";
  /** The privacy officer (functionaris gegevensbescherming): data-subject requests, docs/privacy.md. */
  public static final String PRIVACYFUNCTIONARIS = "privacyfunctionaris";
  public static final String CAMUNDA_ADMIN = "camunda-admin";

  /** The Veilig Thuis roles: the only ones that see the protected identity of an anonymous reporter. */
  public static final List<String> VEILIG_THUIS = List.of(VT_INTAKE, VT_MEDEWERKER, VT_TEAMLEIDER, VERTROUWENSARTS);

  private Groepen() {}
}
