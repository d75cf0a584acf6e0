package io.plexica.plugins.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/** A plugin installed in one tenant: which version, whether enabled, its configuration there. */
@Entity
@Table(name = "plugin_installation", schema = "plexica_core")
@IdClass(PluginInstallation.Key.class)
public class PluginInstallation {

  /** The composite key: tenant and plugin. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private UUID tenantId;
    private String pluginId;

    public Key() {}

    public Key(UUID tenantId, String pluginId) {
      this.tenantId = tenantId;
      this.pluginId = pluginId;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key
          && Objects.equals(tenantId, key.tenantId)
          && Objects.equals(pluginId, key.pluginId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(tenantId, pluginId);
    }
  }

  @Id
  @Column(name = "tenant_id")
  private UUID tenantId;

  @Id
  @Column(name = "plugin_id", length = 40)
  private String pluginId;

  @Column(name = "plugin_version", nullable = false, length = 32)
  private String pluginVersion;

  @Column(nullable = false)
  private boolean enabled;

  @Column(nullable = false)
  private String config;

  @Column(name = "installed_at", nullable = false)
  private Instant installedAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected PluginInstallation() {}

  public PluginInstallation(
      UUID tenantId, String pluginId, String pluginVersion, String config, Instant now) {
    this.tenantId = tenantId;
    this.pluginId = pluginId;
    this.pluginVersion = pluginVersion;
    this.enabled = true;
    this.config = config;
    this.installedAt = now.truncatedTo(ChronoUnit.MICROS);
    this.updatedAt = this.installedAt;
  }

  public UUID tenantId() {
    return tenantId;
  }

  public String pluginId() {
    return pluginId;
  }

  public String pluginVersion() {
    return pluginVersion;
  }

  public boolean enabled() {
    return enabled;
  }

  public String config() {
    return config;
  }

  public Instant installedAt() {
    return installedAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public void setEnabled(boolean value, Instant now) {
    enabled = value;
    touch(now);
  }

  public void configure(String newConfig, Instant now) {
    config = newConfig;
    touch(now);
  }

  public void upgradeTo(String newVersion, Instant now) {
    pluginVersion = newVersion;
    touch(now);
  }

  private void touch(Instant now) {
    updatedAt = now.truncatedTo(ChronoUnit.MICROS);
  }
}
