-- What the platform last wrote to each tenant's realm (its profile: name, theme, languages, mail
-- settings, the token binding), as a keyed digest: at start-up only realms whose digest changed are
-- updated, instead of every realm on every replica's start.
CREATE TABLE realm_profile (
    tenant_id  uuid        PRIMARY KEY REFERENCES tenant (id) ON DELETE CASCADE,
    digest     varchar(64) NOT NULL,
    applied_at timestamptz NOT NULL
);
