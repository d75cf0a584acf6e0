package io.plexica.workspaces.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantTableDiscriminator;
import org.eclipse.persistence.annotations.TenantTableDiscriminatorType;
import org.eclipse.persistence.config.PersistenceUnitProperties;

/**
 * A workspace member's place in one of the workspace's teams; the database drops it when the user
 * leaves the workspace.
 */
@Entity
@Table(name = "team_member")
@Multitenant(MultitenantType.TABLE_PER_TENANT)
@TenantTableDiscriminator(
    type = TenantTableDiscriminatorType.SCHEMA,
    contextProperty = PersistenceUnitProperties.MULTITENANT_PROPERTY_DEFAULT)
public class TeamMember {
  @Id private UUID id;

  @Column(name = "team_id", nullable = false)
  private UUID teamId;

  @Column(name = "workspace_id", nullable = false)
  private UUID workspaceId;

  @Column(name = "user_id", nullable = false)
  private UUID userId;

  @Column(name = "added_at", nullable = false)
  private Instant addedAt;

  protected TeamMember() {}

  public TeamMember(Team team, UUID userId, Instant now) {
    this.id = UUID.randomUUID();
    this.teamId = team.id();
    this.workspaceId = team.workspaceId();
    this.userId = userId;
    this.addedAt = now.truncatedTo(ChronoUnit.MICROS);
  }

  public UUID teamId() {
    return teamId;
  }

  public UUID userId() {
    return userId;
  }

  public Instant addedAt() {
    return addedAt;
  }
}
