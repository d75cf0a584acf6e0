package io.plexica.workspaces.app;

import io.plexica.shared.problem.FieldError;
import io.plexica.shared.problem.ProblemException;
import io.plexica.shared.problem.ProblemType;
import io.plexica.tenancy.domain.TenantRef;
import io.plexica.workspaces.domain.Invitation;
import io.plexica.workspaces.domain.WorkspaceMember;
import io.plexica.workspaces.domain.WorkspaceProblems;
import io.plexica.workspaces.domain.WorkspaceRole;
import io.plexica.workspaces.domain.WorkspaceStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Invitations to a workspace. An {@code ADMIN} invites an e-mail address with a role; the
 * invitation's token is shown once, to the sender, and only its hash is kept. The user of the
 * tenant with that address accepts it once, before it expires, and joins with the role.
 */
public class InvitationService {
  public static final Duration DEFAULT_VALIDITY = Duration.ofDays(7);
  public static final int MAX_VALIDITY_DAYS = 30;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final WorkspaceStore store;
  private final WorkspaceAccess access;
  private final MemberService members;
  private final AuditTrail audit;
  private final Clock clock;

  public InvitationService(
      WorkspaceStore store, WorkspaceAccess access, MemberService members, Clock clock) {
    this.store = store;
    this.access = access;
    this.members = members;
    this.audit = new AuditTrail(clock);
    this.clock = clock;
  }

  /** A new invitation and its token, which is nowhere else. */
  public record Issued(Invitation invitation, String token) {
    @Override
    public String toString() {
      return "Issued[" + invitation.id() + "]";
    }
  }

  public Issued invite(
      TenantRef tenant,
      Caller caller,
      UUID workspaceId,
      String email,
      WorkspaceRole role,
      Duration validity) {
    access.require(tenant, caller, workspaceId, WorkspaceRole.ADMIN);
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    Instant now = clock.instant();
    Invitation invitation =
        new Invitation(
            workspaceId,
            email.toLowerCase(Locale.ROOT),
            role,
            hash(token),
            caller.userId(),
            now,
            now.plus(validity));
    store.inTransaction(
        tenant,
        tx -> {
          tx.workspace(workspaceId).orElseThrow(() -> WorkspaceAccess.notFound(workspaceId));
          tx.add(invitation);
          audit.record(
              tx,
              caller.actor(),
              "invitation.created",
              workspaceId,
              "invitation",
              invitation.id(),
              null,
              state(invitation, now));
          return null;
        });
    return new Issued(invitation, token);
  }

  public List<Invitation> list(TenantRef tenant, Caller caller, UUID workspaceId) {
    access.require(tenant, caller, workspaceId, WorkspaceRole.ADMIN);
    return store.read(tenant, tx -> tx.invitations(workspaceId));
  }

  /** Revokes a pending invitation; revoking a revoked one changes nothing. */
  public Invitation revoke(TenantRef tenant, Caller caller, UUID workspaceId, UUID invitationId) {
    access.require(tenant, caller, workspaceId, WorkspaceRole.ADMIN);
    return store.inTransaction(
        tenant,
        tx -> {
          Invitation invitation =
              tx.invitation(workspaceId, invitationId)
                  .orElseThrow(
                      () ->
                          new ProblemException(
                              WorkspaceProblems.INVITATION_NOT_FOUND,
                              "The workspace has no invitation " + invitationId + "."));
          Instant now = clock.instant();
          Invitation.Status status = invitation.statusAt(now);
          if (status == Invitation.Status.ACCEPTED) {
            throw new ProblemException(
                WorkspaceProblems.INVITATION_USED,
                "The invitation was accepted; remove the member instead.");
          }
          if (status != Invitation.Status.REVOKED) {
            Map<String, Object> before = state(invitation, now);
            invitation.revoke(now);
            audit.record(
                tx,
                caller.actor(),
                "invitation.revoked",
                workspaceId,
                "invitation",
                invitationId,
                before,
                state(invitation, now));
          }
          return invitation;
        });
  }

  /**
   * Accepts the invitation the token belongs to, for the caller, whose verified e-mail address must
   * be the invited one: an address a user can change without proving it (Keycloak's account
   * console) proves nothing. {@code verifiedEmail} is empty when the caller's address is not
   * verified. A caller that is a member already keeps the higher of its role and the invited.
   */
  public Invitation accept(
      TenantRef tenant, Caller caller, Optional<String> verifiedEmail, String token) {
    Invitation accepted =
        store.inTransaction(
            tenant,
            tx -> {
              Invitation invitation =
                  tx.invitationByTokenHash(hash(token))
                      .orElseThrow(
                          () ->
                              refused(
                                  WorkspaceProblems.INVITATION_NOT_FOUND,
                                  "No invitation of this tenant has this token."));
              Instant now = clock.instant();
              switch (invitation.statusAt(now)) {
                case ACCEPTED ->
                    throw refused(
                        WorkspaceProblems.INVITATION_USED,
                        "This invitation was already accepted; an invitation is used once.");
                case REVOKED ->
                    throw refused(
                        WorkspaceProblems.INVITATION_REVOKED, "This invitation was revoked.");
                case EXPIRED ->
                    throw refused(
                        WorkspaceProblems.INVITATION_EXPIRED,
                        "This invitation expired at "
                            + invitation.expiresAt()
                            + "; ask for a new one.");
                case PENDING -> {}
              }
              if (verifiedEmail.isEmpty()) {
                throw new ProblemException(
                    WorkspaceProblems.INVITATION_OTHER_RECIPIENT,
                    "Your e-mail address is not verified yet; verify it, then accept the"
                        + " invitation again.");
              }
              if (!verifiedEmail.get().equalsIgnoreCase(invitation.email())) {
                throw new ProblemException(
                    WorkspaceProblems.INVITATION_OTHER_RECIPIENT,
                    "This invitation was sent to another e-mail address than yours.");
              }
              UUID workspaceId = invitation.workspaceId();
              tx.lockWorkspace(workspaceId);
              Map<String, Object> before = state(invitation, now);
              WorkspaceMember existing = tx.member(workspaceId, caller.userId()).orElse(null);
              if (existing == null) {
                members.join(tx, caller, workspaceId, caller.userId(), invitation.role());
              } else if (invitation.role().includes(existing.role())
                  && invitation.role() != existing.role()) {
                audit.record(
                    tx,
                    caller.actor(),
                    "member.role_changed",
                    workspaceId,
                    "member",
                    caller.userId(),
                    Map.of("role", existing.role().name()),
                    Map.of("role", invitation.role().name()));
                existing.changeRole(invitation.role());
              }
              invitation.accept(caller.userId(), now);
              audit.record(
                  tx,
                  caller.actor(),
                  "invitation.accepted",
                  workspaceId,
                  "invitation",
                  invitation.id(),
                  before,
                  state(invitation, now));
              return invitation;
            });
    access.changed(tenant, accepted.workspaceId());
    return accepted;
  }

  private static ProblemException refused(ProblemType type, String detail) {
    return new ProblemException(type, detail, List.of(new FieldError("token", detail)));
  }

  static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static Map<String, Object> state(Invitation invitation, Instant now) {
    return Map.of(
        "email", invitation.email(),
        "role", invitation.role().name(),
        "status", invitation.statusAt(now).name(),
        "expiresAt", invitation.expiresAt().toString());
  }
}
