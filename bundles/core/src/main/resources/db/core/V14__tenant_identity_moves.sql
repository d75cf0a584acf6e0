-- Moves of a tenant's people between identity homes (decision 0020): a realm of its own and an
-- organization in a shared realm, either way. One row per move, its step as it goes, how it ended.
-- A node that dies mid-move leaves a RUNNING row whose lease expires; the node that takes it over
-- settles it from where Keycloak holds the people.
CREATE TABLE tenant_identity_move (
    id                  uuid PRIMARY KEY,
    tenant_id           uuid         NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    source_kind         varchar(16)  NOT NULL CHECK (source_kind IN ('REALM', 'ORGANIZATION')),
    source_realm        varchar(255) NOT NULL,
    source_organization varchar(64),
    target_kind         varchar(16)  NOT NULL CHECK (target_kind IN ('REALM', 'ORGANIZATION')),
    target_realm        varchar(255) NOT NULL,
    target_organization varchar(64),
    state               varchar(16)  NOT NULL CHECK (state IN ('RUNNING', 'DONE', 'ROLLED_BACK')),
    step                varchar(32)  NOT NULL,
    people              integer      NOT NULL DEFAULT 0,
    service_accounts    integer      NOT NULL DEFAULT 0,
    error               text,
    started_at          timestamptz  NOT NULL,
    ended_at            timestamptz
);

CREATE INDEX tenant_identity_move_by_tenant ON tenant_identity_move (tenant_id, started_at DESC);
