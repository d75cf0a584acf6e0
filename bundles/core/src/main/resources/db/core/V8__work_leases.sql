-- Work a node has taken on and must either finish or undo: a tenant's provisioning, a plugin's
-- installation or upgrade in a tenant. The node renews its lease while it lives; when a node dies
-- its leases expire and another node takes the work over (it resumes or compensates it). The
-- database's clock decides expiry, so the nodes' clocks need not agree.
CREATE TABLE work_lease (
    kind       varchar(32)  NOT NULL,
    subject    varchar(200) NOT NULL,
    owner      varchar(200) NOT NULL,
    detail     text         NOT NULL DEFAULT '',
    taken_at   timestamptz  NOT NULL,
    expires_at timestamptz  NOT NULL,
    PRIMARY KEY (kind, subject)
);
CREATE INDEX work_lease_expiry_idx ON work_lease (kind, expires_at);
