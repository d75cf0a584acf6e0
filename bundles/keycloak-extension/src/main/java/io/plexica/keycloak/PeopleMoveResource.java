package io.plexica.keycloak;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;
import org.keycloak.services.resources.admin.fgap.AdminPermissions;

/**
 * Moves people and service clients from another realm into this one, keeping their ids, stored
 * credentials (password hashes, one-time-password secrets) and required actions, in the request's
 * one transaction: either all of them arrive or nothing changed. The caller must be allowed to
 * manage users and clients in both realms.
 */
public final class PeopleMoveResource {
  private final KeycloakSession session;
  private final RealmModel target;
  private final AdminPermissionEvaluator auth;

  PeopleMoveResource(KeycloakSession session, RealmModel target, AdminPermissionEvaluator auth) {
    this.session = session;
    this.target = target;
    this.auth = auth;
  }

  /** Lets a caller tell whether this Keycloak has the extension (and which version of it). */
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Object> describe() {
    auth.users().requireView();
    return Map.of("extension", PeopleMovesFactory.ID, "version", 1);
  }

  @POST
  @Path("moves")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response move(MoveRequest request) {
    if (request == null || request.fromRealm == null || request.fromRealm.isBlank()) {
      return Response.status(Response.Status.BAD_REQUEST)
          .entity(Map.of("error", "fromRealm is required"))
          .build();
    }
    RealmModel source = session.realms().getRealmByName(request.fromRealm);
    // A dry run within one realm checks the people where they are, before their target exists.
    if (source == null || (source.getId().equals(target.getId()) && !request.dryRun)) {
      return Response.status(Response.Status.BAD_REQUEST)
          .entity(Map.of("error", "fromRealm must name another existing realm"))
          .build();
    }
    auth.users().requireManage();
    auth.clients().requireManage();
    AdminPermissionEvaluator onSource =
        AdminPermissions.evaluator(session, source, auth.adminAuth());
    onSource.users().requireManage();
    onSource.clients().requireManage();

    PeopleMover mover = new PeopleMover(session, source, target, request);
    List<String> conflicts = mover.conflicts();
    if (!conflicts.isEmpty()) {
      return Response.status(Response.Status.CONFLICT)
          .entity(Map.of("conflicts", conflicts))
          .build();
    }
    if (request.dryRun) {
      return Response.ok(Map.of("conflicts", List.of())).build();
    }
    try {
      return Response.ok(mover.move()).build();
    } catch (RuntimeException e) {
      // Nothing of a half-made move may be committed.
      session.getTransactionManager().setRollbackOnly();
      throw e;
    }
  }
}
