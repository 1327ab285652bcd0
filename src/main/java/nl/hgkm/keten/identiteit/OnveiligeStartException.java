package nl.hgkm.keten.identiteit;

import java.util.List;
import java.util.stream.Collectors;

/** The production start is refused: the message names every account, in Dutch and in English. */
public class OnveiligeStartException extends IllegalStateException {

  static final String HERSTEL_NL = "Wijzig deze wachtwoorden of verwijder deze accounts en start opnieuw; "
      + "zie docs/rollen-en-rechten.md, 'Startcontrole in productie'.";
  static final String HERSTEL_EN = "Change these passwords or remove these accounts, then start again; "
      + "see docs/rollen-en-rechten.md, 'Startcontrole in productie'.";

  private final List<StandaardWachtwoorden.Bezwaar> bezwaren;

  OnveiligeStartException(List<StandaardWachtwoorden.Bezwaar> bezwaren) {
    super(bericht(bezwaren));
    this.bezwaren = List.copyOf(bezwaren);
  }

  OnveiligeStartException(String nederlands, String engels) {
    super("Start geweigerd (profiel prod): " + nederlands + "\nStartup refused (profile prod): " + engels);
    this.bezwaren = List.of();
  }

  public List<StandaardWachtwoorden.Bezwaar> bezwaren() {
    return bezwaren;
  }

  private static String bericht(List<StandaardWachtwoorden.Bezwaar> bezwaren) {
    return "Start geweigerd (profiel prod): onveilige accounts.\n"
        + bezwaren.stream().map(b -> "  - " + b.nederlands()).collect(Collectors.joining("\n")) + "\n"
        + HERSTEL_NL + "\n"
        + "Startup refused (profile prod): insecure accounts.\n"
        + bezwaren.stream().map(b -> "  - " + b.engels()).collect(Collectors.joining("\n")) + "\n"
        + HERSTEL_EN;
  }
}
