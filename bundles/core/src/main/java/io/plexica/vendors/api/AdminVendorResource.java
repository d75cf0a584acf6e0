package io.plexica.vendors.api;

import io.plexica.shared.security.PlatformAdminOnly;
import io.plexica.shared.web.RequestBodies;
import io.plexica.vendors.api.VendorViews.NewVendorRequest;
import io.plexica.vendors.api.VendorViews.VendorView;
import io.plexica.vendors.app.VendorAccounts;
import io.plexica.vendors.domain.Vendor;
import io.plexica.vendors.domain.VendorKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Plugin vendors' accounts, for platform administrators: make, list, read, remove. */
@ApplicationScoped
@PlatformAdminOnly
@Path("/admin/vendors")
@Tag(name = "Plugin vendors")
@Produces(MediaType.APPLICATION_JSON)
public class AdminVendorResource {
  @Inject VendorAccounts vendors;
  @Inject RequestBodies bodies;

  private VendorView view(Vendor vendor) {
    return VendorView.of(vendor, vendors.keys(vendor.id()), vendors.pluginsOf(vendor.id()));
  }

  @GET
  @Operation(operationId = "adminListVendors", summary = "Every vendor with its keys and plugins")
  @APIResponse(responseCode = "200")
  public List<VendorView> list() {
    java.util.Map<String, List<String>> plugins = vendors.pluginsByVendor();
    java.util.Map<String, List<VendorKey>> keys = vendors.keysByVendor();
    return vendors.list().stream()
        .map(
            v ->
                VendorView.of(
                    v,
                    keys.getOrDefault(v.id(), List.of()),
                    plugins.getOrDefault(v.id(), List.of())))
        .toList();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "adminCreateVendor",
      summary = "Make a vendor and its account",
      description =
          "The account (in the platform realm, role plugin-vendor) gets a mail with the link to"
              + " set its password; it then signs in to the console's vendor pages. Needs a mail"
              + " server. Nothing is left behind when a step fails.")
  @APIResponse(
      responseCode = "201",
      description = "Made, and the link mailed",
      content = @Content(schema = @Schema(implementation = VendorView.class)))
  @APIResponse(responseCode = "400", description = "A bad id, name or address")
  @APIResponse(
      responseCode = "409",
      description = "The id or the address is taken (vendor-exists, user-exists)")
  @APIResponse(
      responseCode = "503",
      description = "No mail server, or Keycloak unavailable: nothing was made")
  public Response create(NewVendorRequest body, @Context UriInfo uri) {
    Vendor made =
        vendors.create(bodies.value(body, "a JSON object with id, name and email is required"));
    return Response.created(uri.getAbsolutePathBuilder().path(made.id()).build())
        .entity(view(made))
        .build();
  }

  @GET
  @Path("{id}")
  @Operation(operationId = "adminGetVendor", summary = "A vendor with its keys and plugins")
  @APIResponse(responseCode = "200")
  @APIResponse(responseCode = "404", description = "No such vendor")
  public VendorView get(@PathParam("id") String id) {
    return view(vendors.get(id));
  }

  @DELETE
  @Path("{id}")
  @Operation(
      operationId = "adminRemoveVendor",
      summary = "Remove a vendor that publishes no plugin, with its account and submissions")
  @APIResponse(responseCode = "204", description = "Removed")
  @APIResponse(responseCode = "404", description = "No such vendor")
  @APIResponse(responseCode = "409", description = "It still publishes plugins")
  public Response remove(@PathParam("id") String id) {
    vendors.remove(id);
    return Response.noContent().build();
  }
}
