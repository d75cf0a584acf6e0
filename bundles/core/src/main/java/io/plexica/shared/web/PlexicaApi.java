package io.plexica.shared.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
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
            license = @License(name = "Proprietary")),
    security = @SecurityRequirement(name = "bearer"),
    tags = {
      @Tag(name = "Tenants", description = "Platform-level tenant management and provisioning"),
      @Tag(name = "Workspaces", description = "Workspaces of the caller's tenant"),
      @Tag(name = "Identity", description = "The caller")
    })
@SecurityScheme(
    securitySchemeName = "bearer",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT",
    description =
        "An access token from the caller's Keycloak realm: plexica-platform for platform"
            + " administrators, the tenant's slug for its users.")
public class PlexicaApi extends Application {}
