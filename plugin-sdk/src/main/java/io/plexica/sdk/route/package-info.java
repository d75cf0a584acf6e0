/**
 * REST routes of a plugin, served under {@code /api/v1/plugins/<pluginId>/...}. A route is an OSGi
 * service ({@link io.plexica.sdk.route.RouteHandler}) whose properties say which requests it
 * answers, declared with {@link io.plexica.sdk.route.Route} on a Declarative Services component:
 *
 * <pre>
 * &#64;Component(service = RouteHandler.class)
 * &#64;Route(method = "GET", path = "/contacts/{id}", permission = "crm:contacts:read")
 * public class GetContact implements RouteHandler { ... }
 * </pre>
 *
 * The platform authenticates the call, resolves the tenant, checks that the plugin is enabled there
 * and that the caller holds the permission, and, when the call names a workspace ({@code
 * X-Workspace-ID}), that the caller's role there is at least the route's {@code workspaceRole} (by
 * default {@code VIEWER} for {@code GET}, {@code MEMBER} for the other methods); then it calls the
 * handler within a time limit.
 */
@Export
@Version("1.1.0")
package io.plexica.sdk.route;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
