package nl.hgkm.keten.regio;

/**
 * A Veilig Thuis region: reference data and its mailboxes.
 *
 * @param slug             the region's id in the API ({@code haaglanden}) and the Camunda tenant id of its cases
 * @param naam             the organisation's name ("Veilig Thuis Haaglanden")
 * @param veiligheidsregio CBS code of the veiligheidsregio it follows (VR15)
 * @param politieEenheid   slug of the police unit whose area holds it ({@code den-haag})
 * @param teamleiderEmail  the team leaders' mailbox; null when none is configured
 * @param intakeEmail      the intake mailbox; null when none is configured
 */
public record Regio(String slug, String naam, String veiligheidsregio, String politieEenheid, String teamleiderEmail,
    String intakeEmail) {

  /** Where Veilig Thuis takes in news about a case of the region: the intake, else the team leaders. */
  public String intakeOfTeamleiderEmail() {
    return intakeEmail != null && !intakeEmail.isBlank() ? intakeEmail : teamleiderEmail;
  }
}
