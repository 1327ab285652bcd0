package nl.hgkm.keten.privacy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Everything this installation holds about one person (AVG art. 15): per case the person's own data, the reports and
 * orders about them, documents, contacts, what was done with the file, who received data, and how long it is kept.
 * What belongs to someone else is left out: the identity of a reporter promised anonymity (AVG art. 15(4)), and the
 * other persons of the case (one family file: each person sees what concerns them).
 */
public record InzageDocument(OffsetDateTime opgesteldOp, String opgesteldDoor, List<String> persoonssleutels,
    List<Zaak> zaken, String procesengine, String rechten) {

  public record Zaak(String zaaknummer, String zaaktype, String regio, OffsetDateTime aangemaaktOp, boolean lopend,
      OffsetDateTime afgeslotenOp, LocalDate bewarenTot, List<Persoonsgegevens> persoonsgegevens,
      List<Melding> meldingen, Huisverbod huisverbod, List<Document> documenten, List<Contact> contacten,
      List<Verwerking> verwerkingen, List<String> ontvangers) {}

  public record Persoonsgegevens(String rol, String naam, LocalDate geboortedatum, String bsn,
      String persoonssleutel) {}

  public record Melding(OffsetDateTime ontvangenOp, String categorie, String melderType, String melder,
      String signalen, String omschrijving) {}

  public record Huisverbod(String gemeente, OffsetDateTime incidentOp, String woning, String advies,
      String feiten) {}

  public record Document(String soort, String titel, OffsetDateTime aangemaaktOp) {}

  public record Contact(OffsetDateTime vastgelegdOp, boolean contactGelegd, boolean hulpAanvaard,
      String toelichting) {}

  public record Verwerking(OffsetDateTime tijdstip, String soort, String omschrijving) {}
}
