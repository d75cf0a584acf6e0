-- Ratings and reviews (issue 21, decision 0025): one per tenant and plugin, written by the tenant's
-- administrators while the tenant has the plugin installed, editable, shown to every tenant without
-- naming the one that wrote it. A platform administrator may hide one (moderation): it leaves the
-- plugin's rating and the other tenants' view, and its own tenant sees why. The plugin's count and
-- sum of visible ratings are kept by a trigger, as its install count is (V16).
CREATE TABLE plugin_review (
    plugin_id      varchar(40)   NOT NULL REFERENCES plugin (id) ON DELETE CASCADE,
    tenant_id      uuid          NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    rating         smallint      NOT NULL CHECK (rating BETWEEN 1 AND 5),
    body           varchar(2000) NOT NULL DEFAULT '',
    plugin_version varchar(32)   NOT NULL,
    author_id      uuid          NOT NULL,
    created_at     timestamptz   NOT NULL,
    updated_at     timestamptz   NOT NULL,
    hidden_at      timestamptz,
    hidden_reason  varchar(500),
    PRIMARY KEY (plugin_id, tenant_id)
);
CREATE INDEX plugin_review_recent_idx ON plugin_review (plugin_id, updated_at DESC);
CREATE INDEX plugin_review_hidden_idx ON plugin_review (hidden_at DESC) WHERE hidden_at IS NOT NULL;

ALTER TABLE plugin ADD COLUMN rating_count integer NOT NULL DEFAULT 0;
ALTER TABLE plugin ADD COLUMN rating_sum integer NOT NULL DEFAULT 0;

CREATE FUNCTION plugin_review_counts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.hidden_at IS NULL THEN
        UPDATE plexica_core.plugin SET rating_count = rating_count - 1, rating_sum = rating_sum - OLD.rating
         WHERE id = OLD.plugin_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.hidden_at IS NULL THEN
        UPDATE plexica_core.plugin SET rating_count = rating_count + 1, rating_sum = rating_sum + NEW.rating
         WHERE id = NEW.plugin_id;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER plugin_review_counts AFTER INSERT OR UPDATE OR DELETE ON plugin_review
    FOR EACH ROW EXECUTE FUNCTION plugin_review_counts();
