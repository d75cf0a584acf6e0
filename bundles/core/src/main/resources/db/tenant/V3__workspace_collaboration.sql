-- Workspaces gain members, teams, shared resources, invitations, files and an audit trail.
-- Associations are rows of their own tables, never JPA collection mappings (decision 0007).
ALTER TABLE workspace ADD COLUMN settings text NOT NULL DEFAULT '{}';

CREATE TABLE workspace_member (
    workspace_id uuid        NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    user_id      uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role         varchar(10) NOT NULL CHECK (role IN ('ADMIN', 'MEMBER', 'VIEWER')),
    invited_by   uuid,
    joined_at    timestamptz NOT NULL,
    PRIMARY KEY (workspace_id, user_id)
);
CREATE INDEX workspace_member_user_idx ON workspace_member (user_id);

CREATE TABLE team (
    id           uuid          PRIMARY KEY,
    workspace_id uuid          NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    name         varchar(200)  NOT NULL,
    description  varchar(2000),
    created_at   timestamptz   NOT NULL,
    updated_at   timestamptz   NOT NULL,
    version      bigint        NOT NULL DEFAULT 0,
    UNIQUE (workspace_id, name)
);

-- A team member is a member of the team's workspace: leaving the workspace leaves its teams.
CREATE TABLE team_member (
    id           uuid        PRIMARY KEY,
    team_id      uuid        NOT NULL REFERENCES team (id) ON DELETE CASCADE,
    workspace_id uuid        NOT NULL,
    user_id      uuid        NOT NULL,
    added_at     timestamptz NOT NULL,
    UNIQUE (team_id, user_id),
    FOREIGN KEY (workspace_id, user_id) REFERENCES workspace_member (workspace_id, user_id) ON DELETE CASCADE
);

-- A resource of one workspace (a plugin record, a file) made visible in another.
CREATE TABLE workspace_resource (
    id                  uuid         PRIMARY KEY,
    source_workspace_id uuid         NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    target_workspace_id uuid         NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    resource_type       varchar(100) NOT NULL,
    resource_id         varchar(200) NOT NULL,
    shared_by           uuid,
    shared_at           timestamptz  NOT NULL,
    UNIQUE (source_workspace_id, target_workspace_id, resource_type, resource_id),
    CHECK (source_workspace_id <> target_workspace_id)
);
CREATE INDEX workspace_resource_target_idx ON workspace_resource (target_workspace_id);

-- Only a hash of an invitation's token is kept: the token itself is shown once, to its sender.
CREATE TABLE invitation (
    id           uuid         PRIMARY KEY,
    workspace_id uuid         NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    email        varchar(320) NOT NULL,
    role         varchar(10)  NOT NULL CHECK (role IN ('ADMIN', 'MEMBER', 'VIEWER')),
    token_hash   varchar(64)  NOT NULL UNIQUE,
    status       varchar(10)  NOT NULL CHECK (status IN ('PENDING', 'ACCEPTED', 'REVOKED')),
    invited_by   uuid,
    created_at   timestamptz  NOT NULL,
    expires_at   timestamptz  NOT NULL,
    accepted_by  uuid,
    decided_at   timestamptz,
    version      bigint       NOT NULL DEFAULT 0
);
CREATE INDEX invitation_workspace_idx ON invitation (workspace_id, created_at);

-- Files live in the tenant's bucket under workspaces/<workspace>/files/<id>; this is their index.
CREATE TABLE workspace_file (
    id           uuid         PRIMARY KEY,
    workspace_id uuid         NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
    name         varchar(255) NOT NULL,
    content_type varchar(255) NOT NULL,
    size_bytes   bigint       NOT NULL,
    uploaded_by  uuid,
    uploaded_at  timestamptz  NOT NULL
);
CREATE INDEX workspace_file_workspace_idx ON workspace_file (workspace_id, uploaded_at);

-- Who changed what, when, with the state before and after (JSON text). Kept when a workspace goes.
CREATE TABLE audit_entry (
    id           uuid          PRIMARY KEY,
    occurred_at  timestamptz   NOT NULL,
    actor_id     uuid,
    actor_name   varchar(255),
    action       varchar(60)   NOT NULL,
    workspace_id uuid,
    target_type  varchar(40)   NOT NULL,
    target_id    varchar(200),
    before_state text,
    after_state  text
);
CREATE INDEX audit_entry_time_idx ON audit_entry (occurred_at DESC, id);
CREATE INDEX audit_entry_workspace_idx ON audit_entry (workspace_id, occurred_at DESC);
CREATE INDEX audit_entry_actor_idx ON audit_entry (actor_id, occurred_at DESC);
