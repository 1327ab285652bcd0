package nl.hgkm.keten.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The benchmark's explanation of chain versus bare engine rests on sorting each statement into the right group. */
class SqlTellerTest {

  @Test
  void engineTabellenNaarHunGroepEnWerkwoord() {
    assertThat(SqlTeller.soort("insert into ACT_HI_VARINST (ID_, ...) values (?, ...)"))
        .isEqualTo("engine: historie (ACT_HI_*)|insert");
    assertThat(SqlTeller.soort("  update ACT_RU_EXECUTION set REV_ = ? where ID_ = ? and REV_ = ?"))
        .isEqualTo("engine: runtime (ACT_RU_*)|update");
    assertThat(SqlTeller.soort("select * from ACT_ID_USER where ID_ = ?"))
        .isEqualTo("engine: gebruikers en groepen (ACT_ID_*)|select");
    assertThat(SqlTeller.soort("DELETE FROM act_ge_bytearray WHERE id_ = ?"))
        .isEqualTo("engine: bytearrays, eigenschappen (ACT_GE_*)|delete");
  }

  @Test
  void eenSelectDieAutorisatiesRaadpleegtIsEenAutorisatiecontrole() {
    assertThat(SqlTeller.soort("select distinct RES.* from ACT_RU_TASK RES left join (select A.* from "
        + "ACT_RU_AUTHORIZATION A where A.TYPE_ < 2) AUTH on (AUTH.RESOURCE_ID_ in (RES.ID_, '*'))"))
        .isEqualTo("engine: autorisatiecontroles|select");
  }

  @Test
  void eigenTabellenSessiesEnDeRest() {
    assertThat(SqlTeller.soort("insert into audit_gebeurtenis (zaaknummer, tijdstip) values (?, ?)"))
        .isEqualTo("project: dossier, audit, radar, journaal|insert");
    assertThat(SqlTeller.soort("UPDATE SPRING_SESSION SET LAST_ACCESS_TIME = ? WHERE PRIMARY_ID = ?"))
        .isEqualTo("webapp-sessies (SPRING_SESSION*)|update");
    assertThat(SqlTeller.soort("call next value for seq")).isEqualTo("overig|overig");
  }
}
