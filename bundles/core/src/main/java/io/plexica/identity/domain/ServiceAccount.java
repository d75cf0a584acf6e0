package io.plexica.identity.domain;

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
 * A program acting in one tenant: a confidential client of the tenant's realm that gets tokens with
 * the client-credentials grant. Its id is that of its {@link TenantUser} (the client's
 * service-account user, the subject of its tokens), which holds its roles and enabled state; this
 * row says what it is for and which client it is. The client secret is never stored here.
 */
@Entity
@Table(name = "service_account")
@Multitenant(MultitenantType.TABLE_PER_TENANT)
@TenantTableDiscriminator(
    type = TenantTableDiscriminatorType.SCHEMA,
    contextProperty = PersistenceUnitProperties.MULTITENANT_PROPERTY_DEFAULT)
public class ServiceAccount {
  public static final int MAX_NAME = 100;
  public static final int MAX_DESCRIPTION = 500;

  @Id private UUID id;

  @Column(nullable = false, length = MAX_NAME)
  private String name;

  @Column(length = MAX_DESCRIPTION)
  private String description;

  @Column(name = "client_id", nullable = false, length = 100)
  private String clientId;

  @Column(name = "client_uuid", nullable = false)
  private UUID clientUuid;

  @Column(name = "created_by", nullable = false, length = 255)
  private String createdBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "secret_rotated_at", nullable = false)
  private Instant secretRotatedAt;

  @Version private long version;

  protected ServiceAccount() {}

  public ServiceAccount(
      UUID id,
      String name,
      String description,
      String clientId,
      UUID clientUuid,
      String createdBy,
      Instant now) {
    this.id = id;
    this.name = name;
    this.description = description;
    this.clientId = clientId;
    this.clientUuid = clientUuid;
    this.createdBy = createdBy;
    this.createdAt = now.truncatedTo(ChronoUnit.MICROS);
    this.updatedAt = createdAt;
    this.secretRotatedAt = createdAt;
  }

  public UUID id() {
    return id;
  }

  public String name() {
    return name;
  }

  public String description() {
    return description;
  }

  /** The OAuth client id a program authenticates with. */
  public String clientId() {
    return clientId;
  }

  /** Keycloak's own id of the client, for the admin API. */
  public UUID clientUuid() {
    return clientUuid;
  }

  public String createdBy() {
    return createdBy;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public Instant secretRotatedAt() {
    return secretRotatedAt;
  }

  public void describe(String newName, String newDescription, Instant now) {
    if (!newName.equals(name) || !Objects.equals(newDescription, description)) {
      name = newName;
      description = newDescription;
      touch(now);
    }
  }

  public void secretRotated(Instant now) {
    secretRotatedAt = now.truncatedTo(ChronoUnit.MICROS);
    touch(now);
  }

  /** A change of the account's user (roles, enabled) is a change of the account. */
  public void touch(Instant now) {
    updatedAt = now.truncatedTo(ChronoUnit.MICROS);
  }
}
