package io.plexica.plugins.infra;

import io.plexica.plugins.domain.PluginStore;
import io.plexica.sdk.CallContext;
import io.plexica.sdk.PluginProblem;
import io.plexica.sdk.files.StoredFile;
import io.plexica.storage.app.ObjectStorage;
import io.plexica.storage.app.TenantStorage;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The plugins' files: objects of the call's tenant's bucket under {@code
 * workspaces/<workspace>/plugins/<plugin>/} when the call names a workspace, else under {@code
 * plugins/<plugin>/}. Names are checked so that none climbs out of that prefix.
 */
public class PluginFileStore {
  public static final int MAX_BYTES = 25 * 1024 * 1024;
  private static final Pattern NAME =
      Pattern.compile("^(?!.*(^|/)\\.{1,2}(/|$))[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*$");

  private final TenantStorage storage;
  private final PluginStore store;

  public PluginFileStore(TenantStorage storage, PluginStore store) {
    this.storage = storage;
    this.store = store;
  }

  public StoredFile put(
      String pluginId, CallContext context, String name, String contentType, byte[] content) {
    String key = key(pluginId, context, name);
    if (content.length > MAX_BYTES) {
      throw new PluginProblem(413, "file-too-large", "Files may be at most 25 MiB.");
    }
    String type =
        contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType;
    storage.put(context.tenantId(), key, type, content);
    return storage.list(context.tenantId(), key).stream()
        .filter(o -> o.key().equals(key))
        .findFirst()
        .map(o -> file(pluginId, context, o))
        .orElseThrow(() -> new IllegalStateException("Stored file " + name + " is not listed"));
  }

  public Optional<byte[]> get(String pluginId, CallContext context, String name) {
    return storage.get(context.tenantId(), key(pluginId, context, name));
  }

  public List<StoredFile> list(String pluginId, CallContext context, String prefix) {
    store.requireEnabled(context.tenantId(), context.tenantSlug(), pluginId);
    if (!prefix.isEmpty()
        && !NAME.matcher(prefix.endsWith("/") ? prefix + "x" : prefix).matches()) {
      throw invalidName(prefix);
    }
    return storage.list(context.tenantId(), root(pluginId, context) + prefix).stream()
        .map(o -> file(pluginId, context, o))
        .toList();
  }

  public void delete(String pluginId, CallContext context, String name) {
    storage.delete(context.tenantId(), key(pluginId, context, name));
  }

  public URI downloadUrl(String pluginId, CallContext context, String name) {
    String key = key(pluginId, context, name);
    return storage.downloadUrl(context.tenantId(), key, name.substring(name.lastIndexOf('/') + 1));
  }

  private String key(String pluginId, CallContext context, String name) {
    store.requireEnabled(context.tenantId(), context.tenantSlug(), pluginId);
    if (name == null || name.length() > 512 || !NAME.matcher(name).matches()) {
      throw invalidName(name);
    }
    return root(pluginId, context) + name;
  }

  private static String root(String pluginId, CallContext context) {
    String plugin = "plugins/" + pluginId + "/";
    return context.workspaceId().map(w -> "workspaces/" + w + "/" + plugin).orElse(plugin);
  }

  private static StoredFile file(
      String pluginId, CallContext context, ObjectStorage.StoredObject object) {
    return new StoredFile(
        object.key().substring(root(pluginId, context).length()),
        object.size(),
        object.lastModified());
  }

  private static IllegalArgumentException invalidName(String name) {
    return new IllegalArgumentException(
        "'" + name + "' is not a file name: use letters, digits, . _ - in segments separated by /");
  }
}
