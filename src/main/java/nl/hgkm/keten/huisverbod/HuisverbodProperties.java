package nl.hgkm.keten.huisverbod;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Terms of the tijdelijk huisverbod. The 10 days and 4 weeks are law (Wth art. 2(1), 9(1)) and counted in calendar
 * days (art. 13); they live here so that no model or class holds a literal. The others are parameters.
 *
 * @param duurDagen          duration of an order in calendar days (art. 2(1): 10)
 * @param maximaleDuurDagen  latest end of an extended order, in days after imposition (art. 9(1): four weeks)
 * @param evaluatieNaDagen   when the burgemeester evaluates, in days after imposition (parameter, default 8)
 * @param bereikbaarheid     art. 2(6): the uithuisgeplaatste states where he can be reached within 24 hours
 * @param raadsman           art. 5(1): counsel within 24 hours of a request
 * @param zittingDagen       art. 6: hearing of the interim-relief request within 3 days
 * @param eersteContact      first contact of the care agency with every person (regional agreement, default 24 h)
 * @param besluit            due time of decisions and follow-up tasks during an order
 * @param overleg            due time of the consultation with Veilig Thuis before imposing (art. 2(3))
 * @param tasklistUrl        where the burgemeester finds the case's tasks; named in the mails
 */
@ConfigurationProperties("keten.huisverbod")
public record HuisverbodProperties(
    Integer duurDagen,
    Integer maximaleDuurDagen,
    Integer evaluatieNaDagen,
    Duration bereikbaarheid,
    Duration raadsman,
    Integer zittingDagen,
    Duration eersteContact,
    Duration besluit,
    Duration overleg,
    String tasklistUrl) {

  public HuisverbodProperties {
    duurDagen = duurDagen == null ? 10 : duurDagen;
    maximaleDuurDagen = maximaleDuurDagen == null ? 28 : maximaleDuurDagen;
    evaluatieNaDagen = evaluatieNaDagen == null ? 8 : evaluatieNaDagen;
    bereikbaarheid = bereikbaarheid == null ? Duration.ofHours(24) : bereikbaarheid;
    raadsman = raadsman == null ? Duration.ofHours(24) : raadsman;
    zittingDagen = zittingDagen == null ? 3 : zittingDagen;
    eersteContact = eersteContact == null ? Duration.ofHours(24) : eersteContact;
    besluit = besluit == null ? Duration.ofHours(4) : besluit;
    overleg = overleg == null ? Duration.ofHours(2) : overleg;
    tasklistUrl = tasklistUrl == null ? "/camunda/app/tasklist/" : tasklistUrl;
    if (evaluatieNaDagen >= duurDagen) {
      throw new IllegalArgumentException("keten.huisverbod.evaluatie-na-dagen moet voor het einde liggen");
    }
  }
}
