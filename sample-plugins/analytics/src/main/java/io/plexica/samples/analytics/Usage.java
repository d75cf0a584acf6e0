package io.plexica.samples.analytics;

import io.plexica.sdk.CallContext;
import io.plexica.sdk.data.PluginData;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** What this plugin counted in each tenant, in its own table {@code ${counts}} there. */
@Component(service = Usage.class)
public class Usage {
  @Reference PluginData data;

  void count(CallContext tenant, String kind) {
    data.update(
        tenant,
        "INSERT INTO ${counts} (kind, value) VALUES (?, 1)"
            + " ON CONFLICT (kind) DO UPDATE SET value = ${counts}.value + 1",
        kind);
  }

  long get(CallContext tenant, String kind) {
    return data.query(tenant, "SELECT value FROM ${counts} WHERE kind = ?", kind).stream()
        .findFirst()
        .map(row -> ((Number) row.get("value")).longValue())
        .orElse(0L);
  }
}
