package nl.hgkm.keten.huisverbod;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import nl.hgkm.keten.audit.Inzagelog;
import nl.hgkm.keten.kalender.Werkdagenkalender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reading the case file of a huisverbod. Every inspection is itself a line in the audit trail (who looked at which
 * file or document, and when), since the file holds special personal data; and a line in the read-access log
 * ({@link Inzagelog}), also for a read of an unknown case or document.
 */
@Service
class HuisverbodInzage {

  private final HuisverbodRepository dossiers;
  private final ZoneId tijdzone;
  private final TransactionTemplate transactie;
  private final Inzagelog inzagelog;

  HuisverbodInzage(HuisverbodRepository dossiers, Werkdagenkalender kalender,
      PlatformTransactionManager transactionManager, Inzagelog inzagelog) {
    this.dossiers = dossiers;
    this.inzagelog = inzagelog;
    this.tijdzone = kalender.tijdzone();
    this.transactie = new TransactionTemplate(transactionManager);
  }

  HuisverbodDossier dossier(String zaaknummer, String gebruiker) {
    return gelogd(zaaknummer, "Dossier huisverbod", () -> leesDossier(zaaknummer, gebruiker));
  }

  private HuisverbodDossier leesDossier(String zaaknummer, String gebruiker) {
    return transactie.execute(status -> {
      HuisverbodRepository.Huisverbod h = dossiers.huisverbod(zaaknummer).orElseThrow(() -> onbekend(zaaknummer));
      dossiers.audit(zaaknummer, gebruiker, "DOSSIER_INGEZIEN", "Dossier ingezien");
      return new HuisverbodDossier(h.zaaknummer(), h.processInstanceId(), h.externeReferentie(), h.regio(),
          h.gemeente(), lokaal(h.incidentOp()), h.woningAdres(), h.kindermishandeling(), h.plegerMeerderjarig(),
          new HuisverbodDossier.Rihg(h.roodPleger(), h.roodIncident(), h.roodGezin(),
              h.woontOfVerblijftNietIncidenteel(), h.ernstigOnmiddellijkGevaarOordeel()),
          h.feiten(), h.advies(), h.ingediendDoor(), lokaal(h.ingediendOp()),
          h.bereikbaarheid() == null ? null
              : new HuisverbodDossier.Bereikbaarheid(h.bereikbaarheid(), lokaal(h.bereikbaarheidVastgelegdOp())),
          dossiers.personen(zaaknummer).stream()
              .map(p -> new HuisverbodDossier.Persoon(p.rol(), p.naam(), p.geboortedatum(), p.bsn(),
                  p.contactverbod()))
              .toList(),
          dossiers.documenten(zaaknummer).stream()
              .map(d -> new HuisverbodDossier.Document(d.id(), d.soort(), d.titel(), lokaal(d.aangemaaktOp())))
              .toList(),
          dossiers.auditTrail(zaaknummer).stream()
              .map(a -> new HuisverbodDossier.AuditRegel(lokaal(a.tijdstip()), a.actor(), a.soort(),
                  a.omschrijving()))
              .toList());
    });
  }

  /** The text of one document of the case. */
  String documentTekst(String zaaknummer, long documentId, String gebruiker) {
    return gelogd(zaaknummer, "Document " + documentId + " van het huisverbod",
        () -> leesDocument(zaaknummer, documentId, gebruiker));
  }

  private <T> T gelogd(String zaaknummer, String wat, java.util.function.Supplier<T> lezen) {
    T gelezen;
    try {
      gelezen = lezen.get();
    } catch (OnbekendeZaakException onbekend) {
      inzagelog.vastleggen(zaaknummer, wat, Inzagelog.Uitkomst.NIET_GEVONDEN);
      throw onbekend;
    }
    inzagelog.vastleggen(zaaknummer, wat, Inzagelog.Uitkomst.GETOOND);
    return gelezen;
  }

  private String leesDocument(String zaaknummer, long documentId, String gebruiker) {
    return transactie.execute(status -> {
      // Only documents of a huisverbod case: this endpoint's groups have no business with other cases' files.
      dossiers.huisverbod(zaaknummer).orElseThrow(() -> onbekend(zaaknummer));
      HuisverbodRepository.Document document = dossiers.document(zaaknummer, documentId).orElseThrow(() ->
          new OnbekendeZaakException("Huisverbod " + zaaknummer + " heeft geen document " + documentId + "."));
      dossiers.audit(zaaknummer, gebruiker, "DOCUMENT_INGEZIEN",
          "Document " + documentId + " (" + document.soort() + ") ingezien");
      return document.inhoud();
    });
  }

  private static OnbekendeZaakException onbekend(String zaaknummer) {
    return new OnbekendeZaakException("Er is geen huisverbod met zaaknummer " + zaaknummer + ".");
  }

  private OffsetDateTime lokaal(Instant moment) {
    return moment == null ? null : moment.atZone(tijdzone).toOffsetDateTime();
  }
}
