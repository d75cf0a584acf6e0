package io.plexica.identity.api;

import static io.plexica.testing.Problems.fieldErrors;
import static org.assertj.core.api.Assertions.assertThat;

import io.plexica.identity.api.UserViews.InviteRequest;
import io.plexica.identity.api.UserViews.RolesRequest;
import io.plexica.identity.app.UserService.Invitation;
import io.plexica.shared.problem.FieldError;
import io.plexica.shared.web.RequestBodies;
import io.plexica.testing.EdgeChecks;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The user request bodies carry their own rules: Bean Validation on their components and the value
 * objects they become, checked together at the edge, every error named at once.
 */
class UserRequestsTest {
  private final RequestBodies bodies = EdgeChecks.BODIES;

  @Test
  void aValidInvitationBecomesTheServicesValueWithTheDefaultRole() {
    Invitation invitation =
        bodies.value(
            new InviteRequest(" Grace@Acme.example ", " Grace ", "Hopper", null, null), "required");

    assertThat(invitation.profile().email()).isEqualTo("grace@acme.example");
    assertThat(invitation.profile().firstName()).isEqualTo("Grace");
    assertThat(invitation.roles()).isEqualTo(RoleNames.DEFAULT);
    assertThat(invitation.temporaryPassword()).isNull();
  }

  @Test
  void everyBrokenRuleOfAnInvitationIsNamedInOneProblem() {
    InviteRequest everythingWrong =
        new InviteRequest("not-an-address", "", "x".repeat(101), List.of(" "), "short");

    assertThat(fieldsInError(() -> bodies.value(everythingWrong, "required")))
        .containsExactlyInAnyOrder("email", "firstName", "lastName", "roles", "temporaryPassword");
  }

  @Test
  void theTemporaryPasswordRuleSpeaksPlainly() {
    InviteRequest shortPassword =
        new InviteRequest("grace@acme.example", "Grace", "Hopper", null, "1234567");

    assertThat(fieldErrors(() -> bodies.value(shortPassword, "required")))
        .containsExactly(new FieldError("temporaryPassword", "must be 8 to 128 characters"));
  }

  @Test
  void rolesAreStrippedOnceEachAndAtMostTwenty() {
    assertThat(bodies.value(new RolesRequest(List.of(" editor", "editor ", "user")), "required"))
        .isEqualTo(Set.of("editor", "user"));
    assertThat(bodies.value(new RolesRequest(List.of()), "required")).isEmpty();
    assertThat(
            fieldErrors(
                () -> bodies.value(new RolesRequest(Collections.nCopies(21, "user")), "required")))
        .containsExactly(new FieldError("roles", "at most 20 roles per user"));
  }

  @Test
  void aRolesBodyWithoutRolesOrWithoutABodyIsNamed() {
    assertThat(fieldErrors(() -> bodies.value(new RolesRequest(null), "required")))
        .containsExactly(new FieldError("roles", "is required: a list of role names, maybe empty"));
    assertThat(fieldErrors(() -> bodies.value((RolesRequest) null, "a JSON object with roles")))
        .containsExactly(new FieldError("body", "a JSON object with roles"));
  }

  private static List<String> fieldsInError(Runnable call) {
    return fieldErrors(call).stream().map(FieldError::field).toList();
  }
}
