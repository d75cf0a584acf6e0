/**
 * Files of a plugin in the tenant's object storage. A call with a workspace reaches that
 * workspace's files of the plugin, a call without one the plugin's tenant-wide files; no name can
 * reach another plugin's, another workspace's or another tenant's files.
 */
@Export
@Version("1.0.0")
package io.plexica.sdk.files;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
