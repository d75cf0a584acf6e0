package io.plexica.workspaces.domain;

import static io.plexica.shared.id.NullableUuid.text;
import static io.plexica.shared.id.NullableUuid.uuid;

import io.plexica.shared.problem.FieldError;
import io.plexica.shared.problem.ProblemException;
import io.plexica.shared.problem.ProblemType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantTableDiscriminator;
import org.eclipse.persistence.annotations.TenantTableDiscriminatorType;
import org.eclipse.persistence.config.PersistenceUnitProperties;

/**
 * An invitation to join a workspace with a role, sent to an e-mail address. Only the SHA-256 of its
 * token is stored; it can be accepted once, before it expires, unless it was revoked.
 */
@Entity
@Table(name = "invitation")
@Multitenant(MultitenantType.TABLE_PER_TENANT)
@TenantTableDiscriminator(
    type = TenantTableDiscriminatorType.SCHEMA,
    contextProperty = PersistenceUnitProperties.MULTITENANT_PROPERTY_DEFAULT)
public class Invitation {
  /** Where an invitation stands; an expired one stays {@code PENDING} in the table. */
  public enum Status {
    PENDING,
    ACCEPTED,
    REVOKED,
    DECLINED,
    EXPIRED
  }

  /** How the invitation reached the person. */
  public enum Delivery {
    /** Waiting for a node to mail it (a moment, or longer while the mail server is away). */
    QUEUED,
    /** A mail with the link to accept: the address has an account. */
    JOIN_LINK_MAILED,
    /** Keycloak's mail to set a password, leading to the invitation: an account was made. */
    ACCOUNT_SETUP_MAILED,
    /** Nothing: no mail server is configured; the sender passes the link on. */
    NOT_MAILED,
    /** The mail could not be sent for an hour; sending it again is up to an administrator. */
    FAILED
  }

  @Id private UUID id;

  @Column(name = "workspace_id", nullable = false)
  private UUID workspaceId;

  @Column(nullable = false, length = 320)
  private String email;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private WorkspaceRole role;

  @Column(name = "token_hash", nullable = false, length = 64)
  private String tokenHash;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private Status status;

  @Column(name = "invited_by")
  private String invitedBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "accepted_by")
  private String acceptedBy;

  @Column(name = "decided_at")
  private Instant decidedAt;

  @Enumerated(EnumType.STRING)
  @Column(length = 24)
  private Delivery delivery;

  @Version private long version;

  protected Invitation() {}

  public Invitation(
      UUID workspaceId,
      String email,
      WorkspaceRole role,
      String tokenHash,
      UUID invitedBy,
      Instant now,
      Instant expiresAt,
      Delivery delivery) {
    this.id = UUID.randomUUID();
    this.delivery = delivery;
    this.workspaceId = workspaceId;
    this.email = email;
    this.role = role;
    this.tokenHash = tokenHash;
    this.status = Status.PENDING;
    this.invitedBy = text(invitedBy);
    this.createdAt = now.truncatedTo(ChronoUnit.MICROS);
    this.expiresAt = expiresAt.truncatedTo(ChronoUnit.MICROS);
  }

  /** The status as of {@code now}: a pending invitation past its expiry is {@code EXPIRED}. */
  public Status statusAt(Instant now) {
    return status == Status.PENDING && !now.isBefore(expiresAt) ? Status.EXPIRED : status;
  }

  /**
   * Accepted by {@code userId}: only an open invitation can be ({@link #requireOpen}). The caller
   * checks that the person is the invited one.
   */
  public void accept(UUID userId, Instant now) {
    requireOpen(now);
    this.status = Status.ACCEPTED;
    this.acceptedBy = text(userId);
    this.decidedAt = now.truncatedTo(ChronoUnit.MICROS);
  }

  /**
   * Withdrawn by an administrator; whether that changed it (a revoked one stays as it was). An
   * accepted invitation cannot be withdrawn: the member is removed instead.
   */
  public boolean revoke(Instant now) {
    Status current = statusAt(now);
    if (current == Status.ACCEPTED) {
      throw new ProblemException(
          WorkspaceProblems.INVITATION_USED,
          "The invitation was accepted; remove the member instead.");
    }
    if (current == Status.REVOKED) {
      return false;
    }
    this.status = Status.REVOKED;
    this.decidedAt = now.truncatedTo(ChronoUnit.MICROS);
    return true;
  }

  /**
   * Refuses, with the reason the person opening its link should read, an invitation that is no
   * longer open: accepted, withdrawn, declined or expired.
   */
  public void requireOpen(Instant now) {
    switch (statusAt(now)) {
      case ACCEPTED ->
          throw linkRefused(
              WorkspaceProblems.INVITATION_USED,
              "This invitation was already accepted; an invitation is used once.");
      case REVOKED ->
          throw linkRefused(WorkspaceProblems.INVITATION_REVOKED, "This invitation was withdrawn.");
      case DECLINED ->
          throw linkRefused(WorkspaceProblems.INVITATION_DECLINED, "This invitation was declined.");
      case EXPIRED ->
          throw linkRefused(
              WorkspaceProblems.INVITATION_EXPIRED,
              "This invitation expired at " + expiresAt + "; ask for a new one.");
      case PENDING -> {}
    }
  }

  /** A refusal of an invitation's link: the field in error is the token that named it. */
  public static ProblemException linkRefused(ProblemType type, String detail) {
    return new ProblemException(type, detail, List.of(new FieldError("token", detail)));
  }

  /**
   * A new link for a pending or expired invitation, valid until {@code newExpiresAt} and reaching
   * the person as {@code delivery} says (queued to be mailed, or not mailed): the old link stops
   * working. An answered or withdrawn invitation is not sent again.
   */
  public void renew(String newTokenHash, Instant now, Instant newExpiresAt, Delivery delivery) {
    switch (statusAt(now)) {
      case ACCEPTED ->
          throw new ProblemException(
              WorkspaceProblems.INVITATION_USED,
              "The invitation was accepted; there is nothing to send again.");
      case REVOKED ->
          throw new ProblemException(
              WorkspaceProblems.INVITATION_REVOKED,
              "The invitation was withdrawn; invite the person again instead.");
      case DECLINED ->
          throw new ProblemException(
              WorkspaceProblems.INVITATION_DECLINED,
              "The person declined the invitation; invite them again if they changed their mind.");
      case PENDING, EXPIRED -> {}
    }
    this.tokenHash = newTokenHash;
    this.expiresAt = newExpiresAt.truncatedTo(ChronoUnit.MICROS);
    this.status = Status.PENDING;
    this.delivery = delivery;
  }

  /** Whether it waits to be mailed with the link whose hash is {@code tokenHash}. */
  public boolean awaitsMailWith(String tokenHash) {
    return delivery == Delivery.QUEUED && this.tokenHash.equals(tokenHash);
  }

  /** The mailer's new link, made as it sends the mail (nobody else ever saw one). */
  public void newLink(String newTokenHash) {
    this.tokenHash = newTokenHash;
  }

  /** How the mailer's attempt went: mailed, or given up. */
  public void delivered(Delivery outcome) {
    this.delivery = outcome;
  }

  /** The invited person said no; the invitation cannot be used any more. */
  public void decline(Instant now) {
    requireOpen(now);
    this.status = Status.DECLINED;
    this.decidedAt = now.truncatedTo(ChronoUnit.MICROS);
  }

  public UUID id() {
    return id;
  }

  public UUID workspaceId() {
    return workspaceId;
  }

  public String email() {
    return email;
  }

  public WorkspaceRole role() {
    return role;
  }

  public UUID invitedBy() {
    return uuid(invitedBy);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public UUID acceptedBy() {
    return uuid(acceptedBy);
  }

  public Instant decidedAt() {
    return decidedAt;
  }

  /** How it reached the person; null for invitations made before deliveries were recorded. */
  public Delivery delivery() {
    return delivery;
  }
}
