package io.plexica.workspaces.domain;

import static io.plexica.shared.id.NullableUuid.text;
import static io.plexica.shared.id.NullableUuid.uuid;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantTableDiscriminator;
import org.eclipse.persistence.annotations.TenantTableDiscriminatorType;
import org.eclipse.persistence.config.PersistenceUnitProperties;

/** A user's membership of a workspace of its tenant, with the role it holds there. */
@Entity
@Table(name = "workspace_member")
@IdClass(WorkspaceMember.Key.class)
@Multitenant(MultitenantType.TABLE_PER_TENANT)
@TenantTableDiscriminator(
    type = TenantTableDiscriminatorType.SCHEMA,
    contextProperty = PersistenceUnitProperties.MULTITENANT_PROPERTY_DEFAULT)
public class WorkspaceMember {
  @Id
  @Column(name = "workspace_id")
  private UUID workspaceId;

  @Id
  @Column(name = "user_id")
  private UUID userId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private WorkspaceRole role;

  @Column(name = "invited_by")
  private String invitedBy;

  @Column(name = "joined_at", nullable = false)
  private Instant joinedAt;

  /** The primary key: workspace and user (a class with fields, as JPA's id classes must be). */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private UUID workspaceId;
    private UUID userId;

    public Key() {}

    public Key(UUID workspaceId, UUID userId) {
      this.workspaceId = workspaceId;
      this.userId = userId;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key
          && Objects.equals(workspaceId, key.workspaceId)
          && Objects.equals(userId, key.userId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(workspaceId, userId);
    }
  }

  protected WorkspaceMember() {}

  public WorkspaceMember(
      UUID workspaceId, UUID userId, WorkspaceRole role, UUID invitedBy, Instant now) {
    this.workspaceId = workspaceId;
    this.userId = userId;
    this.role = role;
    this.invitedBy = text(invitedBy);
    this.joinedAt = now.truncatedTo(ChronoUnit.MICROS);
  }

  public UUID workspaceId() {
    return workspaceId;
  }

  public UUID userId() {
    return userId;
  }

  public WorkspaceRole role() {
    return role;
  }

  public void changeRole(WorkspaceRole newRole) {
    this.role = newRole;
  }

  public UUID invitedBy() {
    return uuid(invitedBy);
  }

  public Instant joinedAt() {
    return joinedAt;
  }
}
