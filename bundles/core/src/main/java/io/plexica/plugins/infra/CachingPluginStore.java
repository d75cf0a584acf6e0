package io.plexica.plugins.infra;

import io.plexica.plugins.domain.PluginInstallation;
import io.plexica.plugins.domain.PluginManifest;
import io.plexica.plugins.domain.PluginStore;
import io.plexica.plugins.domain.RegisteredPlugin;
import io.plexica.shared.cache.RedisInvalidations;
import io.plexica.shared.events.DomainEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import redis.clients.jedis.JedisPooled;

/**
 * Keeps the installations every plugin call looks up in this node's memory. Any change of a
 * tenant's installations drops them here at once and, through Redis, on every other node; a lookup
 * that raced a change is not kept, and nothing is kept while this node does not hear the channel.
 */
public class CachingPluginStore implements PluginStore, AutoCloseable {
  static final String CHANNEL = "plexica:plugins:v1:installations";

  private final PluginStore store;
  private final RedisInvalidations invalidations;
  private final Map<UUID, Tenant> tenants = new ConcurrentHashMap<>();

  private static final class Tenant {
    final AtomicLong generation = new AtomicLong();
    final Map<String, Optional<PluginInstallation>> installations = new ConcurrentHashMap<>();
  }

  public CachingPluginStore(PluginStore store, JedisPooled redis) {
    this.store = store;
    this.invalidations = new RedisInvalidations(redis, CHANNEL, this::dropLocal, tenants::clear);
  }

  /** Whether this node hears changes made elsewhere (and so keeps lookups in memory). */
  public boolean listening() {
    return invalidations.listening();
  }

  @Override
  public Optional<PluginInstallation> installation(UUID tenantId, String pluginId) {
    Tenant tenant = tenants.computeIfAbsent(tenantId, id -> new Tenant());
    Optional<PluginInstallation> cached = tenant.installations.get(pluginId);
    if (cached != null) {
      return cached;
    }
    long generation = tenant.generation.get();
    Optional<PluginInstallation> loaded = store.installation(tenantId, pluginId);
    if (invalidations.listening() && tenant.generation.get() == generation) {
      tenant.installations.put(pluginId, loaded);
      if (tenant.generation.get() != generation) {
        tenant.installations.remove(pluginId, loaded);
      }
    }
    return loaded;
  }

  @Override
  public void install(PluginInstallation installation, List<DomainEvent> events) {
    try {
      store.install(installation, events);
    } finally {
      changed(installation.tenantId());
    }
  }

  @Override
  public PluginInstallation updateInstallation(
      UUID tenantId,
      String pluginId,
      Consumer<PluginInstallation> change,
      Function<PluginInstallation, List<DomainEvent>> events) {
    try {
      return store.updateInstallation(tenantId, pluginId, change, events);
    } finally {
      changed(tenantId);
    }
  }

  @Override
  public void uninstall(UUID tenantId, String pluginId, List<DomainEvent> events) {
    try {
      store.uninstall(tenantId, pluginId, events);
    } finally {
      changed(tenantId);
    }
  }

  private void changed(UUID tenantId) {
    dropLocal(tenantId.toString());
    invalidations.publish(tenantId.toString());
  }

  private void dropLocal(String tenantId) {
    Tenant tenant = tenants.get(UUID.fromString(tenantId));
    if (tenant != null) {
      tenant.generation.incrementAndGet();
      tenant.installations.clear();
    }
  }

  @Override
  public void close() {
    invalidations.close();
  }

  // What follows is read rarely (administration) and goes straight to the store.

  @Override
  public Optional<RegisteredPlugin> find(String id) {
    return store.find(id);
  }

  @Override
  public List<RegisteredPlugin> list() {
    return store.list();
  }

  @Override
  public List<String> versions(String id) {
    return store.versions(id);
  }

  @Override
  public Optional<String> manifestJson(String id, String version) {
    return store.manifestJson(id, version);
  }

  @Override
  public Optional<byte[]> bundle(String id, String version) {
    return store.bundle(id, version);
  }

  @Override
  public Optional<String> sha256(String id, String version) {
    return store.sha256(id, version);
  }

  @Override
  public RegisteredPlugin replaceVersion(
      PluginManifest manifest,
      byte[] bundle,
      String sha256,
      Instant now,
      List<DomainEvent> events) {
    return store.replaceVersion(manifest, bundle, sha256, now, events);
  }

  @Override
  public RegisteredPlugin saveVersion(
      PluginManifest manifest,
      byte[] bundle,
      String sha256,
      Instant now,
      String source,
      Optional<Signed> signed,
      List<DomainEvent> events) {
    return store.saveVersion(manifest, bundle, sha256, now, source, signed, events);
  }

  @Override
  public Optional<String> signerCertificate(String id, String version) {
    return store.signerCertificate(id, version);
  }

  @Override
  public List<DeployedVersion> deployedFrom(String source) {
    return store.deployedFrom(source);
  }

  @Override
  public void deleteVersion(
      String id,
      String version,
      Optional<PluginManifest> successor,
      Instant now,
      List<DomainEvent> events) {
    store.deleteVersion(id, version, successor, now, events);
  }

  @Override
  public void delete(String id, List<DomainEvent> events) {
    store.delete(id, events);
  }

  @Override
  public RegisteredPlugin update(String id, Consumer<RegisteredPlugin> change) {
    return store.update(id, change);
  }

  @Override
  public List<PluginInstallation> installations(UUID tenantId) {
    return store.installations(tenantId);
  }

  @Override
  public List<String> installedVersions(String pluginId) {
    return store.installedVersions(pluginId);
  }

  @Override
  public List<String> tenantsUsing(String pluginId) {
    return store.tenantsUsing(pluginId);
  }

  @Override
  public List<String> tenantsUsing(String pluginId, String version) {
    return store.tenantsUsing(pluginId, version);
  }
}
