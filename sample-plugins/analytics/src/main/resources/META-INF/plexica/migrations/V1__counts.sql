-- What analytics counted in this tenant: one row per kind of thing (users, workspaces).
CREATE TABLE ${counts} (
    kind  varchar(40) PRIMARY KEY,
    value bigint      NOT NULL DEFAULT 0
);
