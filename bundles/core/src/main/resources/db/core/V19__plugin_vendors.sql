-- Vendors and signed publishing (issue 21, decision 0028). A vendor is an account of the platform
-- realm with the plugin-vendor role, recorded here by its Keycloak user id; it registers the
-- certificates it signs its bundles with. A vendor's bundle becomes a submission, checked at once
-- and then reviewed by a platform administrator; approved, it is deployed and owned by its vendor.
CREATE TABLE plugin_vendor (
    id         varchar(40)  PRIMARY KEY,
    name       varchar(100) NOT NULL,
    email      varchar(254) NOT NULL,
    user_id    varchar(64)  NOT NULL UNIQUE,
    created_at timestamptz  NOT NULL
);

CREATE TABLE plugin_vendor_key (
    vendor_id   varchar(40)  NOT NULL REFERENCES plugin_vendor (id) ON DELETE CASCADE,
    fingerprint char(64)     NOT NULL,
    subject     varchar(500) NOT NULL,
    not_after   timestamptz  NOT NULL,
    certificate text         NOT NULL,
    added_at    timestamptz  NOT NULL,
    PRIMARY KEY (vendor_id, fingerprint)
);

-- The vendor that owns a plugin (NULL: the platform's own, deployed by its administrators), and
-- the certificate that signed a version (NULL: not published signed). The certificate is kept
-- with the version so that every load checks the bundle against the key it was approved with.
ALTER TABLE plugin ADD COLUMN vendor_id varchar(40) REFERENCES plugin_vendor (id);
ALTER TABLE plugin_version ADD COLUMN signer_certificate text;

CREATE TABLE plugin_submission (
    id           uuid          PRIMARY KEY,
    vendor_id    varchar(40)   NOT NULL REFERENCES plugin_vendor (id) ON DELETE CASCADE,
    plugin_id    varchar(40)   NOT NULL,
    version      varchar(32)   NOT NULL,
    name         varchar(100)  NOT NULL,
    manifest     text          NOT NULL,
    bundle       bytea         NOT NULL,
    sha256       char(64)      NOT NULL,
    signer       char(64)      NOT NULL,
    size_bytes   integer       NOT NULL,
    status       varchar(16)   NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN')),
    reason       varchar(2000),
    submitted_at timestamptz   NOT NULL,
    decided_at   timestamptz,
    decided_by   varchar(100)
);
-- One open or approved submission per version: a second upload of it is refused, not queued.
CREATE UNIQUE INDEX plugin_submission_version_idx ON plugin_submission (plugin_id, version)
    WHERE status IN ('PENDING', 'APPROVED');
CREATE INDEX plugin_submission_queue_idx ON plugin_submission (status, submitted_at);
CREATE INDEX plugin_submission_vendor_idx ON plugin_submission (vendor_id, submitted_at DESC);

-- A vendor's public reply to a review of its plugin: one per review, editable.
ALTER TABLE plugin_review ADD COLUMN reply varchar(2000);
ALTER TABLE plugin_review ADD COLUMN replied_at timestamptz;
