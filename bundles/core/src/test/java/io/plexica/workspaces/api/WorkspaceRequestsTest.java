package io.plexica.workspaces.api;

import static io.plexica.testing.Problems.fieldErrors;
import static org.assertj.core.api.Assertions.assertThat;

import io.plexica.shared.problem.FieldError;
import io.plexica.shared.web.RequestBodies;
import io.plexica.testing.EdgeChecks;
import io.plexica.workspaces.api.InvitationResource.CreateInvitationRequest;
import io.plexica.workspaces.api.InvitationResource.NewInvitation;
import io.plexica.workspaces.api.SharedResourceResource.NewShare;
import io.plexica.workspaces.api.SharedResourceResource.ShareRequest;
import io.plexica.workspaces.app.InvitationService;
import io.plexica.workspaces.domain.WorkspaceRole;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The workspace request bodies carry their own rules (Bean Validation on their components, the
 * value objects they become), so the resources hand their services valid values.
 */
class WorkspaceRequestsTest {
  private final RequestBodies bodies = EdgeChecks.BODIES;

  @Test
  void anInvitationHoldsSevenDaysUnlessToldOtherwise() {
    NewInvitation plain =
        bodies.value(new CreateInvitationRequest("Ada@Example.com", "member", null), "required");
    assertThat(plain.email().value()).isEqualTo("ada@example.com");
    assertThat(plain.role()).isEqualTo(WorkspaceRole.MEMBER);
    assertThat(plain.validity()).isEqualTo(InvitationService.DEFAULT_VALIDITY);

    NewInvitation month =
        bodies.value(new CreateInvitationRequest("ada@example.com", "VIEWER", 30), "required");
    assertThat(month.validity()).isEqualTo(Duration.ofDays(30));
  }

  @Test
  void anInvitationsValidityIsOneToThirtyDays() {
    for (int days : List.of(0, 31, -1)) {
      assertThat(
              fieldErrors(
                  () ->
                      bodies.value(
                          new CreateInvitationRequest("ada@example.com", "MEMBER", days),
                          "required")))
          .as("%d days", days)
          .containsExactly(new FieldError("expiresInDays", "must be between 1 and 30"));
    }
  }

  @Test
  void everyBrokenRuleOfAnInvitationIsNamedInOneProblem() {
    assertThat(
            fieldErrors(
                    () ->
                        bodies.value(
                            new CreateInvitationRequest("nobody", "OWNER", 90), "required"))
                .stream()
                .map(FieldError::field))
        .containsExactlyInAnyOrder("email", "role", "expiresInDays");
  }

  @Test
  void aShareIsStrippedAndChecked() {
    UUID target = UUID.randomUUID();
    NewShare share =
        bodies.value(new ShareRequest(target.toString(), " crm:contact ", " 42 "), "required");
    assertThat(share).isEqualTo(new NewShare(target, "crm:contact", "42"));

    assertThat(
            fieldErrors(() -> bodies.value(new ShareRequest("x", "Contact", " "), "required"))
                .stream()
                .map(FieldError::field))
        .containsExactly("targetWorkspaceId", "resourceType", "resourceId");
  }
}
