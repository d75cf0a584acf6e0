package io.plexica.plugins.infra;

import io.plexica.plugins.domain.PluginInstallation;
import io.plexica.plugins.domain.PluginManifest;
import io.plexica.plugins.domain.PluginProblems;
import io.plexica.plugins.domain.PluginStore;
import io.plexica.plugins.domain.RegisteredPlugin;
import io.plexica.shared.events.DomainEvent;
import io.plexica.shared.persistence.Database;
import io.plexica.shared.persistence.EventOutbox;
import io.plexica.shared.problem.ProblemException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The plugin registry and installations in {@code plexica_core}; bundles as {@code bytea}. Served
 * through {@link CachingPluginStore}.
 */
public class JpaPluginStore implements PluginStore {
  private final Database database;

  public JpaPluginStore(Database database) {
    this.database = database;
  }

  @Override
  public Optional<RegisteredPlugin> find(String id) {
    return Optional.ofNullable(
        database.readCore(em -> em.find(RegisteredPlugin.class, id, Database.READ_ONLY)));
  }

  @Override
  public List<RegisteredPlugin> list() {
    return database.readCore(
        em ->
            em.createQuery("SELECT p FROM RegisteredPlugin p ORDER BY p.id", RegisteredPlugin.class)
                .getResultList());
  }

  @Override
  public List<String> versions(String id) {
    return database.readCore(
        em ->
            strings(
                em.createNativeQuery(
                        "SELECT version FROM plexica_core.plugin_version WHERE plugin_id = ?1"
                            + " ORDER BY deployed_at")
                    .setParameter(1, id)));
  }

  @Override
  public Optional<String> manifestJson(String id, String version) {
    return versionColumn("manifest", id, version).map(String::valueOf);
  }

  @Override
  public Optional<byte[]> bundle(String id, String version) {
    return versionColumn("bundle", id, version).map(byte[].class::cast);
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
    return database.inCore(
        em -> {
          RegisteredPlugin plugin =
              em.find(RegisteredPlugin.class, manifest.id(), LockModeType.PESSIMISTIC_WRITE);
          if (plugin == null) {
            plugin = new RegisteredPlugin(manifest, now);
            em.persist(plugin);
          } else {
            plugin.describe(manifest, now);
          }
          if (signed.isPresent()) {
            plugin.ownedBy(signed.get().vendorId());
          }
          em.flush();
          withVersion(
                  em.createNativeQuery(
                      "INSERT INTO plexica_core.plugin_version"
                          + " (plugin_id, version, manifest, bundle, sha256, size_bytes,"
                          + " deployed_at, source, signer_certificate)"
                          + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"),
                  manifest,
                  bundle,
                  sha256,
                  now)
              .setParameter(8, source)
              .setParameter(9, signed.map(Signed::certificatePem).orElse(null))
              .executeUpdate();
          publish(em, events);
          return plugin;
        });
  }

  /** A version's row in parameters 1 to 7: id, version, manifest, bundle, digest, size, date. */
  private static Query withVersion(
      Query query, PluginManifest manifest, byte[] bundle, String sha256, Instant now) {
    return query
        .setParameter(1, manifest.id())
        .setParameter(2, manifest.version())
        .setParameter(3, manifest.json())
        .setParameter(4, bundle)
        .setParameter(5, sha256)
        .setParameter(6, bundle.length)
        .setParameter(
            7, OffsetDateTime.ofInstant(now.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
  }

  @Override
  public Optional<String> signerCertificate(String id, String version) {
    return database.readCore(
        em ->
            strings(
                    em.createNativeQuery(
                            "SELECT signer_certificate FROM plexica_core.plugin_version"
                                + " WHERE plugin_id = ?1 AND version = ?2"
                                + " AND signer_certificate IS NOT NULL")
                        .setParameter(1, id)
                        .setParameter(2, version))
                .stream()
                .findFirst());
  }

  @Override
  public Optional<String> sha256(String id, String version) {
    return versionColumn("sha256", id, version).map(String.class::cast);
  }

  @Override
  public RegisteredPlugin replaceVersion(
      PluginManifest manifest,
      byte[] bundle,
      String sha256,
      Instant now,
      List<DomainEvent> events) {
    return database.inCore(
        em -> {
          RegisteredPlugin plugin =
              em.find(RegisteredPlugin.class, manifest.id(), LockModeType.PESSIMISTIC_WRITE);
          int replaced =
              withVersion(
                      em.createNativeQuery(
                          "UPDATE plexica_core.plugin_version SET manifest = ?3, bundle = ?4,"
                              + " sha256 = ?5, size_bytes = ?6, deployed_at = ?7,"
                              + " signer_certificate = NULL"
                              + " WHERE plugin_id = ?1 AND version = ?2"),
                      manifest,
                      bundle,
                      sha256,
                      now)
                  .executeUpdate();
          if (plugin == null || replaced != 1) {
            throw new IllegalStateException(
                "Plugin " + manifest.id() + " " + manifest.version() + " is not deployed");
          }
          if (plugin.currentVersion().equals(manifest.version())) {
            plugin.describe(manifest, now);
          }
          publish(em, events);
          return plugin;
        });
  }

  @Override
  public List<DeployedVersion> deployedFrom(String source) {
    return database.readCore(
        em ->
            rows(
                    em.createNativeQuery(
                            "SELECT plugin_id, version FROM plexica_core.plugin_version"
                                + " WHERE source = ?1 ORDER BY plugin_id, deployed_at")
                        .setParameter(1, source))
                .stream()
                .map(Object[].class::cast)
                .map(row -> new DeployedVersion((String) row[0], (String) row[1]))
                .toList());
  }

  @Override
  public void deleteVersion(
      String id,
      String version,
      Optional<PluginManifest> successor,
      Instant now,
      List<DomainEvent> events) {
    database.inCoreDo(
        em -> {
          RegisteredPlugin plugin =
              em.find(RegisteredPlugin.class, id, LockModeType.PESSIMISTIC_WRITE);
          if (plugin == null) {
            throw PluginProblems.notFound(id);
          }
          successor.ifPresent(manifest -> plugin.describe(manifest, now));
          em.flush();
          em.createNativeQuery(
                  "DELETE FROM plexica_core.plugin_version WHERE plugin_id = ?1 AND version = ?2")
              .setParameter(1, id)
              .setParameter(2, version)
              .executeUpdate();
          publish(em, events);
        });
  }

  @Override
  public void delete(String id, List<DomainEvent> events) {
    database.inCoreDo(
        em -> {
          RegisteredPlugin plugin = em.find(RegisteredPlugin.class, id);
          if (plugin != null) {
            em.remove(plugin);
            publish(em, events);
          }
        });
  }

  @Override
  public RegisteredPlugin update(String id, Consumer<RegisteredPlugin> change) {
    return database.inCore(
        em -> {
          RegisteredPlugin plugin =
              em.find(RegisteredPlugin.class, id, LockModeType.PESSIMISTIC_WRITE);
          if (plugin == null) {
            throw PluginProblems.notFound(id);
          }
          change.accept(plugin);
          return plugin;
        });
  }

  @Override
  public Optional<PluginInstallation> installation(UUID tenantId, String pluginId) {
    return Optional.ofNullable(
        database.readCore(
            em ->
                em.find(
                    PluginInstallation.class,
                    new PluginInstallation.Key(tenantId, pluginId),
                    Database.READ_ONLY)));
  }

  @Override
  public List<PluginInstallation> installations(UUID tenantId) {
    return database.readCore(
        em ->
            em.createQuery(
                    "SELECT i FROM PluginInstallation i WHERE i.tenantId = :tenant"
                        + " ORDER BY i.pluginId",
                    PluginInstallation.class)
                .setParameter("tenant", tenantId)
                .getResultList());
  }

  @Override
  public List<String> installedVersions(String pluginId) {
    return database.readCore(
        em ->
            strings(
                em.createNativeQuery(
                        "SELECT DISTINCT plugin_version FROM plexica_core.plugin_installation"
                            + " WHERE plugin_id = ?1")
                    .setParameter(1, pluginId)));
  }

  @Override
  public List<String> tenantsUsing(String pluginId) {
    return database.readCore(
        em ->
            strings(
                em.createNativeQuery(
                        "SELECT t.slug FROM plexica_core.plugin_installation i"
                            + " JOIN plexica_core.tenant t ON t.id = i.tenant_id"
                            + " WHERE i.plugin_id = ?1 ORDER BY t.slug")
                    .setParameter(1, pluginId)));
  }

  @Override
  public List<String> tenantsUsing(String pluginId, String version) {
    return database.readCore(
        em ->
            strings(
                em.createNativeQuery(
                        "SELECT t.slug FROM plexica_core.plugin_installation i"
                            + " JOIN plexica_core.tenant t ON t.id = i.tenant_id"
                            + " WHERE i.plugin_id = ?1 AND i.plugin_version = ?2 ORDER BY t.slug")
                    .setParameter(1, pluginId)
                    .setParameter(2, version)));
  }

  @Override
  public void install(PluginInstallation installation, List<DomainEvent> events) {
    database.inCoreDo(
        em -> {
          em.persist(installation);
          publish(em, events);
        });
  }

  @Override
  public PluginInstallation updateInstallation(
      UUID tenantId,
      String pluginId,
      Consumer<PluginInstallation> change,
      Function<PluginInstallation, List<DomainEvent>> events) {
    return database.inCore(
        em -> {
          PluginInstallation installation =
              em.find(
                  PluginInstallation.class,
                  new PluginInstallation.Key(tenantId, pluginId),
                  LockModeType.PESSIMISTIC_WRITE);
          if (installation == null) {
            throw new ProblemException(
                PluginProblems.NOT_INSTALLED, "Plugin '" + pluginId + "' is not installed here.");
          }
          change.accept(installation);
          publish(em, events.apply(installation));
          return installation;
        });
  }

  @Override
  public void uninstall(UUID tenantId, String pluginId, List<DomainEvent> events) {
    database.inCoreDo(
        em -> {
          PluginInstallation installation =
              em.find(PluginInstallation.class, new PluginInstallation.Key(tenantId, pluginId));
          if (installation != null) {
            em.remove(installation);
            publish(em, events);
          }
        });
  }

  private static void publish(EntityManager em, List<DomainEvent> events) {
    Instant now = Instant.now();
    events.forEach(event -> EventOutbox.append(em, event, now));
  }

  /** One column of one deployed version (a name of this class, never a caller's text). */
  private Optional<Object> versionColumn(String column, String id, String version) {
    return database.readCore(
        em ->
            rows(
                    em.createNativeQuery(
                            "SELECT "
                                + column
                                + " FROM plexica_core.plugin_version"
                                + " WHERE plugin_id = ?1 AND version = ?2")
                        .setParameter(1, id)
                        .setParameter(2, version))
                .stream()
                .findFirst());
  }

  private static List<String> strings(Query query) {
    return rows(query).stream().map(String::valueOf).toList();
  }

  /** A native query's rows; JPA types them only as a raw list. */
  @SuppressWarnings("unchecked")
  private static List<Object> rows(Query query) {
    return query.getResultList();
  }
}
