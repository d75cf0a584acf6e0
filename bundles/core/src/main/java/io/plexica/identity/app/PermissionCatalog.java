package io.plexica.identity.app;

import io.plexica.identity.domain.CorePermissions;
import io.plexica.identity.domain.PermissionInfo;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every permission a role may grant: the platform's own, and those declared by installed plugins
 * (registered under the plugin's id when it starts, removed when it stops).
 */
public class PermissionCatalog {
  private final Map<String, PermissionInfo> byName = new ConcurrentHashMap<>();

  public PermissionCatalog() {
    register(CorePermissions.ALL);
  }

  public final void register(Collection<PermissionInfo> permissions) {
    permissions.forEach(
        p -> {
          if (!CorePermissions.FORMAT.matcher(p.name()).matches()) {
            throw new IllegalArgumentException("Not a resource:action permission: " + p.name());
          }
          byName.put(p.name(), p);
        });
  }

  /**
   * The permissions a source (a plugin) declares now: new ones are added before the ones it no
   * longer declares are removed, so a permission it keeps is never unknown for a moment (a role
   * change racing a replica's reconciliation was refused for "unknown permission").
   */
  public synchronized void replace(String source, Collection<PermissionInfo> permissions) {
    register(permissions);
    Set<String> kept = new HashSet<>();
    permissions.forEach(p -> kept.add(p.name()));
    byName.values().removeIf(p -> p.source().equals(source) && !kept.contains(p.name()));
  }

  public synchronized void unregister(String source) {
    byName.values().removeIf(p -> p.source().equals(source));
  }

  public List<PermissionInfo> all() {
    return byName.values().stream().sorted(Comparator.comparing(PermissionInfo::name)).toList();
  }

  public boolean knows(String permission) {
    return byName.containsKey(permission);
  }
}
