package io.plexica.workspaces.app;

import io.plexica.shared.problem.FieldError;
import io.plexica.shared.problem.ProblemException;
import io.plexica.tenancy.domain.TenantRef;
import io.plexica.workspaces.app.InvitationMail.Letter;
import io.plexica.workspaces.domain.Invitation;
import io.plexica.workspaces.domain.Invitation.Delivery;
import io.plexica.workspaces.domain.Workspace;
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
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Invitations to a workspace. An {@code ADMIN} invites an e-mail address with a role. With a mail
 * server, the invitation is queued and a node mails it right after the request answers ({@link
 * #startMail}, {@link #sendMail}): the link is made then and goes to the address alone; without
 * one, the sender gets the link once to pass on. Only the hash of a link's token is kept. An
 * address without an account gets one, with a mail to set its password that leads to the
 * invitation. The user of the tenant with that address accepts or declines it once, before it
 * expires; accepting joins the workspace with the role. Members are not invited: their role is
 * changed on the members list.
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
  private final InvitationMail mail;

  public InvitationService(
      WorkspaceStore store, WorkspaceAccess access, MemberService members, Clock clock) {
    this(store, access, members, clock, InvitationMail.NONE);
  }

  public InvitationService(
      WorkspaceStore store,
      WorkspaceAccess access,
      MemberService members,
      Clock clock,
      InvitationMail mail) {
    this.store = store;
    this.access = access;
    this.members = members;
    this.audit = new AuditTrail(clock);
    this.clock = clock;
    this.mail = mail;
  }

  /**
   * A new invitation, and its token (which is nowhere else) when it is not mailed: null when a node
   * mails the link to the address.
   */
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
    String address = email.toLowerCase(Locale.ROOT);
    String token = newToken();
    Instant now = clock.instant();
    // With a mail server, a node mails it after this request (and makes the link then); without
    // one, the sender gets the link to pass on.
    Delivery delivery = mail.enabled() ? Delivery.QUEUED : Delivery.NOT_MAILED;
    Invitation invitation =
        new Invitation(
            workspaceId,
            address,
            role,
            hash(token),
            caller.userId(),
            now,
            now.plus(validity),
            delivery);
    store.inTransaction(
        tenant,
        tx -> {
          tx.workspace(workspaceId).orElseThrow(() -> WorkspaceAccess.notFound(workspaceId));
          // Members are users who signed in (mirrored here): no need to ask Keycloak.
          tx.members()
              .byEmail(workspaceId, address)
              .ifPresent(
                  member -> {
                    throw new ProblemException(
                        WorkspaceProblems.MEMBER_EXISTS,
                        address
                            + " is already a "
                            + member.role()
                            + " of this workspace; change the role on the members list.",
                        List.of(new FieldError("email", "is already a member")));
                  });
          tx.invitations().add(invitation);
          if (delivery == Delivery.QUEUED) {
            tx.invitations().queueMail(invitation, caller.username());
          }
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
    return issued(invitation, token);
  }

  /** The token goes back only when nobody mails it: a mailed link reaches its address alone. */
  private static Issued issued(Invitation invitation, String token) {
    return new Issued(invitation, invitation.delivery() == Delivery.NOT_MAILED ? token : null);
  }

  private static String newToken() {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
  }

  /**
   * Sends a pending or expired invitation again, with a new link valid {@link #DEFAULT_VALIDITY}
   * from now, queued to be mailed (or returned when nothing is mailed): the old link stops working
   * at once, also in a mail still on its way.
   */
  public Issued resend(TenantRef tenant, Caller caller, UUID workspaceId, UUID invitationId) {
    access.require(tenant, caller, workspaceId, WorkspaceRole.ADMIN);
    Instant now = clock.instant();
    String token = newToken();
    Instant expiresAt = now.plus(DEFAULT_VALIDITY);
    Delivery delivery = mail.enabled() ? Delivery.QUEUED : Delivery.NOT_MAILED;
    Invitation renewed =
        store.inTransaction(
            tenant,
            tx -> {
              tx.workspace(workspaceId).orElseThrow(() -> WorkspaceAccess.notFound(workspaceId));
              Invitation current = existing(tx, workspaceId, invitationId);
              Map<String, Object> before = state(current, now);
              current.renew(hash(token), now, expiresAt, delivery);
              if (delivery == Delivery.QUEUED) {
                tx.invitations().queueMail(current, caller.username());
              }
              audit.record(
                  tx,
                  caller.actor(),
                  "invitation.resent",
                  workspaceId,
                  "invitation",
                  invitationId,
                  before,
                  state(current, now));
              return current;
            });
    return issued(renewed, token);
  }

  /**
   * One attempt at mailing a queued invitation: the letter with its new link, and the link's hash.
   */
  public record MailAttempt(UUID workspaceId, UUID invitationId, String tokenHash, Letter letter) {
    @Override
    public String toString() {
      return "MailAttempt[" + invitationId + "]";
    }
  }

  /**
   * Makes the link of a queued invitation for the mail about to be sent; empty when there is
   * nothing to mail any more (revoked, answered, expired, deleted, or no longer queued).
   */
  public Optional<MailAttempt> startMail(
      TenantRef tenant, UUID workspaceId, UUID invitationId, String invitedBy) {
    Instant now = clock.instant();
    String token = newToken();
    String tokenHash = hash(token);
    return store.inTransaction(
        tenant,
        tx -> {
          Optional<Invitation> found = tx.invitations().find(workspaceId, invitationId);
          Optional<String> workspaceName = tx.workspace(workspaceId).map(Workspace::name);
          if (found.isEmpty()
              || workspaceName.isEmpty()
              || found.get().statusAt(now) != Invitation.Status.PENDING
              || found.get().delivery() != Delivery.QUEUED) {
            return Optional.empty();
          }
          Invitation invitation = found.get();
          invitation.newLink(tokenHash);
          return Optional.of(
              new MailAttempt(
                  workspaceId,
                  invitationId,
                  tokenHash,
                  new Letter(
                      invitation.email(),
                      workspaceName.get(),
                      invitation.role(),
                      invitedBy,
                      token,
                      invitation.expiresAt())));
        });
  }

  /**
   * Sends the attempt's mail and records how it went; {@code mail-unavailable} (and nothing
   * recorded) when it could not be sent. A resend in between keeps its own state.
   */
  public Delivery sendMail(TenantRef tenant, MailAttempt attempt) {
    Letter letter = attempt.letter();
    Delivery delivery = mail.deliver(tenant, mail.accountOf(tenant, letter.email()), letter);
    record(tenant, attempt.workspaceId(), attempt.invitationId(), attempt.tokenHash(), delivery);
    return delivery;
  }

  /**
   * The mail of an invitation could not be sent in time: it shows {@code FAILED} to its
   * administrators, unless a resend queued it again ({@code tokenHash} then no longer matches; null
   * when no link was made).
   */
  public void mailFailed(TenantRef tenant, UUID workspaceId, UUID invitationId, String tokenHash) {
    record(tenant, workspaceId, invitationId, tokenHash, Delivery.FAILED);
  }

  private void record(
      TenantRef tenant, UUID workspaceId, UUID invitationId, String tokenHash, Delivery outcome) {
    store.inTransaction(
        tenant,
        tx -> {
          tx.invitations()
              .find(workspaceId, invitationId)
              .filter(
                  invitation ->
                      tokenHash == null
                          ? invitation.delivery() == Delivery.QUEUED
                          : invitation.awaitsMailWith(tokenHash))
              .ifPresent(invitation -> invitation.delivered(outcome));
          return null;
        });
  }

  private static Invitation existing(WorkspaceStore.Tx tx, UUID workspaceId, UUID invitationId) {
    return tx.invitations()
        .find(workspaceId, invitationId)
        .orElseThrow(
            () ->
                new ProblemException(
                    WorkspaceProblems.INVITATION_NOT_FOUND,
                    "The workspace has no invitation " + invitationId + "."));
  }

  /** An invitation with the name of its workspace, for the platform's console. */
  public record Unanswered(Invitation invitation, String workspaceName) {}

  /**
   * The tenant's invitations nobody answered yet, across its workspaces, for platform
   * administrators (the console): who was invited where, and whether the link expired.
   */
  public List<Unanswered> unanswered(TenantRef tenant, int max) {
    return store.read(
        tenant,
        tx -> {
          Map<UUID, String> names = new HashMap<>();
          tx.workspaces().forEach(w -> names.put(w.id(), w.name()));
          return tx.invitations().unanswered(max).stream()
              .map(i -> new Unanswered(i, names.get(i.workspaceId())))
              .toList();
        });
  }

  public List<Invitation> list(TenantRef tenant, Caller caller, UUID workspaceId) {
    access.require(tenant, caller, workspaceId, WorkspaceRole.ADMIN);
    return store.read(tenant, tx -> tx.invitations().list(workspaceId));
  }

  /** Revokes a pending invitation; revoking a revoked one changes nothing. */
  public Invitation revoke(TenantRef tenant, Caller caller, UUID workspaceId, UUID invitationId) {
    access.require(tenant, caller, workspaceId, WorkspaceRole.ADMIN);
    return store.inTransaction(
        tenant,
        tx -> {
          Invitation invitation = existing(tx, workspaceId, invitationId);
          Instant now = clock.instant();
          Map<String, Object> before = state(invitation, now);
          if (invitation.revoke(now)) {
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

  /** What an invitation offers, as its recipient sees it before accepting or declining. */
  public record Offer(Invitation invitation, String workspaceName, boolean forCaller) {}

  /**
   * The invitation the token belongs to, while it can still be accepted, with its workspace's name;
   * {@code forCaller} tells whether it was sent to the caller's verified address.
   */
  public Offer preview(
      TenantRef tenant, Caller caller, Optional<String> verifiedEmail, String token) {
    // A transaction: the look-up by token locks the invitation row, as accepting does.
    return store.inTransaction(
        tenant,
        tx -> {
          Invitation invitation = open(tx, token, clock.instant());
          String name =
              tx.workspace(invitation.workspaceId())
                  .orElseThrow(() -> WorkspaceAccess.notFound(invitation.workspaceId()))
                  .name();
          return new Offer(
              invitation,
              name,
              verifiedEmail.filter(invitation.email()::equalsIgnoreCase).isPresent());
        });
  }

  /**
   * Accepts the invitation the token belongs to, for the caller, whose verified e-mail address must
   * be the invited one: an address a user can change without proving it (Keycloak's account
   * console) proves nothing. {@code verifiedEmail} is empty when the caller's address is not
   * verified. A caller that became a member since keeps the higher of its role and the invited.
   */
  public Invitation accept(
      TenantRef tenant, Caller caller, Optional<String> verifiedEmail, String token) {
    Invitation accepted =
        store.inTransaction(
            tenant,
            tx -> {
              Instant now = clock.instant();
              Invitation invitation = open(tx, token, now);
              requireRecipient(invitation, verifiedEmail);
              UUID workspaceId = invitation.workspaceId();
              tx.lockWorkspace(workspaceId);
              Map<String, Object> before = state(invitation, now);
              WorkspaceMember existing =
                  tx.members().find(workspaceId, caller.userId()).orElse(null);
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

  /** The caller says no to the invitation sent to its verified address: it is closed. */
  public Invitation decline(
      TenantRef tenant, Caller caller, Optional<String> verifiedEmail, String token) {
    return store.inTransaction(
        tenant,
        tx -> {
          Instant now = clock.instant();
          Invitation invitation = open(tx, token, now);
          requireRecipient(invitation, verifiedEmail);
          Map<String, Object> before = state(invitation, now);
          invitation.decline(now);
          audit.record(
              tx,
              caller.actor(),
              "invitation.declined",
              invitation.workspaceId(),
              "invitation",
              invitation.id(),
              before,
              state(invitation, now));
          return invitation;
        });
  }

  /** The pending invitation of the token, or the problem that says why it is not. */
  private static Invitation open(WorkspaceStore.Tx tx, String token, Instant now) {
    Invitation invitation =
        tx.invitations()
            .byTokenHash(hash(token))
            .orElseThrow(
                () ->
                    Invitation.linkRefused(
                        WorkspaceProblems.INVITATION_NOT_FOUND,
                        "No invitation of this organization has this link; ask for a new one."));
    invitation.requireOpen(now);
    return invitation;
  }

  private static void requireRecipient(Invitation invitation, Optional<String> verifiedEmail) {
    if (verifiedEmail.isEmpty()) {
      throw new ProblemException(
          WorkspaceProblems.INVITATION_OTHER_RECIPIENT,
          "Your e-mail address is not verified yet; verify it, then open the invitation again.");
    }
    if (!verifiedEmail.get().equalsIgnoreCase(invitation.email())) {
      throw new ProblemException(
          WorkspaceProblems.INVITATION_OTHER_RECIPIENT,
          "This invitation was sent to another e-mail address than yours.");
    }
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
