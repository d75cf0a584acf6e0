package io.plexica.samples.notes;

import io.plexica.sdk.CallContext;
import io.plexica.sdk.PluginProblem;
import io.plexica.sdk.data.PluginData;
import io.plexica.sdk.files.PluginFiles;
import io.plexica.sdk.files.StoredFile;
import io.plexica.sdk.route.Route;
import io.plexica.sdk.route.RouteHandler;
import io.plexica.sdk.route.RouteRequest;
import io.plexica.sdk.route.RouteResponse;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Notes of a workspace: every route works in the workspace of the call ({@code X-Workspace-ID}),
 * its SQL is scoped with {@code ${workspace}} and its attachments live in the workspace's files of
 * the plugin.
 */
public final class Notes {
  /** The static {@code Json} methods look the provider up again on every call; one is kept. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private Notes() {}

  static final String READ = "notes:read";
  static final String WRITE = "notes:write";

  /** {@code GET /notes}: the workspace's notes, newest first. */
  @Component(service = RouteHandler.class)
  @Route(method = "GET", path = "/notes", permission = READ)
  public static class ListNotes implements RouteHandler {
    @Reference PluginData data;

    @Override
    public RouteResponse handle(RouteRequest request) {
      JsonArrayBuilder items = JSON.createArrayBuilder();
      data.query(
              request.context(),
              "SELECT id, title, body FROM ${notes} WHERE workspace_id = ${workspace}"
                  + " ORDER BY created_at DESC, id")
          .forEach(row -> items.add(json(row)));
      return RouteResponse.ok(
          JSON.createObjectBuilder()
              .add("workspaceId", workspace(request.context()).toString())
              .add("items", items)
              .build());
    }
  }

  /** {@code POST /notes} with {@code title} and {@code body}. */
  @Component(service = RouteHandler.class)
  @Route(method = "POST", path = "/notes", permission = WRITE)
  public static class AddNote implements RouteHandler {
    @Reference PluginData data;

    @Override
    public RouteResponse handle(RouteRequest request) {
      JsonObject body = object(request);
      String title = text(body, "title", 200, true);
      String text = text(body, "body", 20_000, false);
      UUID id = UUID.randomUUID();
      data.update(
          request.context(),
          "INSERT INTO ${notes} (id, workspace_id, title, body) VALUES (?, ${workspace}, ?, ?)",
          id,
          title,
          text);
      return RouteResponse.created(
          "/notes/" + id,
          JSON.createObjectBuilder().add("id", id.toString()).add("title", title).build());
    }
  }

  /**
   * {@code PUT /notes/{id}/attachment} with {@code name} and {@code text}: stores a text file
   * beside the note, in the workspace's files of the plugin.
   */
  @Component(service = RouteHandler.class)
  @Route(method = "PUT", path = "/notes/{id}/attachment", permission = WRITE)
  public static class Attach implements RouteHandler {
    @Reference PluginData data;
    @Reference PluginFiles files;

    @Override
    public RouteResponse handle(RouteRequest request) {
      UUID note = existingNote(data, request);
      JsonObject body = object(request);
      String content = text(body, "text", 100_000, true);
      StoredFile stored =
          files.put(
              request.context(),
              "notes/" + note + "/attachment.txt",
              "text/plain",
              content.getBytes(StandardCharsets.UTF_8));
      return RouteResponse.ok(
          JSON.createObjectBuilder()
              .add("name", stored.name())
              .add("size", stored.size())
              .add("downloadUrl", files.downloadUrl(request.context(), stored.name()).toString())
              .build());
    }
  }

  /** {@code GET /notes/{id}/attachment}: the attachment's text. */
  @Component(service = RouteHandler.class)
  @Route(method = "GET", path = "/notes/{id}/attachment", permission = READ)
  public static class ReadAttachment implements RouteHandler {
    @Reference PluginData data;
    @Reference PluginFiles files;

    @Override
    public RouteResponse handle(RouteRequest request) {
      UUID note = existingNote(data, request);
      byte[] content =
          files
              .get(request.context(), "notes/" + note + "/attachment.txt")
              .orElseThrow(
                  () -> PluginProblem.notFound("attachment-not-found", "The note has none."));
      return RouteResponse.ok(
          JSON.createObjectBuilder()
              .add("text", new String(content, StandardCharsets.UTF_8))
              .build());
    }
  }

  static UUID existingNote(PluginData data, RouteRequest request) {
    UUID id;
    try {
      id = UUID.fromString(request.pathParameter("id"));
    } catch (IllegalArgumentException e) {
      throw PluginProblem.notFound("note-not-found", "No note " + request.pathParameter("id"));
    }
    boolean found =
        !data.query(
                request.context(),
                "SELECT id FROM ${notes} WHERE id = ? AND workspace_id = ${workspace}",
                id)
            .isEmpty();
    if (!found) {
      throw PluginProblem.notFound("note-not-found", "The workspace has no note " + id + ".");
    }
    return id;
  }

  static UUID workspace(CallContext context) {
    return context
        .workspaceId()
        .orElseThrow(
            () ->
                new PluginProblem(
                    400, "workspace-required", "Name the workspace in the X-Workspace-ID header."));
  }

  static JsonObject object(RouteRequest request) {
    return request
        .body()
        .filter(b -> b.getValueType() == JsonValue.ValueType.OBJECT)
        .map(JsonValue::asJsonObject)
        .orElseThrow(() -> new PluginProblem(400, "invalid-body", "Send a JSON object."));
  }

  static String text(JsonObject body, String field, int max, boolean required) {
    JsonValue value = body.get(field);
    String text = value instanceof JsonString s ? s.getString().strip() : "";
    if ((required && text.isEmpty()) || text.length() > max) {
      throw new PluginProblem(
          400,
          "invalid-" + field,
          field + " must be text of " + (required ? "1" : "0") + " to " + max + " characters.");
    }
    return text;
  }

  static JsonObject json(Map<String, Object> row) {
    var object = JSON.createObjectBuilder();
    row.forEach((key, value) -> object.add(key, value == null ? "" : value.toString()));
    return object.build();
  }
}
