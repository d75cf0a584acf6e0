/**
 * A service that does nothing but answer, for measuring what the platform adds to a call between
 * plugins (PluginCallsBench).
 */
@Export
@Version("1.0.0")
package io.plexica.samples.faulty.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
