-- Roles, the permissions they grant and the tenant's users, mirrored from the tenant's Keycloak realm.
-- Keycloak authenticates; these tables decide what a user may do, so a change here takes effect on
-- the next request instead of at the expiry of the user's token.
--
-- Permissions and roles are comma-separated lists in a column of their row rather than rows of a
-- collection table: EclipseLink read collection tables of one tenant through another tenant's schema
-- under concurrency (decision 0007). Names never contain commas (RoleName, CorePermissions.FORMAT).
CREATE TABLE roles (
    name        varchar(40)   PRIMARY KEY,
    description varchar(500),
    built_in    boolean       NOT NULL DEFAULT false,
    permissions text          NOT NULL DEFAULT '',
    created_at  timestamptz   NOT NULL,
    updated_at  timestamptz   NOT NULL,
    version     bigint        NOT NULL DEFAULT 0
);

-- id is the user's subject in the tenant's realm.
CREATE TABLE users (
    id            uuid          PRIMARY KEY,
    username      varchar(255)  NOT NULL UNIQUE,
    email         varchar(320),
    first_name    varchar(255),
    last_name     varchar(255),
    enabled       boolean       NOT NULL DEFAULT true,
    roles         text          NOT NULL DEFAULT '',
    first_seen_at timestamptz,
    created_at    timestamptz   NOT NULL,
    updated_at    timestamptz   NOT NULL,
    version       bigint        NOT NULL DEFAULT 0
);
CREATE INDEX users_email_idx ON users (lower(email));

INSERT INTO roles (name, description, built_in, permissions, created_at, updated_at) VALUES
    ('admin', 'Manages the tenant: users, roles, workspaces, plugins and settings.', true,
     'audit:read,plugins:manage,plugins:read,roles:manage,roles:read,tenant:manage,tenant:read,'
     || 'users:invite,users:manage,users:read,workspaces:create,workspaces:manage,workspaces:read',
     now(), now()),
    ('user', 'Works in the tenant: reads users, creates workspaces, uses plugins.', true,
     'plugins:read,roles:read,tenant:read,users:read,workspaces:create,workspaces:read', now(), now()),
    ('guest', 'Reads the tenant and its workspaces.', true, 'tenant:read,workspaces:read', now(), now());
