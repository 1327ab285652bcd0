package nl.hgkm.keten.meldcode;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer of {@code POST /api/meldcode/afweging} (contract §5): where the weighing stands. Beyond the contract's
 * three fields it says in Dutch what the outcome means and which question comes next, so a client can show both.
 *
 * @param volgendeAfweging the next question (1-5), or null when the weighing asks none here; always in the JSON
 * @param volgendeVraag    the text of the next question to answer in this record, or null
 * @param melden           the outcome is to report to Veilig Thuis: {@code POST .../{afwegingId}/melding} files it
 * @param zaaknummer       the case the weighing's melding went to, once filed
 */
public record AfwegingUitkomst(
    String afwegingId,
    Besluit besluit,
    @JsonInclude(JsonInclude.Include.ALWAYS) Integer volgendeAfweging,
    String uitkomst,
    String volgendeVraag,
    boolean melden,
    String zaaknummer) {

  static AfwegingUitkomst van(String afwegingId, Afwegingskader.Stand stand, String zaaknummer) {
    Afwegingsvraag volgende = stand.volgendeVraag();
    String uitkomst = stand.besluit() == Besluit.IN_AFWEGING && volgende != null
        ? "De afweging loopt nog: beantwoord " + volgende.aanduiding() + "."
        : stand.besluit().tekst();
    return new AfwegingUitkomst(afwegingId, stand.besluit(), stand.volgendeAfweging(), uitkomst,
        volgende == null ? null : volgende.vraag(), stand.besluit().melden(), zaaknummer);
  }
}
