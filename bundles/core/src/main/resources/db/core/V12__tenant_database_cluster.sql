-- The PostgreSQL cluster holding a tenant's schema (decision 0019): "main" is the cluster holding
-- plexica_core, where every tenant so far lives; others are configured by id (plexica.db.clusters).
ALTER TABLE tenant_placement
    ADD COLUMN database_cluster varchar(30) NOT NULL DEFAULT 'main'
        CHECK (database_cluster ~ '^[a-z][a-z0-9-]{0,29}$');
