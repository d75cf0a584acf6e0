package io.plexica.workspaces.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantTableDiscriminator;
import org.eclipse.persistence.annotations.TenantTableDiscriminatorType;
import org.eclipse.persistence.config.PersistenceUnitProperties;

/**
 * A group of people and resources inside one tenant. Its table exists once per tenant schema; the
 * entity manager's tenant property chooses which.
 */
@Entity
@Table(name = "workspace")
@Multitenant(MultitenantType.TABLE_PER_TENANT)
@TenantTableDiscriminator(
    type = TenantTableDiscriminatorType.SCHEMA,
    contextProperty = PersistenceUnitProperties.MULTITENANT_PROPERTY_DEFAULT)
public class Workspace {
  @Id private UUID id;

  @Column(nullable = false, length = 63)
  private String slug;

  @Column(nullable = false, length = 200)
  private String name;

  @Column(length = 2000)
  private String description;

  /** A JSON object the workspace's administrators set (theme, defaults); plugins may read it. */
  @Column(nullable = false)
  private String settings = "{}";

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected Workspace() {}

  public Workspace(WorkspaceSlug slug, String name, String description, Instant now) {
    this.id = UUID.randomUUID();
    this.slug = slug.value();
    this.name = name;
    this.description = description;
    this.createdAt = now.truncatedTo(ChronoUnit.MICROS);
    this.updatedAt = this.createdAt;
  }

  /** Applies a change of name, description or settings; false when nothing changed. */
  public boolean update(String newName, String newDescription, String newSettings, Instant now) {
    if (name.equals(newName)
        && Objects.equals(description, newDescription)
        && settings.equals(newSettings)) {
      return false;
    }
    this.name = newName;
    this.description = newDescription;
    this.settings = newSettings;
    this.updatedAt = now.truncatedTo(ChronoUnit.MICROS);
    return true;
  }

  public String settings() {
    return settings;
  }

  public UUID id() {
    return id;
  }

  public String slug() {
    return slug;
  }

  public String name() {
    return name;
  }

  public String description() {
    return description;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
