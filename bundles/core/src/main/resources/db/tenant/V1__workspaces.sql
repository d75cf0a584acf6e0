-- Applied to every tenant schema; unqualified names resolve to that schema.
CREATE TABLE workspace (
    id          uuid          PRIMARY KEY,
    slug        varchar(63)   NOT NULL UNIQUE,
    name        varchar(200)  NOT NULL,
    description varchar(2000),
    created_at  timestamptz   NOT NULL,
    updated_at  timestamptz   NOT NULL,
    version     bigint        NOT NULL DEFAULT 0
);
