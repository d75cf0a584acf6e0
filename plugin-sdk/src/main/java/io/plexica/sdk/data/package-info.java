/**
 * A plugin's own tables in each tenant's schema. Migrations ({@code
 * META-INF/plexica/migrations/V<n>__<what>.sql}, run when the plugin is installed or upgraded in a
 * tenant) and queries name the plugin's tables as {@code ${name}}; the platform maps each to the
 * plugin's table in the calling tenant's schema, so a plugin never reaches another plugin's, the
 * platform's or another tenant's tables by mistake.
 */
@Export
@Version("1.0.0")
package io.plexica.sdk.data;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
