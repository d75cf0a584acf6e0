/**
 * What crm offers other plugins: its contacts, by service ({@link
 * io.plexica.samples.crm.api.CrmContacts}). A plugin that imports this package and names {@code
 * crm} among its dependencies asks for it with {@code PluginServices}; bnd checks the package's
 * version against its last release when it changes.
 */
@Export
@Version("1.1.0")
package io.plexica.samples.crm.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
