-- A table and a view over it: uninstalling with purge must drop both (a view is no table).
CREATE TABLE ${things} (id integer PRIMARY KEY, name varchar(100) NOT NULL);
CREATE VIEW ${things_named} AS SELECT id, name FROM ${things} WHERE name <> '';
