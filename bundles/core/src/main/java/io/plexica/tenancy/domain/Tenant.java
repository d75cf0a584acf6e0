package io.plexica.tenancy.domain;

import io.plexica.shared.json.JsonText;
import io.plexica.shared.placement.SchemaAddress;
import io.plexica.shared.problem.ProblemException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.SecondaryTable;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * A company using the platform, with its own realm, bucket and schema. Where its data lives (the
 * schema and the migration version it reached) is kept apart in {@code tenant_placement}.
 */
@Entity
@Table(name = "tenant", schema = "plexica_core")
@SecondaryTable(
    name = Tenant.PLACEMENT,
    schema = "plexica_core",
    pkJoinColumns = @PrimaryKeyJoinColumn(name = "tenant_id", referencedColumnName = "id"))
public class Tenant {
  static final String PLACEMENT = "tenant_placement";

  @Id private UUID id;

  @Column(nullable = false, length = 63)
  private String slug;

  @Column(nullable = false, length = 200)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private TenantStatus status;

  @Enumerated(EnumType.STRING)
  @Column(table = PLACEMENT, name = "identity_kind", nullable = false, length = 16)
  private IdentityHome.Kind identityKind;

  @Column(table = PLACEMENT, name = "identity_realm", nullable = false, length = 63)
  private String identityRealm;

  @Column(table = PLACEMENT, name = "identity_organization", length = 64)
  private String identityOrganization;

  @Column(table = PLACEMENT, name = "schema_name", nullable = false, length = 63)
  private String schemaName;

  /** The PostgreSQL cluster holding the schema ({@link SchemaAddress#cluster()}). */
  @Column(table = PLACEMENT, name = "database_cluster", nullable = false, length = 30)
  private String databaseCluster;

  /** The tenant migrations the schema has reached; 0 until provisioning or a start records it. */
  @Column(table = PLACEMENT, name = "schema_version", nullable = false)
  private int schemaVersion;

  /** A JSON object, validated at the edge and stored as jsonb. */
  @Column(nullable = false)
  private String settings;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "purged_at")
  private Instant purgedAt;

  @Column(name = "admin_email", length = 254)
  private String adminEmail;

  /** {@link TenantQuotas} as a JSON object, stored as jsonb. */
  @Column(nullable = false)
  private String quotas = "{}";

  @Version private long version;

  protected Tenant() {}

  /** A new tenant with a realm of its own, about to be provisioned. */
  public Tenant(
      TenantSlug slug, TenantName name, EmailAddress adminEmail, String settingsJson, Instant now) {
    this(
        slug,
        name,
        adminEmail,
        settingsJson,
        IdentityHome.ownRealm(slug.value()),
        SchemaAddress.MAIN_CLUSTER,
        now);
  }

  /**
   * A new tenant whose people will live in {@code home} and whose data on the PostgreSQL cluster
   * {@code databaseCluster}, about to be provisioned.
   */
  public Tenant(
      TenantSlug slug,
      TenantName name,
      EmailAddress adminEmail,
      String settingsJson,
      IdentityHome home,
      String databaseCluster,
      Instant now) {
    this.id = UUID.randomUUID();
    this.adminEmail = adminEmail.value();
    this.slug = slug.value();
    this.name = name.value();
    this.schemaName = slug.schemaName();
    this.databaseCluster = new SchemaAddress(databaseCluster, schemaName).cluster();
    this.identityKind = home.kind();
    this.identityRealm = home.realm();
    this.identityOrganization = home.organization();
    this.settings = settingsJson;
    this.status = TenantStatus.PROVISIONING;
    this.createdAt = truncate(now);
    this.updatedAt = this.createdAt;
  }

  /** Moves to {@code next}, or refuses with a 409 problem naming both states. */
  public void moveTo(TenantStatus next, Instant now) {
    if (!status.canBecome(next)) {
      throw new ProblemException(
          TenancyProblems.ILLEGAL_TRANSITION,
          "Tenant '" + slug + "' is " + status + " and cannot become " + next + ".");
    }
    status = next;
    touch(now);
  }

  /** Puts back the status a failed change started from; not a transition of the life cycle. */
  public void restoreStatus(TenantStatus previous, Instant now) {
    status = previous;
    touch(now);
  }

  public void rename(TenantName newName, Instant now) {
    name = newName.value();
    touch(now);
  }

  public void replaceSettings(String settingsJson, Instant now) {
    settings = settingsJson;
    touch(now);
  }

  public TenantQuotas quotas() {
    return TenantQuotas.parse(JsonText.object(quotas), "quotas");
  }

  public void replaceQuotas(TenantQuotas changed, Instant now) {
    quotas = changed.toJson().toString();
    touch(now);
  }

  /** The tenant's schema now lives on {@code cluster} (a move copied it there). */
  public void placeOn(String cluster, Instant now) {
    databaseCluster = new SchemaAddress(cluster, schemaName).cluster();
    touch(now);
  }

  /** The tenant's people now live in {@code home} (a move took them there). */
  public void moveIdentityTo(IdentityHome home, Instant now) {
    if (home.isSharedRealm() && home.organization() == null) {
      throw new IllegalArgumentException("A tenant moves into an organization that exists");
    }
    identityKind = home.kind();
    identityRealm = home.realm();
    identityOrganization = home.organization();
    touch(now);
  }

  public void markPurged(Instant now) {
    purgedAt = truncate(now);
    touch(now);
  }

  private void touch(Instant now) {
    updatedAt = truncate(now);
  }

  /**
   * PostgreSQL keeps microseconds; truncating here makes what we return equal what we read back.
   */
  private static Instant truncate(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
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

  public TenantStatus status() {
    return status;
  }

  public String schemaName() {
    return schemaName;
  }

  /** Where the tenant's data lives: its schema and the cluster holding it. */
  public SchemaAddress database() {
    return new SchemaAddress(databaseCluster, schemaName);
  }

  public IdentityHome identityHome() {
    return new IdentityHome(identityKind, identityRealm, identityOrganization);
  }

  /**
   * Records the organization that provisioning made for the tenant in its shared realm (null when
   * provisioning undid it); where the tenant lives, not a change of the tenant.
   */
  public void settleOrganization(String organizationId) {
    if (identityKind != IdentityHome.Kind.ORGANIZATION) {
      throw new IllegalStateException("Tenant " + slug + " has a realm of its own");
    }
    identityOrganization = organizationId;
  }

  public int schemaVersion() {
    return schemaVersion;
  }

  public String settings() {
    return settings;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public Instant purgedAt() {
    return purgedAt;
  }

  /** The first administrator, invited at provisioning. */
  public String adminEmail() {
    return adminEmail;
  }

  public boolean isPurged() {
    return purgedAt != null;
  }

  public long version() {
    return version;
  }
}
