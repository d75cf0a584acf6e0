/**
 * Hooks: the platform calls a plugin's {@link io.plexica.sdk.hook.HookHandler} at named extension
 * points ({@link io.plexica.sdk.hook.HookNames}) of the tenants where the plugin is enabled. A hook
 * handler observes; at points that allow it, it may veto the operation with a reason.
 */
@Export
@Version("1.0.0")
package io.plexica.sdk.hook;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
