package io.plexica.events.api;

import static io.plexica.events.api.DeadLetterViews.REQUIRED_BODY;

import io.plexica.events.api.DeadLetterViews.DeadLetterView;
import io.plexica.events.api.DeadLetterViews.PageView;
import io.plexica.events.api.DeadLetterViews.RetryRequest;
import io.plexica.events.app.DeadLetterService;
import io.plexica.events.domain.EventProblems;
import io.plexica.shared.security.PlatformAdminOnly;
import io.plexica.shared.web.PageParameters;
import io.plexica.shared.web.PathIds;
import io.plexica.shared.web.RequestBodies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The dead-letter queue of every tenant, for platform administrators. */
@ApplicationScoped
@PlatformAdminOnly
@Path("/admin/dead-letters")
@Tag(name = "Dead-letter queue")
@Produces(MediaType.APPLICATION_JSON)
public class AdminDeadLetterResource {
  @Inject DeadLetterService deadLetters;
  @Inject RequestBodies bodies;

  @GET
  @Operation(
      operationId = "adminListDeadLetters",
      summary = "List dead letters (filter by topic, plugin, tenant, status; paging)")
  @APIResponse(responseCode = "200")
  public PageView list(
      @QueryParam("topic") String topic,
      @QueryParam("plugin") String plugin,
      @QueryParam("tenant") String tenant,
      @QueryParam("status") String status,
      @BeanParam PageParameters paging) {
    return PageView.of(
        deadLetters.search(
            Optional.empty(),
            DeadLetterViews.query(topic, plugin, tenant, status, paging.page(), paging.size())));
  }

  @GET
  @Path("{id}")
  @Operation(operationId = "adminGetDeadLetter", summary = "A dead letter with its event")
  @APIResponse(responseCode = "200")
  public DeadLetterView get(@PathParam("id") String id) {
    return DeadLetterView.of(deadLetters.get(Optional.empty(), id(id)), true);
  }

  @POST
  @Path("retry")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "adminRetryDeadLetters",
      summary = "Retry FAILED dead letters (all or none)")
  @APIResponse(
      responseCode = "200",
      description = "PENDING: the retry loop takes them within a second",
      content = @Content(schema = @Schema(implementation = DeadLetterView[].class)))
  public List<DeadLetterView> retry(RetryRequest body) {
    return deadLetters.retry(Optional.empty(), bodies.value(body, REQUIRED_BODY)).stream()
        .map(d -> DeadLetterView.of(d, false))
        .toList();
  }

  @DELETE
  @Path("{id}")
  @Operation(
      operationId = "adminDeleteDeadLetter",
      summary = "Delete a FAILED or RESOLVED dead letter")
  @APIResponse(responseCode = "204", description = "Deleted")
  public Response delete(@PathParam("id") String id) {
    deadLetters.delete(Optional.empty(), id(id));
    return Response.noContent().build();
  }

  static UUID id(String raw) {
    return PathIds.of(raw, EventProblems.DEAD_LETTER_NOT_FOUND, "dead letter");
  }
}
