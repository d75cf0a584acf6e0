package io.plexica.identity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantTableDiscriminator;
import org.eclipse.persistence.annotations.TenantTableDiscriminatorType;
import org.eclipse.persistence.config.PersistenceUnitProperties;

/**
 * A user of one tenant as the platform mirrors it from the tenant's realm; its id is the user's
 * subject there. Its roles here are what authorizes it. A {@linkplain #isServiceAccount() service
 * account} is a user too (its Keycloak service-account user), described by its {@link
 * ServiceAccount}; the users endpoints show people only.
 */
@Entity
@Table(name = "users")
@Multitenant(MultitenantType.TABLE_PER_TENANT)
@TenantTableDiscriminator(
    type = TenantTableDiscriminatorType.SCHEMA,
    contextProperty = PersistenceUnitProperties.MULTITENANT_PROPERTY_DEFAULT)
public class TenantUser {
  @Id private UUID id;

  @Column(nullable = false, length = 255)
  private String username;

  @Column(length = 320)
  private String email;

  @Column(name = "first_name", length = 255)
  private String firstName;

  @Column(name = "last_name", length = 255)
  private String lastName;

  @Column(nullable = false)
  private boolean enabled;

  @Column(name = "first_seen_at")
  private Instant firstSeenAt;

  @Column(name = "roles", nullable = false)
  private String roleList = "";

  @Column(name = "service_account", nullable = false)
  private boolean serviceAccount;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected TenantUser() {}

  public TenantUser(UUID id, UserProfile profile, boolean enabled, Set<String> roles, Instant now) {
    this.id = id;
    this.enabled = enabled;
    this.roleList = NameList.join(roles);
    this.createdAt = now.truncatedTo(ChronoUnit.MICROS);
    this.updatedAt = this.createdAt;
    apply(profile);
  }

  /**
   * The user behind a service account: its id and username are those of the client's
   * service-account user in the realm; it has no e-mail and counts as seen from the start.
   */
  public static TenantUser serviceAccount(
      UUID id, String username, Set<String> roles, Instant now) {
    TenantUser user =
        new TenantUser(id, new UserProfile(username, null, null, null), true, roles, now);
    user.serviceAccount = true;
    user.seen(now);
    return user;
  }

  public UUID id() {
    return id;
  }

  public boolean isServiceAccount() {
    return serviceAccount;
  }

  public UserProfile profile() {
    return new UserProfile(username, email, firstName, lastName);
  }

  public boolean enabled() {
    return enabled;
  }

  public Instant firstSeenAt() {
    return firstSeenAt;
  }

  public Set<String> roles() {
    return NameList.split(roleList);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public UserStatus status() {
    return UserStatus.of(enabled, firstSeenAt);
  }

  public boolean isEnabledAdmin() {
    return enabled && roles().contains(RoleName.ADMIN);
  }

  /** The first request the platform saw from this user. */
  public void seen(Instant now) {
    if (firstSeenAt == null) {
      firstSeenAt = now.truncatedTo(ChronoUnit.MICROS);
      touch(now);
    }
  }

  public void updateProfile(UserProfile profile, Instant now) {
    if (!profile.equals(profile())) {
      apply(profile);
      touch(now);
    }
  }

  public void setEnabled(boolean value, Instant now) {
    if (enabled != value) {
      enabled = value;
      touch(now);
    }
  }

  public void replaceRoles(Set<String> newRoles, Instant now) {
    String joined = NameList.join(newRoles);
    if (!roleList.equals(joined)) {
      roleList = joined;
      touch(now);
    }
  }

  private void apply(UserProfile profile) {
    this.username = profile.username();
    this.email = profile.email();
    this.firstName = profile.firstName();
    this.lastName = profile.lastName();
  }

  private void touch(Instant now) {
    this.updatedAt = now.truncatedTo(ChronoUnit.MICROS);
  }
}
