-- The marketplace's search (decision 0023): a weighted full-text document of each plugin, kept by
-- PostgreSQL itself (a generated column, so no writer can forget it) under a GIN index, the
-- manifest's tags, and the number of tenants that installed it, kept by a trigger on the
-- installations (so that sorting 10,000 plugins by popularity reads one column, not a GROUP BY).
ALTER TABLE plugin ADD COLUMN tags varchar(400) NOT NULL DEFAULT '';
ALTER TABLE plugin ADD COLUMN install_count integer NOT NULL DEFAULT 0;
ALTER TABLE plugin ADD COLUMN search_document tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', name || ' ' || replace(id, '-', ' ')), 'A')
    || setweight(to_tsvector('english', vendor || ' ' || category || ' ' || tags), 'B')
    || setweight(to_tsvector('english', description), 'C')) STORED;
CREATE INDEX plugin_search_idx ON plugin USING gin (search_document);
-- Without words, a page of the listed plugins in each order is read from an index, and the total
-- and the category and vendor counts from a narrow one, not from the wide rows.
CREATE INDEX plugin_listed_popular_idx ON plugin (install_count DESC, lower(name), id) WHERE status = 'ACTIVE';
CREATE INDEX plugin_listed_name_idx ON plugin (lower(name), id) WHERE status = 'ACTIVE';
CREATE INDEX plugin_listed_recent_idx ON plugin (updated_at DESC, id) WHERE status = 'ACTIVE';
CREATE INDEX plugin_listed_facets_idx ON plugin (category, vendor) WHERE status = 'ACTIVE';

UPDATE plugin p SET install_count = (SELECT count(*) FROM plugin_installation i WHERE i.plugin_id = p.id);

CREATE FUNCTION plugin_install_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE plexica_core.plugin SET install_count = install_count + 1 WHERE id = NEW.plugin_id;
    ELSE
        UPDATE plexica_core.plugin SET install_count = install_count - 1 WHERE id = OLD.plugin_id;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER plugin_installation_counted AFTER INSERT OR DELETE ON plugin_installation
    FOR EACH ROW EXECUTE FUNCTION plugin_install_count();
