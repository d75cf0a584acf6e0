-- The first administrator of a tenant, invited into its realm at provisioning.
ALTER TABLE tenant ADD COLUMN admin_email varchar(254);
