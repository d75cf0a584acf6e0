-- Which plugin handler handled which event: redelivered events are skipped (at-least-once bus,
-- effectively-once handling).
CREATE TABLE event_handled (
    plugin_id  varchar(64)  NOT NULL,
    handler    varchar(300) NOT NULL,
    event_id   uuid         NOT NULL,
    handled_at timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (plugin_id, handler, event_id)
);

-- Events a plugin handler failed on. RETRYING: automatic retries after 1, 2 and 4 s; FAILED: they
-- all failed and the event went to dlq.<topic>; PENDING: someone asked for another attempt;
-- RESOLVED: a later attempt succeeded (or someone settled it).
CREATE TABLE dead_letter (
    id              uuid          PRIMARY KEY,
    event_id        uuid          NOT NULL,
    topic           varchar(249)  NOT NULL,
    tenant_id       uuid          NOT NULL,
    plugin_id       varchar(64)   NOT NULL,
    handler         varchar(300)  NOT NULL,
    envelope        text          NOT NULL,
    status          varchar(10)   NOT NULL CHECK (status IN ('PENDING', 'RETRYING', 'FAILED', 'RESOLVED')),
    attempts        integer       NOT NULL,
    last_error      text,
    created_at      timestamptz   NOT NULL DEFAULT now(),
    updated_at      timestamptz   NOT NULL DEFAULT now(),
    next_attempt_at timestamptz,
    UNIQUE (plugin_id, handler, event_id)
);
CREATE INDEX dead_letter_due_idx ON dead_letter (status, next_attempt_at);
CREATE INDEX dead_letter_tenant_idx ON dead_letter (tenant_id, created_at);
