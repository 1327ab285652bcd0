-- The mail journal: one row per outgoing message id (Mail.berichtId, also the Message-ID), so that a mail is sent
-- once even when the step that sent it runs again. SMTP has no idempotency key: a job whose transaction fails after
-- the send (an optimistic-locking conflict with a parallel branch, on one node or on two) is retried, and without
-- this journal the recipient would get the mail twice. Written in transactions of its own (notificatie.MailJournaal).
--   status BEZIG: a node claimed the message at geclaimd_op and is sending it; a claim older than the lease
--                 (keten.mail.claim-duur) belongs to a node that crashed mid-send and may be taken over.
--   status VERZONDEN: the SMTP server accepted it at verzonden_op; a repeated send is skipped.
CREATE TABLE verzonden_mail (
    bericht_id   VARCHAR(300)             NOT NULL,
    status       VARCHAR(10)              NOT NULL,
    geclaimd_op  TIMESTAMP WITH TIME ZONE NOT NULL,
    geclaimd_door VARCHAR(100)            NOT NULL,
    verzonden_op TIMESTAMP WITH TIME ZONE,
    CONSTRAINT verzonden_mail_pk PRIMARY KEY (bericht_id),
    CONSTRAINT verzonden_mail_status CHECK (status IN ('BEZIG', 'VERZONDEN'))
);
