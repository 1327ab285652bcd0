-- The migrations of running cases to a new model version (nl.hgkm.keten.migratie, docs/modellen-wijzigen.md): one
-- row per engine batch started from a release's reviewed plan, so that starting the same migration again while it
-- runs is recognised, and so that it stays known who moved which cases from which version to which. The engine's own
-- batch (Cockpit, Batches) holds progress and failures; this row holds what the engine does not know: the release.
CREATE TABLE migratie_batch (
    batch_id       VARCHAR(64)              NOT NULL,
    release_naam   VARCHAR(50)              NOT NULL,
    proces         VARCHAR(255)             NOT NULL,
    bron_definitie VARCHAR(64)              NOT NULL,
    doel_definitie VARCHAR(64)              NOT NULL,
    aantal         INTEGER                  NOT NULL,
    gestart_door   VARCHAR(255)             NOT NULL,
    gestart_op     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT migratie_batch_pk PRIMARY KEY (batch_id)
);
CREATE INDEX migratie_batch_release ON migratie_batch (release_naam, bron_definitie, doel_definitie);
