package io.plexica.workspaces.domain;

import static io.plexica.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plexica.shared.problem.FieldError;
import io.plexica.shared.problem.ProblemException;
import io.plexica.workspaces.domain.Invitation.Delivery;
import io.plexica.workspaces.domain.Invitation.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An invitation's life: what each state allows, decided by the invitation itself. */
class InvitationTest {
  private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
  private static final Instant EXPIRY = NOW.plus(Duration.ofDays(7));
  private static final Instant AFTER_EXPIRY = EXPIRY.plusSeconds(1);

  private static Invitation pending() {
    return new Invitation(
        UUID.randomUUID(),
        "ada@example.com",
        WorkspaceRole.MEMBER,
        "hash-1",
        UUID.randomUUID(),
        NOW,
        EXPIRY,
        Delivery.QUEUED);
  }

  @Test
  void aPendingInvitationIsAcceptedOnceAndThenRefusesEverythingButItsStatus() {
    Invitation invitation = pending();
    UUID ada = UUID.randomUUID();
    invitation.accept(ada, NOW);

    assertThat(invitation.statusAt(NOW)).isEqualTo(Status.ACCEPTED);
    assertThat(invitation.acceptedBy()).isEqualTo(ada);
    assertProblem(() -> invitation.accept(ada, NOW), WorkspaceProblems.INVITATION_USED);
    assertProblem(() -> invitation.decline(NOW), WorkspaceProblems.INVITATION_USED);
    assertProblem(() -> invitation.revoke(NOW), WorkspaceProblems.INVITATION_USED, "remove");
    assertProblem(
        () -> invitation.renew("hash-2", NOW, EXPIRY, Delivery.QUEUED),
        WorkspaceProblems.INVITATION_USED);
  }

  @Test
  void revokingIsIdempotentAndClosesTheLink() {
    Invitation invitation = pending();
    assertThat(invitation.revoke(NOW)).isTrue();
    assertThat(invitation.revoke(NOW)).as("a second revoke changes nothing").isFalse();

    assertProblem(() -> invitation.requireOpen(NOW), WorkspaceProblems.INVITATION_REVOKED);
    assertProblem(
        () -> invitation.accept(UUID.randomUUID(), NOW), WorkspaceProblems.INVITATION_REVOKED);
    assertProblem(
        () -> invitation.renew("hash-2", NOW, EXPIRY, Delivery.QUEUED),
        WorkspaceProblems.INVITATION_REVOKED);
  }

  @Test
  void aDeclinedInvitationCannotBeAcceptedOrSentAgain() {
    Invitation invitation = pending();
    invitation.decline(NOW);

    assertThat(invitation.statusAt(NOW)).isEqualTo(Status.DECLINED);
    assertProblem(
        () -> invitation.accept(UUID.randomUUID(), NOW), WorkspaceProblems.INVITATION_DECLINED);
    assertProblem(
        () -> invitation.renew("hash-2", NOW, EXPIRY, Delivery.QUEUED),
        WorkspaceProblems.INVITATION_DECLINED);
  }

  @Test
  void anExpiredInvitationRefusesItsLinkButCanBeSentAgainWithANewOne() {
    Invitation invitation = pending();
    assertThat(invitation.statusAt(AFTER_EXPIRY)).isEqualTo(Status.EXPIRED);
    assertProblem(
        () -> invitation.accept(UUID.randomUUID(), AFTER_EXPIRY),
        WorkspaceProblems.INVITATION_EXPIRED,
        "ask for a new one");

    Instant later = AFTER_EXPIRY.plus(Duration.ofDays(7));
    invitation.renew("hash-2", AFTER_EXPIRY, later, Delivery.NOT_MAILED);

    assertThat(invitation.statusAt(AFTER_EXPIRY)).isEqualTo(Status.PENDING);
    assertThat(invitation.awaitsMailWith("hash-2")).as("not mailed: nothing waits").isFalse();
    invitation.accept(UUID.randomUUID(), AFTER_EXPIRY);
    assertThat(invitation.statusAt(AFTER_EXPIRY)).isEqualTo(Status.ACCEPTED);
  }

  @Test
  void aRefusedLinkNamesTheTokenAsTheFieldInError() {
    Invitation invitation = pending();
    invitation.revoke(NOW);
    assertThatThrownBy(() -> invitation.requireOpen(NOW))
        .isInstanceOfSatisfying(
            ProblemException.class,
            refused ->
                assertThat(refused.fieldErrors())
                    .extracting(FieldError::field)
                    .containsExactly("token"));
  }
}
