-- One row per note; every query filters on workspace_id (the workspace of the call).
CREATE TABLE ${notes} (
    id           uuid         PRIMARY KEY,
    workspace_id uuid         NOT NULL,
    title        varchar(200) NOT NULL,
    body         text         NOT NULL DEFAULT '',
    created_at   timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX ON ${notes} (workspace_id, created_at);
