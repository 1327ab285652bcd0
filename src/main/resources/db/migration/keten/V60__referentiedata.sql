-- Reference data for the whole country (issue 9): the 10 regional police units, the 25 Veilig Thuis regions (which
-- follow the veiligheidsregio's, Wet veiligheidsregio's art. 8 and bijlage) and every municipality, with the dates
-- between which a row holds, so that the municipal mergers of 1 January are a data change: a new migration closes
-- the merged municipalities (geldig_tot, opgegaan_in) and adds the new one. V61 fills the tables from the versioned
-- source files in src/main/resources/referentiedata/ (docs/referentiedata.md). Portable SQL (H2, PostgreSQL).

create table politie_eenheid (
  slug  varchar(40)  not null,
  naam  varchar(100) not null,
  constraint pk_politie_eenheid primary key (slug)
);

-- A Veilig Thuis region; its slug is the Camunda tenant id of its cases (contract §6).
create table vt_regio (
  slug             varchar(64)  not null,
  naam             varchar(100) not null,
  -- CBS code of the veiligheidsregio (VR01-VR25) the region follows.
  veiligheidsregio varchar(4)   not null,
  -- The police unit's area follows the veiligheidsregio's (Politiewet 2012 art. 25(2)).
  politie_eenheid  varchar(40)  not null,
  constraint pk_vt_regio primary key (slug),
  constraint uq_vt_regio_vr unique (veiligheidsregio),
  constraint fk_vt_regio_eenheid foreign key (politie_eenheid) references politie_eenheid (slug)
);

create table gemeente (
  -- CBS gemeentecode, GM and four digits.
  gemeentecode varchar(6)   not null,
  geldig_vanaf date         not null,
  -- The first day the row no longer holds (a merger on 1 January: that 1 January); null while it holds.
  geldig_tot   date,
  -- The name as CBS writes it ('s-Gravenhage, Súdwest-Fryslân, Bergen (NH.)).
  naam         varchar(100) not null,
  -- Lower case, ASCII, hyphens: what clients send (s-gravenhage, sudwest-fryslan, bergen-nh).
  slug         varchar(100) not null,
  regio        varchar(64)  not null,
  -- The mayor's office: the authority for a tijdelijk huisverbod where the home lies (Wth art. 2(1)).
  burgemeester varchar(150) not null,
  -- After a merger: the gemeentecode of the municipality it became part of.
  opgegaan_in  varchar(6),
  constraint pk_gemeente primary key (gemeentecode, geldig_vanaf),
  constraint fk_gemeente_regio foreign key (regio) references vt_regio (slug),
  constraint ck_gemeente_code check (gemeentecode like 'GM____'),
  constraint ck_gemeente_geldig check (geldig_tot is null or geldig_tot > geldig_vanaf)
);
create index ix_gemeente_slug on gemeente (slug);

-- Other spellings people type (den-haag for 's-Gravenhage, hengelo for Hengelo (O.)), as slugs.
create table gemeente_spelling (
  spelling     varchar(100) not null,
  gemeentecode varchar(6)   not null,
  constraint pk_gemeente_spelling primary key (spelling, gemeentecode)
);
