-- Runs in each tenant's schema when the plugin is installed there; the platform names the table.
CREATE TABLE ${items} (
    id         uuid         PRIMARY KEY,
    title      varchar(200) NOT NULL,
    created_at timestamptz  NOT NULL DEFAULT now()
);
