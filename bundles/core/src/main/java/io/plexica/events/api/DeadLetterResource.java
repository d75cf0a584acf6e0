package io.plexica.events.api;

import static io.plexica.events.api.DeadLetterViews.REQUIRED_BODY;

import io.plexica.events.api.DeadLetterViews.DeadLetterView;
import io.plexica.events.api.DeadLetterViews.PageView;
import io.plexica.events.api.DeadLetterViews.RetryRequest;
import io.plexica.events.app.DeadLetterService;
import io.plexica.shared.security.RequiresPermission;
import io.plexica.shared.web.PageParameters;
import io.plexica.shared.web.RequestBodies;
import io.plexica.tenancy.context.CurrentTenant;
import io.plexica.tenancy.context.TenantScoped;
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

/**
 * The dead-letter queue of the caller's tenant, for its administrators ({@code plugins:manage}).
 */
@ApplicationScoped
@Path("/dead-letters")
@Tag(name = "Dead-letter queue")
@TenantScoped
@RequiresPermission("plugins:manage")
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {
  @Inject DeadLetterService deadLetters;
  @Inject RequestBodies bodies;
  @Inject CurrentTenant tenant;

  private Optional<UUID> scope() {
    return Optional.of(tenant.require().id());
  }

  @GET
  @Operation(
      operationId = "listDeadLetters",
      summary = "List this tenant's dead letters (filter by topic, plugin, status; paging)")
  @APIResponse(responseCode = "200")
  public PageView list(
      @QueryParam("topic") String topic,
      @QueryParam("plugin") String plugin,
      @QueryParam("status") String status,
      @BeanParam PageParameters paging) {
    return PageView.of(
        deadLetters.search(
            scope(),
            DeadLetterViews.query(topic, plugin, null, status, paging.page(), paging.size())));
  }

  @GET
  @Path("{id}")
  @Operation(operationId = "getDeadLetter", summary = "A dead letter of this tenant with its event")
  @APIResponse(responseCode = "200")
  public DeadLetterView get(@PathParam("id") String id) {
    return DeadLetterView.of(deadLetters.get(scope(), AdminDeadLetterResource.id(id)), true);
  }

  @POST
  @Path("retry")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "retryDeadLetters",
      summary = "Retry FAILED dead letters of this tenant (all or none)")
  @APIResponse(
      responseCode = "200",
      description = "PENDING: the retry loop takes them within a second",
      content = @Content(schema = @Schema(implementation = DeadLetterView[].class)))
  public List<DeadLetterView> retry(RetryRequest body) {
    return deadLetters.retry(scope(), bodies.value(body, REQUIRED_BODY)).stream()
        .map(d -> DeadLetterView.of(d, false))
        .toList();
  }

  @DELETE
  @Path("{id}")
  @Operation(
      operationId = "deleteDeadLetter",
      summary = "Delete a FAILED or RESOLVED dead letter of this tenant")
  @APIResponse(responseCode = "204", description = "Deleted")
  public Response delete(@PathParam("id") String id) {
    deadLetters.delete(scope(), AdminDeadLetterResource.id(id));
    return Response.noContent().build();
  }
}
