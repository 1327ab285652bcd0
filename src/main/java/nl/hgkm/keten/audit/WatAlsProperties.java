package nl.hgkm.keten.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The bounds of the decision what-if replay ({@code keten.wat-als.*}, docs/wat-als.md).
 *
 * @param maximumEvaluaties   a period with more evaluations of the key is refused (400): about two years of national
 *                            volume of one table (≈130k a year)
 * @param directTot           a request without {@code achtergrond=true} over at most this many evaluations is answered
 *                            at once (200, the contract's synchronous answer); a larger one runs in the background
 *                            (202 with the run's address)
 * @param paginagrootte       evaluations read from history per page
 * @param maximumGetoond      changed evaluations listed in one answer (the counts cover them all)
 * @param maximumNietVergelijkbaar evaluations that could not be compared listed in one answer (counted per column)
 * @param wachtrij            background runs that may wait while one runs; more are refused (503)
 * @param bewaren             how long a finished run's answer stays available on the node that ran it
 */
@ConfigurationProperties("keten.wat-als")
public record WatAlsProperties(
    @DefaultValue("260000") long maximumEvaluaties,
    @DefaultValue("2000") long directTot,
    @DefaultValue("500") int paginagrootte,
    @DefaultValue("2000") int maximumGetoond,
    @DefaultValue("500") int maximumNietVergelijkbaar,
    @DefaultValue("2") int wachtrij,
    @DefaultValue("PT2H") Duration bewaren) {}
