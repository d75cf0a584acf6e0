-- Where each deployed version came from: 'upload' (the API, the console) or 'folder:<file name>'
-- (the deploy folder). Removing a jar from the folder removes only the versions that file deployed.
ALTER TABLE plugin_version ADD COLUMN source varchar(300) NOT NULL DEFAULT 'upload';
CREATE INDEX plugin_version_source_idx ON plugin_version (source) WHERE source <> 'upload';
