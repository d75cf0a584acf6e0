-- The plugin registry: every deployed plugin, each version with its manifest and its bundle, and
-- which tenants installed which plugin (decision 0008).
CREATE TABLE plugin (
    id              varchar(40)   PRIMARY KEY,
    name            varchar(100)  NOT NULL,
    vendor          varchar(100)  NOT NULL,
    category        varchar(40)   NOT NULL,
    description     varchar(2000) NOT NULL DEFAULT '',
    status          varchar(16)   NOT NULL CHECK (status IN ('ACTIVE', 'DEPRECATED')),
    current_version varchar(32)   NOT NULL,
    created_at      timestamptz   NOT NULL,
    updated_at      timestamptz   NOT NULL,
    version         bigint        NOT NULL DEFAULT 0
);
CREATE INDEX plugin_category_idx ON plugin (category);

CREATE TABLE plugin_version (
    plugin_id   varchar(40)  NOT NULL REFERENCES plugin (id) ON DELETE CASCADE,
    version     varchar(32)  NOT NULL,
    manifest    text         NOT NULL,
    bundle      bytea        NOT NULL,
    sha256      char(64)     NOT NULL,
    size_bytes  integer      NOT NULL,
    deployed_at timestamptz  NOT NULL,
    PRIMARY KEY (plugin_id, version)
);

CREATE TABLE plugin_installation (
    tenant_id      uuid         NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    plugin_id      varchar(40)  NOT NULL REFERENCES plugin (id),
    plugin_version varchar(32)  NOT NULL,
    enabled        boolean      NOT NULL,
    config         text         NOT NULL DEFAULT '{}',
    installed_at   timestamptz  NOT NULL,
    updated_at     timestamptz  NOT NULL,
    version        bigint       NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, plugin_id)
);
CREATE INDEX plugin_installation_plugin_idx ON plugin_installation (plugin_id);
