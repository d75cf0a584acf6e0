package io.plexica.samples.crm;

import io.plexica.sdk.PluginProblem;
import io.plexica.sdk.data.PluginData;
import io.plexica.sdk.route.Route;
import io.plexica.sdk.route.RouteHandler;
import io.plexica.sdk.route.RouteRequest;
import io.plexica.sdk.route.RouteResponse;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.Map;
import java.util.UUID;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The routes of contacts and companies, on this plugin's tables in the caller's tenant. */
public final class Contacts {
  /** The static {@code Json} methods look the provider up again on every call; one is kept. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private Contacts() {}

  static final String READ = "crm:contacts:read";
  static final String WRITE = "crm:contacts:write";

  /** {@code GET /contacts}: every contact with its company's name. */
  @Component(service = RouteHandler.class)
  @Route(method = "GET", path = "/contacts", permission = READ)
  public static class ListContacts implements RouteHandler {
    @Reference PluginData data;

    @Override
    public RouteResponse handle(RouteRequest request) {
      JsonArrayBuilder items = JSON.createArrayBuilder();
      data.query(
              request.context(),
              "SELECT c.id, c.name, c.email, co.name AS company FROM ${contacts} c"
                  + " LEFT JOIN ${companies} co ON co.id = c.company_id ORDER BY c.name")
          .forEach(row -> items.add(json(row)));
      return RouteResponse.ok(items.build());
    }
  }

  /** {@code GET /contacts/{id}}. */
  @Component(service = RouteHandler.class)
  @Route(method = "GET", path = "/contacts/{id}", permission = READ)
  public static class GetContact implements RouteHandler {
    @Reference PluginData data;

    @Override
    public RouteResponse handle(RouteRequest request) {
      UUID id = id(request.pathParameter("id"));
      return data
          .query(request.context(), "SELECT id, name, email FROM ${contacts} WHERE id = ?", id)
          .stream()
          .findFirst()
          .map(row -> RouteResponse.ok(json(row)))
          .orElseThrow(() -> PluginProblem.notFound("contact-not-found", "No contact " + id + "."));
    }
  }

  /** {@code POST /contacts} with {@code name}, optional {@code email} and {@code company}. */
  @Component(service = RouteHandler.class)
  @Route(method = "POST", path = "/contacts", permission = WRITE)
  public static class AddContact implements RouteHandler {
    @Reference PluginData data;

    @Override
    public RouteResponse handle(RouteRequest request) {
      JsonObject body = object(request);
      String name = required(body, "name");
      String email = body.getString("email", null);
      UUID company = null;
      if (body.containsKey("company")) {
        company = companyNamed(data, request, body.getString("company"));
      }
      UUID id = UUID.randomUUID();
      data.update(
          request.context(),
          "INSERT INTO ${contacts} (id, name, email, company_id) VALUES (?, ?, ?, ?)",
          id,
          name,
          email,
          company);
      return RouteResponse.created(
          "/contacts/" + id,
          JSON.createObjectBuilder().add("id", id.toString()).add("name", name).build());
    }
  }

  /** {@code DELETE /contacts/{id}}. */
  @Component(service = RouteHandler.class)
  @Route(method = "DELETE", path = "/contacts/{id}", permission = WRITE)
  public static class DeleteContact implements RouteHandler {
    @Reference PluginData data;

    @Override
    public RouteResponse handle(RouteRequest request) {
      UUID id = id(request.pathParameter("id"));
      if (data.update(request.context(), "DELETE FROM ${contacts} WHERE id = ?", id) == 0) {
        throw PluginProblem.notFound("contact-not-found", "No contact " + id + ".");
      }
      return RouteResponse.noContent();
    }
  }

  /** {@code GET /companies}. */
  @Component(service = RouteHandler.class)
  @Route(method = "GET", path = "/companies", permission = READ)
  public static class ListCompanies implements RouteHandler {
    @Reference PluginData data;

    @Override
    public RouteResponse handle(RouteRequest request) {
      JsonArrayBuilder items = JSON.createArrayBuilder();
      data.query(request.context(), "SELECT id, name FROM ${companies} ORDER BY name")
          .forEach(row -> items.add(json(row)));
      return RouteResponse.ok(items.build());
    }
  }

  /** {@code POST /companies} with {@code name}; 409 when the name is taken. */
  @Component(service = RouteHandler.class)
  @Route(method = "POST", path = "/companies", permission = WRITE)
  public static class AddCompany implements RouteHandler {
    @Reference PluginData data;

    @Override
    public RouteResponse handle(RouteRequest request) {
      String name = required(object(request), "name");
      if (!data.query(request.context(), "SELECT id FROM ${companies} WHERE name = ?", name)
          .isEmpty()) {
        throw PluginProblem.conflict("company-exists", "A company is named " + name + ".");
      }
      UUID id = UUID.randomUUID();
      data.update(request.context(), "INSERT INTO ${companies} (id, name) VALUES (?, ?)", id, name);
      return RouteResponse.created(
          "/companies/" + id,
          JSON.createObjectBuilder().add("id", id.toString()).add("name", name).build());
    }
  }

  static UUID companyNamed(PluginData data, RouteRequest request, String name) {
    return data
        .query(request.context(), "SELECT id FROM ${companies} WHERE name = ?", name)
        .stream()
        .findFirst()
        .map(row -> UUID.fromString((String) row.get("id")))
        .orElseThrow(
            () -> PluginProblem.invalid("company-not-found", "No company is named " + name + "."));
  }

  static JsonObject object(RouteRequest request) {
    return request
        .body()
        .filter(b -> b.getValueType() == JsonValue.ValueType.OBJECT)
        .map(JsonValue::asJsonObject)
        .orElseThrow(() -> PluginProblem.invalid("body-required", "Send a JSON object."));
  }

  static String required(JsonObject body, String field) {
    String value = body.getString(field, "").strip();
    if (value.isEmpty() || value.length() > 200) {
      throw PluginProblem.invalid(
          "invalid-" + field, field + " is required, at most 200 characters.");
    }
    return value;
  }

  static UUID id(String text) {
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw PluginProblem.notFound("contact-not-found", "No contact " + text + ".");
    }
  }

  static JsonObject json(Map<String, Object> row) {
    JsonObjectBuilder object = JSON.createObjectBuilder();
    row.forEach(
        (column, value) -> {
          if (value == null) {
            object.addNull(column);
          } else if (value instanceof Number number) {
            object.add(column, number.longValue());
          } else {
            object.add(column, value.toString());
          }
        });
    return object.build();
  }
}
