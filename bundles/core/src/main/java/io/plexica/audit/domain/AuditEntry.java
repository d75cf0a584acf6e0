package io.plexica.audit.domain;

import static io.plexica.shared.id.NullableUuid.text;
import static io.plexica.shared.id.NullableUuid.uuid;

import io.plexica.shared.json.JsonText;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantTableDiscriminator;
import org.eclipse.persistence.annotations.TenantTableDiscriminatorType;
import org.eclipse.persistence.config.PersistenceUnitProperties;

/**
 * One change in a tenant: who made it, what it was ({@code member.role_changed}), where, and the
 * state before and after as JSON text. Written in the transaction of the change it records, so
 * there is never a change without its entry nor an entry without its change.
 */
@Entity
@Table(name = "audit_entry")
@Multitenant(MultitenantType.TABLE_PER_TENANT)
@TenantTableDiscriminator(
    type = TenantTableDiscriminatorType.SCHEMA,
    contextProperty = PersistenceUnitProperties.MULTITENANT_PROPERTY_DEFAULT)
public class AuditEntry {
  @Id private UUID id;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  @Column(name = "actor_id")
  private String actorId;

  @Column(name = "actor_name", length = 255)
  private String actorName;

  @Column(nullable = false, length = 60)
  private String action;

  @Column(name = "workspace_id")
  private String workspaceId;

  @Column(name = "target_type", nullable = false, length = 40)
  private String targetType;

  @Column(name = "target_id", length = 200)
  private String targetId;

  @Column(name = "before_state")
  private String before;

  @Column(name = "after_state")
  private String after;

  protected AuditEntry() {}

  /**
   * A change of something of the tenant outside any workspace (a user, a service account).
   *
   * @param before its state before, or null when it is new
   * @param after its state after, or null when it is gone
   */
  public static AuditEntry ofTenant(
      Instant occurredAt,
      Actor actor,
      String action,
      String targetType,
      String targetId,
      Map<String, ?> before,
      Map<String, ?> after) {
    return new AuditEntry(
        occurredAt,
        actor,
        action,
        null,
        targetType,
        targetId,
        before == null ? null : JsonText.of(before),
        after == null ? null : JsonText.of(after));
  }

  /**
   * @param before the target's state before, as a JSON object, or null when it is new
   * @param after its state after, or null when it is gone
   */
  public AuditEntry(
      Instant occurredAt,
      Actor actor,
      String action,
      UUID workspaceId,
      String targetType,
      String targetId,
      String before,
      String after) {
    this.id = UUID.randomUUID();
    this.occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
    this.actorId = text(actor.id());
    this.actorName = actor.name();
    this.action = action;
    this.workspaceId = text(workspaceId);
    this.targetType = targetType;
    this.targetId = targetId;
    this.before = before;
    this.after = after;
  }

  /** Who acted: a user of the tenant, or the platform itself (no id). */
  public record Actor(UUID id, String name) {
    public static final Actor PLATFORM = new Actor(null, "platform");

    /** A platform administrator acting from the console: not a user of the tenant. */
    public static Actor platformAdmin(String username) {
      return new Actor(null, "platform admin " + username);
    }
  }

  public UUID id() {
    return id;
  }

  public Instant occurredAt() {
    return occurredAt;
  }

  public UUID actorId() {
    return uuid(actorId);
  }

  public String actorName() {
    return actorName;
  }

  public String action() {
    return action;
  }

  public UUID workspaceId() {
    return uuid(workspaceId);
  }

  public String targetType() {
    return targetType;
  }

  public String targetId() {
    return targetId;
  }

  public String before() {
    return before;
  }

  public String after() {
    return after;
  }
}
