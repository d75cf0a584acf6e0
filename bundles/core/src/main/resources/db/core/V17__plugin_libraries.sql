-- Library bundles (decision 0024): OSGi bundles without plugin.json, such as commons-lang3 or
-- jackson-databind from Maven Central, whose packages plugins import instead of embedding them.
-- Several versions of one library live side by side; each node installs every row into its
-- framework before it starts plugins. exports lists "package version" per line, so the registry
-- can say what a library offers without reading its bundle.
CREATE TABLE plugin_library (
    symbolic_name varchar(200) NOT NULL,
    version       varchar(64)  NOT NULL,
    exports       text         NOT NULL,
    bundle        bytea        NOT NULL,
    sha256        char(64)     NOT NULL,
    size_bytes    integer      NOT NULL,
    source        varchar(300) NOT NULL DEFAULT 'upload',
    added_at      timestamptz  NOT NULL,
    PRIMARY KEY (symbolic_name, version)
);
