-- One row per note; workspace_id scopes every query through ${workspace}.
CREATE TABLE ${notes} (
    id           uuid         PRIMARY KEY,
    workspace_id uuid         NOT NULL,
    title        varchar(200) NOT NULL,
    body         text         NOT NULL DEFAULT '',
    created_at   timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX ON ${notes} (workspace_id, created_at);
