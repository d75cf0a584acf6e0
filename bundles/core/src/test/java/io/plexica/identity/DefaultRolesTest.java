package io.plexica.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.plexica.identity.domain.DefaultRoles;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The documented default permissions of the roles every tenant starts with. */
class DefaultRolesTest {
  private static final Pattern PERMISSION = Pattern.compile("^[a-z][a-z-]*:[a-z][a-z-]*$");

  @Test
  void rolesGrowFromGuestToAdmin() {
    var guest = DefaultRoles.permissionsOf(List.of("guest"));
    var user = DefaultRoles.permissionsOf(List.of("user"));
    var admin = DefaultRoles.permissionsOf(List.of("admin"));

    assertThat(guest).contains("workspaces:read").doesNotContain("workspaces:create");
    assertThat(user)
        .containsAll(guest)
        .contains("workspaces:create")
        .doesNotContain("users:invite");
    assertThat(admin).containsAll(user).contains("users:invite", "roles:manage", "plugins:manage");
  }

  @Test
  void permissionsAreResourceActionPairsAndUnknownRolesGrantNothing() {
    DefaultRoles.PERMISSIONS
        .values()
        .forEach(p -> assertThat(p).allMatch(s -> PERMISSION.matcher(s).matches()));
    assertThat(DefaultRoles.permissionsOf(List.of("default-roles-acme", "offline_access")))
        .isEmpty();
    assertThat(DefaultRoles.permissionsOf(List.of("guest", "user")))
        .isEqualTo(DefaultRoles.permissionsOf(List.of("user")));
  }
}
