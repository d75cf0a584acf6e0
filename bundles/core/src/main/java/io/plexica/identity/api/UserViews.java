package io.plexica.identity.api;

import io.plexica.identity.app.PlatformUserDirectory.PlatformUser;
import io.plexica.identity.app.PlatformUserDirectory.PlatformUserPage;
import io.plexica.identity.app.UserService.Invitation;
import io.plexica.identity.app.UserService.SyncReport;
import io.plexica.identity.domain.TenantUser;
import io.plexica.identity.domain.UserPage;
import io.plexica.identity.domain.UserProfile;
import io.plexica.identity.domain.UserStatus;
import io.plexica.shared.problem.FieldRules;
import io.plexica.shared.problem.Validation;
import io.plexica.shared.web.CheckedBody;
import io.plexica.tenancy.domain.EmailAddress;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON shapes of the user endpoints. */
public final class UserViews {
  /** The longest first or last name a user may have. */
  static final int MAX_NAME = 100;

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
      @Schema(required = true, example = "Grace", maxLength = MAX_NAME) String firstName,
      @Schema(required = true, example = "Hopper", maxLength = MAX_NAME) String lastName,
      @Schema(description = "Role names; [\"user\"] when absent", example = "[\"user\"]")
          List<String> roles,
      @Schema(
              description =
                  "Optional first password the user must change at first login; without it the"
                      + " user sets one through Keycloak's e-mail actions",
              writeOnly = true)
          @Size(min = 8, max = 128, message = "must be 8 to 128 characters")
          String temporaryPassword)
      implements CheckedBody<Invitation> {
    @Override
    public Invitation value(Validation validation) {
      EmailAddress address = validation.check(() -> EmailAddress.of("email", email));
      String first =
          validation.check(() -> FieldRules.personName("firstName", firstName, MAX_NAME));
      String last = validation.check(() -> FieldRules.personName("lastName", lastName, MAX_NAME));
      Set<String> names =
          roles == null ? RoleNames.DEFAULT : validation.check(() -> RoleNames.of(roles));
      return address == null
          ? null
          : new Invitation(
              new UserProfile(address.value(), address.value(), first, last),
              names,
              temporaryPassword);
    }
  }

  @Schema(name = "UserRoles")
  public record RolesRequest(
      @Schema(required = true, example = "[\"user\", \"editor\"]")
          @NotNull(message = "is required: a list of role names, maybe empty")
          List<String> roles)
      implements CheckedBody<Set<String>> {
    @Override
    public Set<String> value(Validation validation) {
      return roles == null ? null : validation.check(() -> RoleNames.of(roles));
    }
  }

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
