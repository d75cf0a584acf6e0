-- What crm shares with the plugins that depend on it (plugin.json "views"): names and addresses,
-- read only; they name it crm:contact_directory in their queries.
CREATE VIEW ${contact_directory} AS
    SELECT c.id, c.name, c.email, co.name AS company
    FROM ${contacts} c LEFT JOIN ${companies} co ON co.id = c.company_id;
