package io.plexica.identity.api;

import io.plexica.identity.app.PlatformUserDirectory.PlatformUser;
import io.plexica.identity.app.PlatformUserDirectory.PlatformUserPage;
import io.plexica.identity.app.UserService.SyncReport;
import io.plexica.identity.domain.TenantUser;
import io.plexica.identity.domain.UserPage;
import io.plexica.identity.domain.UserStatus;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON shapes of the user endpoints. */
public final class UserViews {
  private UserViews() {}

  @Schema(name = "User")
  public record UserView(
      @Schema(description = "The user's id (its subject in the tenant's realm)") UUID id,
      String username,
      String email,
      @Schema(nullable = true) String firstName,
      @Schema(nullable = true) String lastName,
      @Schema(description = "INVITED until the first request, then ACTIVE; DISABLED when disabled")
          UserStatus status,
      Set<String> roles,
      @Schema(nullable = true) Instant firstSeenAt,
      Instant createdAt,
      Instant updatedAt) {
    static UserView of(TenantUser u) {
      return new UserView(
          u.id(),
          u.profile().username(),
          u.profile().email(),
          u.profile().firstName(),
          u.profile().lastName(),
          u.status(),
          new TreeSet<>(u.roles()),
          u.firstSeenAt(),
          u.createdAt(),
          u.updatedAt());
    }
  }

  @Schema(name = "UserPage")
  public record UserPageView(List<UserView> items, int page, int size, long total) {
    static UserPageView of(UserPage page) {
      return new UserPageView(
          page.items().stream().map(UserView::of).toList(), page.page(), page.size(), page.total());
    }
  }

  @Schema(name = "InviteUser")
  public record InviteRequest(
      @Schema(required = true, example = "grace@acme.example") String email,
      @Schema(required = true, example = "Grace", maxLength = 100) String firstName,
      @Schema(required = true, example = "Hopper", maxLength = 100) String lastName,
      @Schema(description = "Role names; [\"user\"] when absent", example = "[\"user\"]")
          List<String> roles,
      @Schema(
              description =
                  "Optional first password (8 to 128 characters) the user must change at first"
                      + " login; without it the user sets one through Keycloak's e-mail actions",
              writeOnly = true)
          String temporaryPassword) {}

  @Schema(name = "UserRoles")
  public record RolesRequest(
      @Schema(required = true, example = "[\"user\", \"editor\"]") List<String> roles) {}

  @Schema(name = "UserSync")
  public record SyncView(int created, int updated, int removed, int unchanged) {
    static SyncView of(SyncReport report) {
      return new SyncView(report.created(), report.updated(), report.removed(), report.unchanged());
    }
  }

  @Schema(name = "PlatformUser")
  public record PlatformUserView(
      UUID tenantId,
      String tenantSlug,
      UUID id,
      String username,
      String email,
      @Schema(nullable = true) String firstName,
      @Schema(nullable = true) String lastName,
      UserStatus status,
      Set<String> roles,
      Instant createdAt) {
    static PlatformUserView of(PlatformUser u) {
      return new PlatformUserView(
          u.tenantId(),
          u.tenantSlug(),
          u.id(),
          u.profile().username(),
          u.profile().email(),
          u.profile().firstName(),
          u.profile().lastName(),
          u.status(),
          new TreeSet<>(u.roles()),
          u.createdAt());
    }
  }

  @Schema(name = "PlatformUserPage")
  public record PlatformUserPageView(List<PlatformUserView> items, int page, int size, long total) {
    static PlatformUserPageView of(PlatformUserPage page) {
      return new PlatformUserPageView(
          page.items().stream().map(PlatformUserView::of).toList(),
          page.page(),
          page.size(),
          page.total());
    }
  }
}
