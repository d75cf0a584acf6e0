-- plexica_core on a database cluster other than the main one (decision 0019): only the queues that
-- a tenant's unit of work writes in its own transaction, so that they commit with the tenant's data
-- on the cluster holding it. The same tables as on the main cluster (core V4, V10); each cluster's
-- are relayed and mailed by every node like the main cluster's.
CREATE TABLE event_outbox (
    seq        bigserial     PRIMARY KEY,
    id         uuid          NOT NULL UNIQUE,
    topic      varchar(249)  NOT NULL,
    tenant_id  uuid          NOT NULL,
    envelope   text          NOT NULL,
    created_at timestamptz   NOT NULL DEFAULT now()
);

CREATE TABLE invitation_mail (
    invitation_id   uuid         PRIMARY KEY,
    tenant_id       uuid         NOT NULL,
    workspace_id    uuid         NOT NULL,
    invited_by      varchar(255) NOT NULL,
    ticket          uuid         NOT NULL,
    attempts        integer      NOT NULL DEFAULT 0,
    next_attempt_at timestamptz  NOT NULL,
    last_error      text,
    queued_at       timestamptz  NOT NULL
);
CREATE INDEX invitation_mail_due_idx ON invitation_mail (next_attempt_at);
