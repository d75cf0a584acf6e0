package io.plexica.shared.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The platform's public REST API, versioned in its path. */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Plexica API",
            version = "1",
            description =
                "Multi-tenant platform API. Errors are RFC 9457 problem documents"
                    + " (application/problem+json) whose `type` is stable.",
            contact = @Contact(name = "Plexica platform team", email = "api@plexica.io"),
            license =
                @License(name = "Proprietary", identifier = "LicenseRef-Plexica-Proprietary")),
    security = @SecurityRequirement(name = "bearer"),
    tags = {
      @Tag(
          name = "Tenants",
          description =
              "Platform administrators: create, provision, suspend, activate and purge tenants; their quotas"),
      @Tag(
          name = "Tenant settings",
          description = "A tenant's administrators: their own tenant's name and settings"),
      @Tag(
          name = "Identity",
          description = "The caller: who the token names, its roles and permissions"),
      @Tag(
          name = "Users",
          description = "A tenant's people: invite, list, disable, enable, roles, password mails"),
      @Tag(
          name = "Service accounts",
          description =
              "A tenant's programs: client-credentials clients of its realm with roles of their own"),
      @Tag(
          name = "Roles and permissions",
          description =
              "A tenant's roles and the permissions they grant (the platform's and its plugins')"),
      @Tag(name = "Workspaces", description = "Workspaces of the caller's tenant, by membership"),
      @Tag(
          name = "Workspace members",
          description = "Who is in a workspace, and with which workspace role"),
      @Tag(name = "Teams", description = "Teams inside a workspace"),
      @Tag(
          name = "Workspace invitations",
          description = "Inviting people to a workspace by e-mail, and answering an invitation"),
      @Tag(
          name = "Workspace files",
          description = "Files of a workspace, stored in the tenant's bucket"),
      @Tag(
          name = "Shared resources",
          description = "Resources a workspace shares with other workspaces of the tenant"),
      @Tag(name = "Audit", description = "What was done in the tenant, by whom, before and after"),
      @Tag(
          name = "Tenant plugins",
          description =
              "Plugins installed in the caller's tenant: install, configure, enable, upgrade, uninstall"),
      @Tag(
          name = "Marketplace",
          description =
              "The plugins a tenant can install: search, filters with counts, a plugin's versions"
                  + " and the permissions each asks for, ratings and reviews"),
      @Tag(
          name = "Plugin routes",
          description =
              "The REST routes plugins add, behind the platform's authentication and permissions"),
      @Tag(name = "Plugin UIs", description = "The web app's plugin pages and the files they load"),
      @Tag(
          name = "Plugin registry",
          description =
              "Platform administrators: deploy, deprecate and remove plugin versions, the library"
                  + " bundles plugins share, moderation of reviews"),
      @Tag(
          name = "Plugin vendors",
          description =
              "Vendors publish signed bundles for review (their keys, plugins and submissions);"
                  + " platform administrators make vendors and approve or reject submissions"),
      @Tag(
          name = "Dead-letter queue",
          description = "Plugin events whose delivery failed: inspect, retry, discard"),
      @Tag(
          name = "Platform administration",
          description = "Platform administrators: users of every tenant, invitations"),
      @Tag(
          name = "Platform analytics",
          description = "Platform administrators: tenants over time, API traffic, plugin installs"),
      @Tag(
          name = "Platform health",
          description = "Platform administrators: the state of every backing service"),
      @Tag(name = "Web app", description = "What the web apps need before a login")
    })
@SecurityScheme(
    securitySchemeName = "bearer",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT",
    description =
        "An access token (JWT) from the caller's Keycloak realm: plexica-platform for platform"
            + " administrators, the tenant's slug for its people. Where to get one: the oidc"
            + " scheme, and docs/api/integrators.md.")
public class PlexicaApi extends Application {}
