-- Service accounts: programs acting in the tenant with roles of their own, authenticated by a
-- client-credentials client of the tenant's realm. Each keeps a users row for its Keycloak
-- service-account user (the subject of its tokens), so permissions, workspace membership and the
-- audit trail treat it as any caller; the users endpoints, the user quota and the last-admin rule
-- count people only.
ALTER TABLE users ADD COLUMN service_account boolean NOT NULL DEFAULT false;

CREATE TABLE service_account (
    id                uuid          PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    name              varchar(100)  NOT NULL UNIQUE,
    description       varchar(500),
    client_id         varchar(100)  NOT NULL UNIQUE,
    client_uuid       uuid          NOT NULL,
    created_by        varchar(255)  NOT NULL,
    created_at        timestamptz   NOT NULL,
    updated_at        timestamptz   NOT NULL,
    secret_rotated_at timestamptz   NOT NULL,
    version           bigint        NOT NULL DEFAULT 0
);

-- admin grants everything the tenant has, this new core permission included.
UPDATE roles SET permissions = permissions || ',service-accounts:manage', updated_at = now()
    WHERE name = 'admin' AND CONCAT(',', permissions, ',') NOT LIKE '%,service-accounts:manage,%';
