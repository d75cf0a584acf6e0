package io.plexica.sdk.data;

import io.plexica.sdk.CallContext;
import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * SQL on the plugin's own tables in the tenant of a call; get it with {@code @Reference
 * PluginData}. One statement per call, with {@code ?} parameters; tables are written {@code
 * ${name}} (for example {@code SELECT id, name FROM ${contacts} WHERE id = ?}). Values come back as
 * strings, numbers, booleans or null (timestamps and UUIDs as strings).
 *
 * <p>Workspace-scoped queries write {@code ${workspace}} where the id of the call's workspace
 * belongs ({@code SELECT * FROM ${notes} WHERE workspace_id = ${workspace}}): the platform puts in
 * the workspace the caller named and was checked a member of, and refuses the statement (400 {@code
 * workspace-required}) in a call without one, so a query meant for one workspace never reads all of
 * them.
 */
@ProviderType
public interface PluginData {

  /** The rows of a {@code SELECT}, each a map from column label to value, in order. */
  List<Map<String, Object>> query(CallContext context, String sql, Object... parameters);

  /** Runs an {@code INSERT}, {@code UPDATE} or {@code DELETE}; returns how many rows it changed. */
  int update(CallContext context, String sql, Object... parameters);
}
