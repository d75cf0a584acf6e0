/**
 * What every plugin sees: the {@link io.plexica.sdk.CallContext} of a call (tenant, user,
 * permissions, configuration) and {@link io.plexica.sdk.PluginProblem} to answer with an error. The
 * types are plain data, so the same contract can later be served across a process boundary.
 */
@Export
@Version("1.1.0")
package io.plexica.sdk;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
