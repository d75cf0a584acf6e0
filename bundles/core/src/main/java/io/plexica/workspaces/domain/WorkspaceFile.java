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
 * A file of a workspace: its bytes are an object of the tenant's bucket ({@link #objectKey()}),
 * this row is what lists, authorizes and names it.
 */
@Entity
@Table(name = "workspace_file")
@Multitenant(MultitenantType.TABLE_PER_TENANT)
@TenantTableDiscriminator(
    type = TenantTableDiscriminatorType.SCHEMA,
    contextProperty = PersistenceUnitProperties.MULTITENANT_PROPERTY_DEFAULT)
public class WorkspaceFile {
  @Id private UUID id;

  @Column(name = "workspace_id", nullable = false)
  private UUID workspaceId;

  @Column(nullable = false, length = 255)
  private String name;

  @Column(name = "content_type", nullable = false, length = 255)
  private String contentType;

  @Column(name = "size_bytes", nullable = false)
  private long size;

  @Column(name = "uploaded_by")
  private String uploadedBy;

  @Column(name = "uploaded_at", nullable = false)
  private Instant uploadedAt;

  protected WorkspaceFile() {}

  public WorkspaceFile(
      UUID workspaceId, String name, String contentType, long size, UUID uploadedBy, Instant now) {
    this.id = UUID.randomUUID();
    this.workspaceId = workspaceId;
    this.name = name;
    this.contentType = contentType;
    this.size = size;
    this.uploadedBy = text(uploadedBy);
    this.uploadedAt = now.truncatedTo(ChronoUnit.MICROS);
  }

  /** Every object of a workspace lies under this prefix of the tenant's bucket. */
  public static String workspacePrefix(UUID workspaceId) {
    return "workspaces/" + workspaceId + "/";
  }

  public String objectKey() {
    return workspacePrefix(workspaceId) + "files/" + id;
  }

  public UUID id() {
    return id;
  }

  public UUID workspaceId() {
    return workspaceId;
  }

  public String name() {
    return name;
  }

  public String contentType() {
    return contentType;
  }

  public long size() {
    return size;
  }

  public UUID uploadedBy() {
    return uuid(uploadedBy);
  }

  public Instant uploadedAt() {
    return uploadedAt;
  }
}
