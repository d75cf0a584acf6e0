-- Where each tenant lives, apart from what the tenant is: its identity home (the Keycloak realm
-- that issues its tokens, and the organization in that realm when the realm is shared by several
-- tenants) and its data (its schema, and the version of the tenant migrations the schema reached).
-- Knowing the version here lets a start read in one query which tenants are behind, instead of
-- asking every schema's own history (minutes at thousands of tenants), and migrate those in the
-- background behind a per-tenant gate.
-- Schema names stay unique among unpurged tenants because each is made from the tenant's slug,
-- which is (tenant_slug_unpurged).
CREATE TABLE tenant_placement (
    tenant_id             uuid        PRIMARY KEY REFERENCES tenant (id) ON DELETE CASCADE,
    identity_kind         varchar(16) NOT NULL DEFAULT 'REALM'
        CHECK (identity_kind IN ('REALM', 'ORGANIZATION')),
    identity_realm        varchar(63) NOT NULL,
    identity_organization varchar(64),
    schema_name           varchar(63) NOT NULL,
    schema_version        integer     NOT NULL DEFAULT 0
);
-- The tenants of a shared realm are counted to place new ones; an organization is one tenant's.
CREATE INDEX tenant_placement_shared_idx ON tenant_placement (identity_realm)
    WHERE identity_kind = 'ORGANIZATION';
CREATE UNIQUE INDEX tenant_placement_organization_key
    ON tenant_placement (identity_realm, identity_organization)
    WHERE identity_organization IS NOT NULL;

-- Tenants so far each have a realm of their own, named by their slug. Existing schemas are checked
-- once more at the next start (version 0), then recorded.
INSERT INTO tenant_placement (tenant_id, identity_realm, schema_name)
    SELECT id, slug, schema_name FROM tenant;

DROP INDEX tenant_schema_unpurged;
ALTER TABLE tenant DROP COLUMN schema_name;
CREATE INDEX tenant_placement_behind_idx ON tenant_placement (schema_version);
