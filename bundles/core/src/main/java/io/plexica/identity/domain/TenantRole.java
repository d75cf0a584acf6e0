package io.plexica.identity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantTableDiscriminator;
import org.eclipse.persistence.annotations.TenantTableDiscriminatorType;
import org.eclipse.persistence.config.PersistenceUnitProperties;

/**
 * A role of one tenant and the permissions it grants. The built-in {@code admin}, {@code user} and
 * {@code guest} come with every tenant; tenants add their own.
 */
@Entity
@Table(name = "roles")
@Multitenant(MultitenantType.TABLE_PER_TENANT)
@TenantTableDiscriminator(
    type = TenantTableDiscriminatorType.SCHEMA,
    contextProperty = PersistenceUnitProperties.MULTITENANT_PROPERTY_DEFAULT)
public class TenantRole {
  public static final int MAX_DESCRIPTION = 500;

  @Id
  @Column(length = 40)
  private String name;

  @Column(length = MAX_DESCRIPTION)
  private String description;

  @Column(name = "built_in", nullable = false)
  private boolean builtIn;

  @Column(name = "permissions", nullable = false)
  private String permissionList = "";

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected TenantRole() {}

  public TenantRole(RoleName name, String description, Set<String> permissions, Instant now) {
    this.name = name.value();
    this.description = description;
    this.permissionList = NameList.join(permissions);
    this.createdAt = now.truncatedTo(ChronoUnit.MICROS);
    this.updatedAt = this.createdAt;
  }

  public String name() {
    return name;
  }

  public String description() {
    return description;
  }

  public boolean builtIn() {
    return builtIn;
  }

  public Set<String> permissions() {
    return NameList.split(permissionList);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public void describe(String newDescription, Instant now) {
    this.description = newDescription;
    touch(now);
  }

  public void grantOnly(Set<String> newPermissions, Instant now) {
    permissionList = NameList.join(newPermissions);
    touch(now);
  }

  private void touch(Instant now) {
    this.updatedAt = now.truncatedTo(ChronoUnit.MICROS);
  }
}
