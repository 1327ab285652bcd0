-- A document written by a process step carries the step's request id (zaaknummer.activityId.executionId), so that
-- the step run again on the same execution reuses its document instead of writing a second one. Null for
-- documents not written by a process step.
alter table zaak_document add column verzoek_id varchar(200);
create unique index uq_zaak_document_verzoek on zaak_document (verzoek_id);
