-- Moves of a tenant's schema from one PostgreSQL cluster to another (decision 0019): one row per
-- move, its step as it goes, how it ended. A node that dies mid-move leaves a RUNNING row whose
-- lease expires; the node that takes it over settles it from what the clusters hold.
CREATE TABLE tenant_database_move (
    id             uuid PRIMARY KEY,
    tenant_id      uuid        NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    source_cluster varchar(30) NOT NULL,
    target_cluster varchar(30) NOT NULL,
    state          varchar(16) NOT NULL CHECK (state IN ('RUNNING', 'DONE', 'ROLLED_BACK')),
    step           varchar(32) NOT NULL,
    tables_copied  integer     NOT NULL DEFAULT 0,
    rows_copied    bigint      NOT NULL DEFAULT 0,
    error          text,
    started_at     timestamptz NOT NULL,
    ended_at       timestamptz
);

CREATE INDEX tenant_database_move_by_tenant ON tenant_database_move (tenant_id, started_at DESC);
CREATE INDEX tenant_database_move_running ON tenant_database_move (state) WHERE state = 'RUNNING';
