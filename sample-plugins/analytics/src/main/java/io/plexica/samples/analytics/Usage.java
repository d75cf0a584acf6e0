package io.plexica.samples.analytics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.osgi.service.component.annotations.Component;

/**
 * What this plugin counted per tenant since it started. (Its own table comes with the SDK's data
 * access; until then the counts live as long as the plugin runs.)
 */
@Component(service = Usage.class)
public class Usage {
  private final Map<String, AtomicLong> users = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> workspaces = new ConcurrentHashMap<>();

  void userCreated(String tenant) {
    users.computeIfAbsent(tenant, t -> new AtomicLong()).incrementAndGet();
  }

  void workspaceCreated(String tenant) {
    workspaces.computeIfAbsent(tenant, t -> new AtomicLong()).incrementAndGet();
  }

  long users(String tenant) {
    return users.getOrDefault(tenant, new AtomicLong()).get();
  }

  long workspaces(String tenant) {
    return workspaces.getOrDefault(tenant, new AtomicLong()).get();
  }
}
