-- Global registry of tenants and the step-by-step log of their provisioning.
CREATE TABLE tenant (
    id          uuid         PRIMARY KEY,
    slug        varchar(63)  NOT NULL,
    name        varchar(200) NOT NULL,
    status      varchar(16)  NOT NULL
        CHECK (status IN ('PROVISIONING', 'ACTIVE', 'SUSPENDED', 'FAILED', 'DELETED')),
    schema_name varchar(63)  NOT NULL,
    settings    jsonb        NOT NULL DEFAULT '{}'::jsonb,
    created_at  timestamptz  NOT NULL,
    updated_at  timestamptz  NOT NULL,
    purged_at   timestamptz,
    version     bigint       NOT NULL DEFAULT 0
);

-- A slug (and its schema) can be taken again only once the tenant that held it is purged.
CREATE UNIQUE INDEX tenant_slug_unpurged ON tenant (slug) WHERE purged_at IS NULL;
CREATE UNIQUE INDEX tenant_schema_unpurged ON tenant (schema_name) WHERE purged_at IS NULL;
CREATE INDEX tenant_status_idx ON tenant (status);
CREATE INDEX tenant_created_idx ON tenant (created_at);

CREATE TABLE provisioning_step (
    id           uuid        PRIMARY KEY,
    tenant_id    uuid        NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    attempt      integer     NOT NULL,
    position     integer     NOT NULL,
    step         varchar(64) NOT NULL,
    status       varchar(16) NOT NULL CHECK (status IN ('RUNNING', 'DONE', 'FAILED')),
    compensation varchar(24)
        CHECK (compensation IN ('COMPENSATED', 'COMPENSATION_FAILED')),
    started_at   timestamptz NOT NULL,
    finished_at  timestamptz,
    error        text,
    UNIQUE (tenant_id, attempt, position)
);
