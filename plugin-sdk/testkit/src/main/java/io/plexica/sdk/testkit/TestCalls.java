package io.plexica.sdk.testkit;

import io.plexica.sdk.CallContext;
import io.plexica.sdk.event.Event;
import io.plexica.sdk.hook.HookCall;
import io.plexica.sdk.route.RouteRequest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Calls as the platform makes them, for a tenant, a user, permissions and a configuration:
 *
 * <pre>
 * TestCalls calls = TestCalls.inTenant("acme").withPermissions("crm:contacts:read");
 * RouteResponse answer = new GetContact().handle(calls.get("/contacts/{id}", Map.of("id", id)));
 * </pre>
 */
public final class TestCalls {
  private final UUID tenantId;
  private final String tenantSlug;
  private final UUID userId = UUID.randomUUID();
  private final Set<String> permissions = new HashSet<>();
  private JsonObject config = JsonValue.EMPTY_JSON_OBJECT;
  private Optional<UUID> workspaceId = Optional.empty();

  private TestCalls(String tenantSlug) {
    this.tenantSlug = tenantSlug;
    this.tenantId =
        UUID.nameUUIDFromBytes(tenantSlug.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  public static TestCalls inTenant(String slug) {
    return new TestCalls(slug);
  }

  public TestCalls withPermissions(String... granted) {
    permissions.addAll(Arrays.asList(granted));
    return this;
  }

  /** Calls made in a workspace, as with the {@code X-Workspace-ID} header. */
  public TestCalls inWorkspace(UUID workspace) {
    this.workspaceId = Optional.of(workspace);
    return this;
  }

  /** The plugin's configuration in the tenant, as JSON. */
  public TestCalls withConfig(String json) {
    this.config = parse(json).asJsonObject();
    return this;
  }

  public CallContext context() {
    return new CallContext(
        tenantId,
        tenantSlug,
        Optional.of(userId),
        Optional.of("tester@" + tenantSlug + ".example"),
        permissions,
        workspaceId,
        config);
  }

  public RouteRequest get(String path) {
    return request("GET", path, Map.of(), null);
  }

  public RouteRequest get(String path, Map<String, String> pathParameters) {
    return request("GET", path, pathParameters, null);
  }

  public RouteRequest post(String path, String jsonBody) {
    return request("POST", path, Map.of(), jsonBody);
  }

  public RouteRequest delete(String path, Map<String, String> pathParameters) {
    return request("DELETE", path, pathParameters, null);
  }

  /** Any request; {@code jsonBody} may be null. */
  public RouteRequest request(
      String method, String path, Map<String, String> pathParameters, String jsonBody) {
    return new RouteRequest(
        method,
        path,
        pathParameters,
        Map.<String, List<String>>of(),
        Optional.ofNullable(jsonBody).map(TestCalls::parse),
        context());
  }

  /** A firing of an extension point with this payload (JSON object). */
  public HookCall hook(String name, String payload, boolean vetoable) {
    return new HookCall(name, parse(payload).asJsonObject(), vetoable, context());
  }

  /** An event of this tenant (and workspace, when set) as the platform delivers it. */
  public Event event(String type, String dataJson) {
    return new Event(
        UUID.randomUUID(),
        type,
        tenantId,
        workspaceId,
        Instant.now(),
        "core",
        1,
        parse(dataJson).asJsonObject());
  }

  private static JsonValue parse(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return reader.readValue();
    }
  }
}
