package io.plexica.samples.newsletter;

import io.plexica.samples.crm.api.Contact;
import io.plexica.samples.crm.api.CrmContacts;
import io.plexica.sdk.CallContext;
import io.plexica.sdk.data.PluginData;
import io.plexica.sdk.route.Route;
import io.plexica.sdk.route.RouteHandler;
import io.plexica.sdk.route.RouteRequest;
import io.plexica.sdk.route.RouteResponse;
import io.plexica.sdk.service.PluginGateway;
import io.plexica.sdk.service.PluginServices;
import io.plexica.sdk.service.ServiceInfo;
import io.plexica.sdk.service.ServiceUnavailable;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Who a newsletter would reach: crm's contacts that have an e-mail address. */
public final class Audience {
  /** The static {@code Json} methods look the provider up again on every call; one is kept. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private Audience() {}

  static final String READ = "newsletter:audience:read";

  /**
   * {@code GET /audience}: by crm's service. Without crm in reach (disabled, resting) it answers
   * with an empty audience and why, rather than failing: a caller may handle {@link
   * ServiceUnavailable}.
   */
  @Component(service = RouteHandler.class)
  @Route(method = "GET", path = "/audience", permission = READ)
  public static class ByService implements RouteHandler {
    @Reference PluginServices services;

    @Override
    public RouteResponse handle(RouteRequest request) {
      CallContext context = request.context();
      JsonObjectBuilder answer = JSON.createObjectBuilder();
      try {
        List<Contact> contacts = services.get(context, CrmContacts.class).contacts(context);
        ServiceInfo crm = services.find(context, CrmContacts.class).orElseThrow();
        JsonArrayBuilder people = JSON.createArrayBuilder();
        contacts.stream()
            .filter(c -> c.email() != null)
            .forEach(
                c ->
                    people.add(
                        JSON.createObjectBuilder().add("name", c.name()).add("email", c.email())));
        answer
            .add("crmVersion", crm.pluginVersion())
            .add("apiVersion", crm.apiVersion())
            .add("people", people);
      } catch (ServiceUnavailable e) {
        answer
            .add("people", JsonValue.EMPTY_JSON_ARRAY)
            .add("unavailable", e.service())
            .add("reason", e.getMessage());
      }
      return RouteResponse.ok(answer.build());
    }
  }

  /**
   * {@code GET /audience/from-view}: the same people read from crm's shared view {@code
   * contact_directory} in one query (crm lets the plugins that depend on it read it).
   */
  @Component(service = RouteHandler.class)
  @Route(method = "GET", path = "/audience/from-view", permission = READ)
  public static class ByView implements RouteHandler {
    @Reference PluginData data;

    @Override
    public RouteResponse handle(RouteRequest request) {
      JsonArrayBuilder people = JSON.createArrayBuilder();
      data.query(
              request.context(),
              "SELECT name, email FROM ${crm:contact_directory} WHERE email IS NOT NULL"
                  + " ORDER BY name")
          .forEach(
              row ->
                  people.add(
                      JSON.createObjectBuilder()
                          .add("name", (String) row.get("name"))
                          .add("email", (String) row.get("email"))));
      return RouteResponse.ok(JSON.createObjectBuilder().add("people", people).build());
    }
  }

  /** {@code GET /companies}: crm's own route {@code GET /companies}, through the gateway. */
  @Component(service = RouteHandler.class)
  @Route(method = "GET", path = "/companies", permission = READ)
  public static class ByGateway implements RouteHandler {
    @Reference PluginGateway gateway;

    @Override
    public RouteResponse handle(RouteRequest request) {
      RouteResponse companies = gateway.get(request.context(), "crm", "/companies");
      return RouteResponse.ok(
          JSON.createObjectBuilder()
              .add("companies", companies.body().orElse(JsonValue.EMPTY_JSON_ARRAY))
              .build());
    }
  }
}
