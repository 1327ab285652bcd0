package nl.hgkm.keten.huisverbod;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Set;
import nl.hgkm.keten.audit.Inzagelog;
import nl.hgkm.keten.kalender.Werkdagenkalender;
import nl.hgkm.keten.regio.RegioToegang;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;

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
  private final RegioToegang regioToegang;

  HuisverbodInzage(HuisverbodRepository dossiers, Werkdagenkalender kalender,
      PlatformTransactionManager transactionManager, Inzagelog inzagelog, RegioToegang regioToegang) {
    this.dossiers = dossiers;
    this.regioToegang = regioToegang;
    this.inzagelog = inzagelog;
    this.tijdzone = kalender.tijdzone();
    this.transactie = new TransactionTemplate(transactionManager);
  }

  HuisverbodDossier dossier(String zaaknummer, String gebruiker) {
    return gelogd(zaaknummer, "Dossier huisverbod", () -> leesDossier(zaaknummer, gebruiker));
  }

  /** The case, when it exists and is of one of the user's regions; a user of no region learns nothing at all. */
  private HuisverbodRepository.Huisverbod zichtbaar(String zaaknummer, String gebruiker) {
    Set<String> regios = regioToegang.vereisRegio(gebruiker);
    HuisverbodRepository.Huisverbod h = dossiers.huisverbod(zaaknummer).orElseThrow(() -> onbekend(zaaknummer));
    if (!regios.contains(h.regio())) {
      throw new ZaakVanAndereRegioException(zaaknummer);
    }
    return h;
  }

  private HuisverbodDossier leesDossier(String zaaknummer, String gebruiker) {
    return transactie.execute(status -> {
      HuisverbodRepository.Huisverbod h = zichtbaar(zaaknummer, gebruiker);
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
    } catch (ZaakVanAndereRegioException andereRegio) {
      inzagelog.vastleggen(zaaknummer, wat, Inzagelog.Uitkomst.GEWEIGERD);
      throw andereRegio;
    } catch (OnbekendeZaakException onbekend) {
      inzagelog.vastleggen(zaaknummer, wat, Inzagelog.Uitkomst.NIET_GEVONDEN);
      throw onbekend;
    } catch (ErrorResponseException geweigerd) {
      inzagelog.vastleggen(zaaknummer, wat, Inzagelog.Uitkomst.GEWEIGERD);
      throw geweigerd;
    }
    inzagelog.vastleggen(zaaknummer, wat, Inzagelog.Uitkomst.GETOOND);
    return gelezen;
  }

  private String leesDocument(String zaaknummer, long documentId, String gebruiker) {
    return transactie.execute(status -> {
      // Only documents of a huisverbod case: this endpoint's groups have no business with other cases' files.
      zichtbaar(zaaknummer, gebruiker);
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
