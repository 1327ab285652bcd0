package nl.hgkm.keten.huisverbod;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import nl.hgkm.keten.engine.OngeldigeTaakInvoerException;
import nl.hgkm.keten.engine.ProcesBean;
import nl.hgkm.keten.kalender.Klok;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The police record where the uithuisgeplaatste can be reached (Wth art. 2(6)) in the case file. */
@Component("bereikbaarheidOpslaan")
@ProcesBean
class BereikbaarheidOpslaan implements TaskListener {

  private final JdbcClient jdbc;
  private final Klok klok;

  BereikbaarheidOpslaan(JdbcClient jdbc, Klok klok) {
    this.jdbc = jdbc;
    this.klok = klok;
  }

  @Override
  public void notify(DelegateTask taak) {
    if (!(taak.getVariable("bereikbaarheidsadres") instanceof String adres) || adres.isBlank()) {
      throw new OngeldigeTaakInvoerException("bereikbaarheidsadres is verplicht (Wth art. 2 lid 6)");
    }
    if (adres.length() > 300) {
      throw new OngeldigeTaakInvoerException("bereikbaarheidsadres is langer dan 300 tekens");
    }
    jdbc.sql("""
            update huisverbod set bereikbaarheid = :adres, bereikbaarheid_vastgelegd_op = :op
            where zaaknummer = :zaak""")
        .param("adres", adres.strip())
        .param("op", OffsetDateTime.ofInstant(klok.nu(), ZoneOffset.UTC))
        .param("zaak", taak.getExecution().getVariable("zaaknummer"))
        .update();
    taak.getExecution().setVariable("bereikbaarheidBekend", true);
  }
}
