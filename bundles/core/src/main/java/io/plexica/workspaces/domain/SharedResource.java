package io.plexica.workspaces.domain;

import static io.plexica.shared.id.NullableUuid.text;
import static io.plexica.shared.id.NullableUuid.uuid;

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
 * A resource of one workspace (a plugin's record, a file) shared into another workspace of the same
 * tenant, named by a type such as {@code crm:contact} and the resource's id.
 */
@Entity
@Table(name = "workspace_resource")
@Multitenant(MultitenantType.TABLE_PER_TENANT)
@TenantTableDiscriminator(
    type = TenantTableDiscriminatorType.SCHEMA,
    contextProperty = PersistenceUnitProperties.MULTITENANT_PROPERTY_DEFAULT)
public class SharedResource {
  @Id private UUID id;

  @Column(name = "source_workspace_id", nullable = false)
  private UUID sourceWorkspaceId;

  @Column(name = "target_workspace_id", nullable = false)
  private UUID targetWorkspaceId;

  @Column(name = "resource_type", nullable = false, length = 100)
  private String resourceType;

  @Column(name = "resource_id", nullable = false, length = 200)
  private String resourceId;

  @Column(name = "shared_by")
  private String sharedBy;

  @Column(name = "shared_at", nullable = false)
  private Instant sharedAt;

  protected SharedResource() {}

  public SharedResource(
      UUID sourceWorkspaceId,
      UUID targetWorkspaceId,
      String resourceType,
      String resourceId,
      UUID sharedBy,
      Instant now) {
    this.id = UUID.randomUUID();
    this.sourceWorkspaceId = sourceWorkspaceId;
    this.targetWorkspaceId = targetWorkspaceId;
    this.resourceType = resourceType;
    this.resourceId = resourceId;
    this.sharedBy = text(sharedBy);
    this.sharedAt = now.truncatedTo(ChronoUnit.MICROS);
  }

  public UUID id() {
    return id;
  }

  public UUID sourceWorkspaceId() {
    return sourceWorkspaceId;
  }

  public UUID targetWorkspaceId() {
    return targetWorkspaceId;
  }

  public String resourceType() {
    return resourceType;
  }

  public String resourceId() {
    return resourceId;
  }

  public UUID sharedBy() {
    return uuid(sharedBy);
  }

  public Instant sharedAt() {
    return sharedAt;
  }
}
