package ${package};

import io.plexica.sdk.PluginProblem;
import io.plexica.sdk.data.PluginData;
import io.plexica.sdk.route.Route;
import io.plexica.sdk.route.RouteHandler;
import io.plexica.sdk.route.RouteRequest;
import io.plexica.sdk.route.RouteResponse;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.UUID;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The tenant's items, in the plugin's own table (see the migration V1__items.sql). */
public final class Items {
  /** The static {@code Json} methods look the provider up again on every call; one is kept. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private Items() {}

  static final String READ = "${pluginId}:items:read";
  static final String WRITE = "${pluginId}:items:write";

  /** {@code GET /items}: the items, newest first, with the tenant's greeting. */
  @Component(service = RouteHandler.class)
  @Route(method = "GET", path = "/items", permission = READ)
  public static class ListItems implements RouteHandler {
    @Reference PluginData data;

    @Override
    public RouteResponse handle(RouteRequest request) {
      JsonArrayBuilder items = JSON.createArrayBuilder();
      data.query(request.context(), "SELECT id, title FROM ${items} ORDER BY created_at DESC, id")
          .forEach(
              row ->
                  items.add(
                      JSON.createObjectBuilder()
                          .add("id", String.valueOf(row.get("id")))
                          .add("title", String.valueOf(row.get("title")))));
      return RouteResponse.ok(
          JSON.createObjectBuilder()
              .add("greeting", request.context().config().getString("greeting", "Hello"))
              .add("items", items)
              .build());
    }
  }

  /** {@code POST /items} with {@code title}. */
  @Component(service = RouteHandler.class)
  @Route(method = "POST", path = "/items", permission = WRITE)
  public static class AddItem implements RouteHandler {
    @Reference PluginData data;

    @Override
    public RouteResponse handle(RouteRequest request) {
      JsonObject body =
          request
              .body()
              .filter(b -> b.getValueType() == JsonValue.ValueType.OBJECT)
              .map(JsonValue::asJsonObject)
              .orElse(JsonValue.EMPTY_JSON_OBJECT);
      String title = body.getString("title", "").strip();
      if (title.isEmpty() || title.length() > 200) {
        throw PluginProblem.invalid("title-invalid", "An item needs a title of 1 to 200 characters.");
      }
      UUID id = UUID.randomUUID();
      data.update(request.context(), "INSERT INTO ${items} (id, title) VALUES (?, ?)", id, title);
      return RouteResponse.created(
          "/items/" + id,
          JSON.createObjectBuilder().add("id", id.toString()).add("title", title).build());
    }
  }
}
