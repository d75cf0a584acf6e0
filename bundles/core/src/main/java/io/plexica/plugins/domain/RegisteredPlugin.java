package io.plexica.plugins.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** A plugin in the platform's registry and the version of it that runs. */
@Entity
@Table(name = "plugin", schema = "plexica_core")
public class RegisteredPlugin {
  public enum Status {
    ACTIVE,
    /** Still runs where installed; tenants should not install it any more. */
    DEPRECATED
  }

  @Id
  @Column(length = 40)
  private String id;

  @Column(nullable = false, length = 100)
  private String name;

  @Column(nullable = false, length = 100)
  private String vendor;

  @Column(nullable = false, length = 40)
  private String category;

  @Column(nullable = false, length = 2000)
  private String description;

  /** The manifest's tags separated by spaces (a tag has none), which the search index reads. */
  @Column(nullable = false, length = 400)
  private String tags;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Status status;

  @Column(name = "current_version", nullable = false, length = 32)
  private String currentVersion;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  /** The vendor that publishes it; null for the platform's own plugins. */
  @Column(name = "vendor_id", length = 40)
  private String vendorId;

  @Version private long version;

  protected RegisteredPlugin() {}

  public RegisteredPlugin(PluginManifest manifest, Instant now) {
    this.id = manifest.id();
    this.status = Status.ACTIVE;
    this.createdAt = now.truncatedTo(ChronoUnit.MICROS);
    describe(manifest, now);
  }

  /** The manifest of a newly deployed version becomes the plugin's description. */
  public void describe(PluginManifest manifest, Instant now) {
    this.name = manifest.name();
    this.vendor = manifest.vendor();
    this.category = manifest.category();
    this.description = manifest.description();
    this.tags = String.join(" ", manifest.tags());
    this.currentVersion = manifest.version();
    this.updatedAt = now.truncatedTo(ChronoUnit.MICROS);
  }

  /**
   * A vendor published it: from then on only that vendor publishes its versions (a plugin has one
   * owner from its first published version).
   */
  public void ownedBy(String vendor) {
    if (vendorId != null && !vendorId.equals(vendor)) {
      throw new IllegalStateException("Plugin " + id + " belongs to vendor " + vendorId);
    }
    this.vendorId = vendor;
  }

  /** The vendor that publishes it; empty for the platform's own plugins. */
  public java.util.Optional<String> vendorId() {
    return java.util.Optional.ofNullable(vendorId);
  }

  public void setStatus(Status newStatus, Instant now) {
    this.status = newStatus;
    this.updatedAt = now.truncatedTo(ChronoUnit.MICROS);
  }

  public String id() {
    return id;
  }

  public String name() {
    return name;
  }

  public String vendor() {
    return vendor;
  }

  public String category() {
    return category;
  }

  public String description() {
    return description;
  }

  public Status status() {
    return status;
  }

  public String currentVersion() {
    return currentVersion;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
